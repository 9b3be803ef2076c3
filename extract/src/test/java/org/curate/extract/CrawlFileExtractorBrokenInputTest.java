package org.curate.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.curate.core.Outcome;
import org.curate.extract.html.JsoupMainTextExtractor;
import org.junit.jupiter.api.Test;

/** Synthetic broken crawl files: each break is counted once and the records after it are recovered. */
class CrawlFileExtractorBrokenInputTest {

  static byte[] response(int n) {
    String html = "<html><head><title>Page " + n + "</title></head><body><p>Body of page " + n + " "
        + "filler text ".repeat(200) + "</p></body></html>";
    String http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: "
        + html.length() + "\r\n\r\n" + html;
    byte[] block = http.getBytes(StandardCharsets.UTF_8);
    String head = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-00000000000" + n
        + ">\r\nWARC-Date: 2020-01-0" + n + "T00:00:00Z\r\nWARC-Target-URI: http://example.org/" + n
        + "\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: " + block.length + "\r\n\r\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(block);
    out.writeBytes("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return out.toByteArray();
  }

  static List<RecordResult> extract(byte[] file) {
    List<RecordResult> results = new ArrayList<>();
    CrawlFileExtractor extractor = new CrawlFileExtractor(ExtractOptions.defaults(), new JsoupMainTextExtractor());
    try (RecordStream stream = extractor.open(new InMemorySource("test.warc", file))) {
      stream.forEachRemaining(results::add);
    }
    return results;
  }

  static List<String> summary(List<RecordResult> results) {
    return results.stream().map(r -> r.outcome() instanceof Outcome.Kept<ExtractedPage> k
        ? k.value().title() : r.outcome().reason()).toList();
  }

  /** Found by WarcReaderFuzzTest: jwarc's WarcRecord.type() throws when WARC-Type is missing (was extract:error). */
  @Test
  void aRecordWithoutWarcTypeIsAnUnknownTypeAndItsNeighboursAreKept() {
    byte[] untyped = "WARC/1.0\r\nWARC-Tart-Length: 973\r\nContent-Length: 19\r\n\r\nHTTP/1.1 200 OK\r\n\r\n\r\n\r\n"
        .getBytes(StandardCharsets.US_ASCII);
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.writeBytes(response(1));
    file.writeBytes(untyped);
    file.writeBytes(response(2));

    assertThat(summary(extract(file.toByteArray()))).containsExactly("Page 1", "warc:unknown-type", "Page 2");
  }

  @Test
  void truncatedGzipMemberInTheMiddleIsCountedOnceAndLaterRecordsAreRecovered() {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    long[] offsets = new long[6];
    for (int n = 1; n <= 5; n++) {
      offsets[n] = file.size();
      byte[] member = gzip(response(n));
      file.writeBytes(n == 3 ? Arrays.copyOf(member, member.length / 2) : member);
    }
    List<RecordResult> results = extract(file.toByteArray());

    assertThat(summary(results)).hasSize(5);
    assertThat(summary(results).get(2)).isIn("warc:truncated-gzip", "warc:corrupt-gzip");
    assertThat(summary(results)).containsExactly("Page 1", "Page 2", summary(results).get(2), "Page 4", "Page 5");
    assertThat(results.get(3).ref().offset()).isEqualTo(offsets[4]);
    assertThat(results.get(4).ref().offset()).isEqualTo(offsets[5]);
  }

  @Test
  void garbageBetweenUncompressedRecordsIsOneFailure() {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.writeBytes(response(1));
    file.writeBytes("stray bytes the previous Content-Length did not cover\r\n".getBytes(StandardCharsets.US_ASCII));
    file.writeBytes(response(2));
    assertThat(summary(extract(file.toByteArray())))
        .containsExactly("Page 1", "warc:bad-content-length", "Page 2");
  }

  @Test
  void singleCrlfBetweenRecordsLosesNothing() {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    for (int n = 1; n <= 3; n++) {
      byte[] record = response(n);
      file.writeBytes(Arrays.copyOf(record, record.length - 2));
    }
    assertThat(summary(extract(file.toByteArray()))).containsExactly("Page 1", "Page 2", "Page 3");
  }

  @Test
  void wholeFileGzipWithTrailingGarbage() {
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    plain.writeBytes(response(1));
    plain.writeBytes(response(2));
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.writeBytes(gzip(plain.toByteArray()));
    file.writeBytes("OPEN FILE STILL BEING WRITTEN".getBytes(StandardCharsets.US_ASCII));
    assertThat(summary(extract(file.toByteArray()))).containsExactly("Page 1", "Page 2", "warc:trailing-garbage");
  }

  @Test
  void oversizedPayloadIsDroppedAndReadingContinues() {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.writeBytes(gzip(response(1)));
    file.writeBytes(gzip(response(2)));
    List<String> reasons = new ArrayList<>();
    CrawlFileExtractor extractor = new CrawlFileExtractor(new ExtractOptions(1000), new JsoupMainTextExtractor());
    try (RecordStream stream = extractor.open(new InMemorySource("big.warc.gz", file.toByteArray()))) {
      stream.forEachRemaining(r -> reasons.add(r.outcome().reason()));
    }
    assertThat(reasons).containsExactly("payload:too-large", "payload:too-large");
  }

  @Test
  void unreadableFileIsOneFailure() {
    ByteSource broken = new ByteSource() {
      @Override
      public String name() {
        return "gone.warc";
      }

      @Override
      public long length() throws IOException {
        throw new IOException("no such file");
      }

      @Override
      public InputStream openAt(long offset) throws IOException {
        throw new IOException("no such file");
      }
    };
    List<RecordResult> results = new ArrayList<>();
    try (RecordStream stream = new CrawlFileExtractor(ExtractOptions.defaults(), new JsoupMainTextExtractor()).open(broken)) {
      stream.forEachRemaining(results::add);
    }
    assertThat(summary(results)).containsExactly("file:unreadable");
  }

  @Test
  void pageFieldsAreFilled() {
    ExtractedPage page = ((Outcome.Kept<ExtractedPage>) extract(response(1)).get(0).outcome()).value();
    assertThat(page.url()).isEqualTo("http://example.org/1");
    assertThat(page.host()).isEqualTo("example.org");
    assertThat(page.httpStatus()).isEqualTo(200);
    assertThat(page.contentType()).isEqualTo("text/html");
    assertThat(page.charset()).isEqualTo("UTF-8");
    assertThat(page.id()).isEqualTo(DocumentIds.of("<urn:uuid:00000000-0000-4000-8000-000000000001>", null, null));
    assertThat(page.warcDate()).hasToString("2020-01-01T00:00:00Z");
    assertThat(page.source().offset()).isZero();
  }

  @Test
  void nulPaddingBetweenRecordsIsNotAFailure() {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.writeBytes(response(1));
    file.writeBytes(new byte[] {0, 0, '\r', '\n'});
    file.writeBytes(response(2));
    assertThat(summary(extract(file.toByteArray()))).containsExactly("Page 1", "Page 2");
  }

  @Test
  void foldedHeaderLinesAreUnfoldedWithoutShiftingLaterOffsets() {
    String folded = new String(response(2), StandardCharsets.UTF_8)
        .replace("WARC-Type: response\r\n", "WARC-Type:\r\n\tresponse\r\n")
        .replace("WARC-Target-URI: http", "WARC-Target-URI:\r\n http");
    byte[] second = folded.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.writeBytes(response(1));
    file.writeBytes(second);
    file.writeBytes(response(3));
    List<RecordResult> results = extract(file.toByteArray());
    assertThat(summary(results)).containsExactly("Page 1", "Page 2", "Page 3");
    assertThat(results.get(1).ref().url()).isEqualTo("http://example.org/2");
    assertThat(results.get(2).ref().offset()).isEqualTo(response(1).length + second.length);
  }

  @Test
  void wholeFileGzipRecordLongerThanItsDataDoesNotHideTheRecordsAfterIt() {
    String first = new String(response(1), StandardCharsets.UTF_8);
    int declared = Integer.parseInt(first.replaceAll("(?s).*?\r\nContent-Length: (\\d+)\r\n\r\n.*", "$1"));
    // record 1 claims more bytes than exist before the end: it swallows records 2 and 3
    byte[] liar = first.replaceFirst("Content-Length: " + declared + "\r\n\r\n",
        "Content-Length: " + (declared + 100_000) + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.writeBytes(liar);
    file.writeBytes(response(2));
    file.writeBytes(response(3));
    assertThat(summary(extract(gzip(file.toByteArray()))))
        .containsExactly("warc:bad-content-length", "Page 2", "Page 3");
  }
}
