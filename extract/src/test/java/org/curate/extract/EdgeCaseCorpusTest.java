package org.curate.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.curate.core.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of the shared broken-WARC corpus ({@code warc/edge-cases/}) with the exact outcome
 * counts: records seen, kept, dropped by reason, failed by reason. The expectations come from
 * reading the bytes of each file (record headers, declared vs. actual lengths, gzip members) and
 * the corpus README's record-type counts; docs/edge-cases.md explains each row.
 */
class EdgeCaseCorpusTest {

  /** What extraction must yield for one file. */
  record Expected(int seen, int kept, Map<String, Integer> dropped, Map<String, Integer> failed) {}

  private static Arguments row(String file, int seen, int kept, Map<String, Integer> dropped, Map<String, Integer> failed) {
    return Arguments.of(file, new Expected(seen, kept, dropped, failed));
  }

  static Stream<Arguments> corpus() {
    return Stream.of(
        // filedesc, dns, robots.txt; then three www.archive.org headers each declaring 680 bytes where
        // ~240 follow: the first has "null" as its date (parse error), the other two run into the next
        // header / the end of the data (each counted once, the next one still tried)
        row("aut__badexample.arc.gz", 6, 0,
            Map.of("warc:warcinfo", 1, "non-http:dns", 1, "non-html:text", 1),
            Map.of("warc:parse-error", 1, "warc:bad-content-length", 2)),
        // one complete gzip member with 12 (30) HTML responses, then bytes that are not gzip
        row("gowarc__corrupted-mid-record.warc.gz.open", 13, 12, Map.of(), Map.of("warc:trailing-garbage", 1)),
        row("gowarc__corrupted-trailing-bytes.warc.gz.open", 31, 30, Map.of(), Map.of("warc:trailing-garbage", 1)),
        // chunked body with trailer headers: decoded; wget metadata + two resource records
        row("ipwb__baconIpsum_chunked_httpTrailors.warc", 6, 1,
            Map.of("warc:warcinfo", 1, "warc:request", 1, "warc:metadata", 1, "warc:resource", 2), Map.of()),
        // the frog.png response declares Content-Length 7: its block is "HTTP/1." (no Content-Type, not
        // HTML by sniffing); the rest of its HTTP message (PNG) runs to the end of the file
        row("ipwb__broken.warc", 7, 1,
            Map.of("warc:warcinfo", 1, "warc:request", 2, "warc:metadata", 1, "non-html:other", 1),
            Map.of("warc:trailing-garbage", 1)),
        row("jwarc__gzip_extra_sl.warc.gz", 1, 0, Map.of("warc:warcinfo", 1), Map.of()),
        // charset=big5_solaris (unknown to Java): both HTML pages still kept; one PNG
        row("jwat__invalid-warcfile-encoding-headers.warc.gz", 4, 2,
            Map.of("warc:warcinfo", 1, "non-html:image", 1), Map.of()),
        // WARC/0.17 header values folded over TAB continuation lines: unfolded and read
        row("jwat__valid-warcfile-utf8.warc", 1, 0, Map.of("warc:warcinfo", 1), Map.of()),
        // single-CRLF separators: all 60 records; 30 requests, 1 HTML, 20 JPEG, 5 JS, 3 CSS, 1 font
        row("node-warc__books.toscrape.warc", 60, 1,
            Map.of("warc:request", 30, "non-html:image", 20, "non-html:script", 5, "non-html:css", 3,
                "non-html:other", 1), Map.of()),
        // whole file one gzip member: 200 page, 302 page, revisit
        row("pywb__example-bad.warc.gz.bad", 6, 2,
            Map.of("warc:warcinfo", 1, "warc:request", 2, "warc:revisit", 1), Map.of()),
        row("pywb__example.arc.gz", 2, 1, Map.of("warc:warcinfo", 1), Map.of()),
        row("resiliparse__block-sized-records.warc.gz", 3, 0, Map.of("warc:unknown-type", 3), Map.of()),
        // the only record's gzip member ends without trailer, 13 KB short of its Content-Length
        row("resiliparse__clipped.warc.gz", 1, 0, Map.of(), Map.of("warc:truncated-gzip", 1)),
        row("solrwayback__transfer_compression_gzip_chunked.warc.gz", 3, 1,
            Map.of("warc:warcinfo", 1, "warc:request", 1), Map.of()),
        // third member (the response) cut off after 911 of its bytes
        row("solrwayback__transfer_compression_none_truncated.warc.gz", 3, 0,
            Map.of("warc:warcinfo", 1, "warc:request", 1), Map.of("warc:truncated-gzip", 1)),
        row("warcio__example-bad-non-chunked.warc.gz", 6, 1,
            Map.of("warc:warcinfo", 2, "warc:request", 2, "warc:revisit", 1), Map.of()),
        row("warcio__example-iana.org-chunked.warc", 3, 1, Map.of("warc:warcinfo", 1, "warc:request", 1), Map.of()),
        // a PNG resource record
        row("warcio__example-space-in-target-uri.warc.gz", 2, 0, Map.of("warc:warcinfo", 1, "warc:resource", 1), Map.of()),
        // Content-Length 2 short: the last two bytes of the gzip trailer (00 00) sit before the separator;
        // the body inflates fully, the two NUL bytes are padding, nothing is lost
        row("warcio__example-trunc.warc", 4, 1, Map.of("warc:warcinfo", 2, "warc:request", 1), Map.of()),
        // 3 gzip members for 2 records (the request starts inside the third member)
        row("warcio__example-wrong-chunks.warc.gz", 2, 1, Map.of("warc:request", 1), Map.of()),
        row("webarchive-commons__mutliple-headers.warc", 1, 1, Map.of(), Map.of()),
        // the 404 page is kept by extraction (status filtering is a later stage)
        row("webarchive-discovery__ip-host-testcase.warc.gz", 6, 1,
            Map.of("warc:warcinfo", 1, "warc:request", 1, "warc:metadata", 1, "warc:resource", 2), Map.of()),
        row("webarchive-discovery__transfer_compression_brotli.warc.gz", 5, 1,
            Map.of("warc:warcinfo", 1, "warc:request", 1, "warc:metadata", 1, "warc:resource", 1), Map.of()),
        row("webarchive-discovery__transfer_compression_gzip.warc.gz", 5, 1,
            Map.of("warc:warcinfo", 1, "warc:request", 1, "warc:metadata", 1, "warc:resource", 1), Map.of()),
        row("webarchive-discovery__truncated_datetime.warc", 5, 1,
            Map.of("warc:warcinfo", 1, "warc:request", 1, "warc:metadata", 1, "warc:resource", 1), Map.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void eachEdgeCaseFileYieldsExactlyTheExpectedCounts(String file, Expected expected) {
    ExtractionTally tally = ExtractionTally.of(SharedData.warc("edge-cases/" + file));
    Map<String, Integer> dropped = new TreeMap<>();
    for (RecordResult result : tally.results()) {
      if (result.outcome() instanceof Outcome.Dropped<ExtractedPage> d) {
        dropped.merge(d.reason(), 1, Integer::sum);
      }
    }
    assertThat(tally.results()).as("records seen").hasSize(expected.seen());
    assertThat(tally.kept()).as("kept").hasSize(expected.kept());
    assertThat(dropped).as("dropped by reason").isEqualTo(new TreeMap<>(expected.dropped()));
    assertThat(tally.failureReasons()).as("failed by reason").isEqualTo(new TreeMap<>(expected.failed()));
  }

  @Test
  void theTableCoversEveryFileOfTheCorpus() throws IOException {
    var files = SharedData.allWarcFiles().stream()
        .filter(p -> p.getParent().getFileName().toString().equals("edge-cases"))
        .map(Path::getFileName).map(Path::toString).sorted().toList();
    assertThat(corpus().map(a -> (String) a.get()[0]).sorted().toList()).isEqualTo(files);
  }
}
