package org.curate.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.curate.extract.html.ExtractionMode;
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
    // The counts are of HTML (and WET text) records; PDF/office documents and text/plain responses are kept too since Tika.
    assertThat(tally.kept().stream().filter(p -> !isDocumentOrTextResponse(p)).toList()).as("kept pages").hasSize(expectedPages);
    assertThat(tally.failureReasons()).as("failures in a real crawl file").isEmpty();
  }

  private static boolean isDocumentOrTextResponse(ExtractedPage p) {
    return p.extractionMode() == ExtractionMode.DOCUMENT
        || (p.extractionMode() == ExtractionMode.PLAIN_TEXT && p.httpStatus() != -1);
  }

  @Test
  void officeAndPdfRecordsOfRealCrawlsBecomeDocuments() {
    ExtractionTally docs = ExtractionTally.of(SharedData.warc("webarchives/aut__example.docs.warc.gz"));
    // pptx, rtf, odp, docx, odt parsed; ods and xlsx are spreadsheets (non-html:office), csv and tsv text/csv etc.
    assertThat(docs.kept().stream().filter(p -> p.extractionMode() == ExtractionMode.DOCUMENT).map(p -> p.url().replaceAll(".*\\.", "")))
        .containsExactlyInAnyOrder("pptx", "rtf", "odp", "docx", "odt");
    assertThat(docs.kept()).allSatisfy(p -> assertThat(p.text()).containsIgnoringCase("archives unleashed"));
    ExtractedPage paper = ExtractionTally.of(SharedData.warc("webarchives/aut__example.pdf.warc.gz")).page("cost-analysis.pdf");
    assertThat(paper.extractionMode()).isEqualTo(ExtractionMode.DOCUMENT);
    assertThat(paper.title()).isEqualTo("The Cost of a WARC: Analyzing Web Archives in the Cloud");
    assertThat(paper.text()).contains("How much does it cost to analyze web archives");
  }

  @Test
  void theCountsFileCoversEveryRealCrawlFile() throws IOException {
    long real = SharedData.allWarcFiles().stream().filter(p -> !p.getParent().getFileName().toString().equals("edge-cases")).count();
    assertThat(realFiles()).hasSize((int) real);
  }

  // exact counts for every edge-case file: EdgeCaseCorpusTest

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
