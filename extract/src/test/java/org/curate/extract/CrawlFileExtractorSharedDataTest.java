package org.curate.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Reads every shared crawl file end to end; page counts are established independently (see the tsv). */
class CrawlFileExtractorSharedDataTest {

  static Stream<Path> allFiles() throws IOException {
    return SharedData.allWarcFiles().stream();
  }

  @ParameterizedTest
  @MethodSource("allFiles")
  void everyFileIsReadToTheEndWithoutThrowing(Path file) {
    assertThatCode(() -> {
      ExtractionTally tally = ExtractionTally.of(file);
      assertThat(tally.results()).isNotEmpty();
      assertThat(tally.results()).hasSize(tally.kept().size() + tally.dropped() + tally.failed());
    }).doesNotThrowAnyException();
  }

  static Stream<Arguments> realFiles() throws IOException {
    List<Arguments> rows = new ArrayList<>();
    try (InputStream in = CrawlFileExtractorSharedDataTest.class.getResourceAsStream("/real-crawl-html-counts.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] columns = line.split("\t");
        rows.add(Arguments.of(columns[0], Integer.parseInt(columns[1])));
      }
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "{0}: {1} pages")
  @MethodSource("realFiles")
  void realCrawlFilesKeepExactlyTheirHtmlResponses(String relativePath, int expectedPages) {
    ExtractionTally tally = ExtractionTally.of(SharedData.root().resolve(relativePath));
    assertThat(tally.kept()).as("kept pages").hasSize(expectedPages);
    assertThat(tally.failureReasons()).as("failures in a real crawl file").isEmpty();
  }

  @Test
  void theCountsFileCoversEveryRealCrawlFile() throws IOException {
    long real = SharedData.allWarcFiles().stream().filter(p -> !p.getParent().getFileName().toString().equals("edge-cases")).count();
    assertThat(realFiles()).hasSize((int) real);
  }

  /** Kept pages and failures per edge case, as observed and checked against the README's description. */
  static Stream<Arguments> edgeCases() {
    return Stream.of(
        // filedesc, dns, robots.txt, then a header with "null" as date (parse error) and a record whose
        // declared length runs past the end of the data
        Arguments.of("aut__badexample.arc.gz", 0, Map.of("warc:parse-error", 1, "warc:bad-content-length", 1)),
        // one gzip member with 12 (30) responses, then non-gzip bytes of a file still being written
        Arguments.of("gowarc__corrupted-mid-record.warc.gz.open", 12, Map.of("warc:trailing-garbage", 1)),
        Arguments.of("gowarc__corrupted-trailing-bytes.warc.gz.open", 30, Map.of("warc:trailing-garbage", 1)),
        Arguments.of("ipwb__baconIpsum_chunked_httpTrailors.warc", 1, Map.of()),
        // the last response declares Content-Length 7: jwarc reads "HTTP/1." as a head without Content-Type
        // (not HTML by sniffing: non-html:other); the rest of its HTTP message trails the last record
        Arguments.of("ipwb__broken.warc", 1, Map.of("warc:trailing-garbage", 1)),
        Arguments.of("jwarc__gzip_extra_sl.warc.gz", 0, Map.of()),
        Arguments.of("jwat__invalid-warcfile-encoding-headers.warc.gz", 2, Map.of()),
        // WARC/0.17 folded header lines: jwarc cannot parse the only (warcinfo) record
        Arguments.of("jwat__valid-warcfile-utf8.warc", 0, Map.of("warc:parse-error", 1)),
        // single-CRLF separators lose nothing: all 60 records, no failure; 1 HTML page
        Arguments.of("node-warc__books.toscrape.warc", 1, Map.of()),
        // 3 responses: one 302 HTML page, one HTML page, the third is a revisit
        Arguments.of("pywb__example-bad.warc.gz.bad", 2, Map.of()),
        Arguments.of("pywb__example.arc.gz", 1, Map.of()),
        Arguments.of("resiliparse__block-sized-records.warc.gz", 0, Map.of()),
        // the only record's gzip stream ends early: the record is lost
        Arguments.of("resiliparse__clipped.warc.gz", 0, Map.of("warc:truncated-gzip", 1)),
        Arguments.of("solrwayback__transfer_compression_gzip_chunked.warc.gz", 1, Map.of()),
        Arguments.of("solrwayback__transfer_compression_none_truncated.warc.gz", 0, Map.of("warc:truncated-gzip", 1)),
        Arguments.of("warcio__example-bad-non-chunked.warc.gz", 1, Map.of()),
        Arguments.of("warcio__example-iana.org-chunked.warc", 1, Map.of()),
        // a PNG resource (with a space in its target URI)
        Arguments.of("warcio__example-space-in-target-uri.warc.gz", 0, Map.of()),
        // two stray NUL bytes after the response: counted once, the request after it is recovered
        Arguments.of("warcio__example-trunc.warc", 1, Map.of("warc:bad-content-length", 1)),
        Arguments.of("warcio__example-wrong-chunks.warc.gz", 1, Map.of()),
        Arguments.of("webarchive-commons__mutliple-headers.warc", 1, Map.of()),
        Arguments.of("webarchive-discovery__ip-host-testcase.warc.gz", 1, Map.of()),
        Arguments.of("webarchive-discovery__transfer_compression_brotli.warc.gz", 1, Map.of()),
        Arguments.of("webarchive-discovery__transfer_compression_gzip.warc.gz", 1, Map.of()),
        Arguments.of("webarchive-discovery__truncated_datetime.warc", 1, Map.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("edgeCases")
  void edgeCasesKeepWhatIsReadableAndCountEachBreakOnce(String name, int keptPages, Map<String, Integer> failures) {
    ExtractionTally tally = ExtractionTally.of(SharedData.warc("edge-cases/" + name));
    assertThat(tally.kept()).as("kept pages").hasSize(keptPages);
    assertThat(tally.failureReasons()).isEqualTo(failures);
  }

  @Test
  void everyEdgeCaseFileHasAnExpectation() throws IOException {
    long edgeFiles = SharedData.allWarcFiles().stream()
        .filter(p -> p.getParent().getFileName().toString().equals("edge-cases")).count();
    assertThat(edgeCases()).hasSize((int) edgeFiles);
  }

  @Test
  void booksToscrapeYieldsAllSixtyRecords() {
    assertThat(ExtractionTally.of(SharedData.warc("edge-cases/node-warc__books.toscrape.warc")).results()).hasSize(60);
  }

  @Test
  void compressedAndChunkedBodiesAreDecoded() {
    assertThat(titleAndText(ExtractionTally.of(SharedData.warc("edge-cases/webarchive-discovery__transfer_compression_brotli.warc.gz"))
        .kept().get(0))).contains("Extremely simple webpage used for testing GZip and Brotli");
    assertThat(titleAndText(ExtractionTally.of(SharedData.warc("edge-cases/webarchive-discovery__transfer_compression_gzip.warc.gz"))
        .kept().get(0))).contains("Extremely simple webpage");
    assertThat(titleAndText(ExtractionTally.of(SharedData.warc("edge-cases/solrwayback__transfer_compression_gzip_chunked.warc.gz"))
        .kept().get(0))).contains("Magyar Elektronikus Könyvtár");
  }

  /** Decoding is what these tests check; where the main-text extractor draws the line is not. */
  private static String titleAndText(ExtractedPage page) {
    return page.title() + "\n" + page.text();
  }
}
