package org.curate.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.curate.core.Outcome;
import org.curate.extract.html.JsoupMainTextExtractor;
import org.curate.extract.html.MainText;
import org.curate.extract.html.MainTextExtractor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 10 item 3: hostile payloads generated here, each placed between two ordinary pages in one
 * WARC file. Each costs bounded time (the per-record deadline, JUnit timeouts as the outer bound)
 * and bounded memory (the payload limit; surefire's heap is the outer bound), is counted under a
 * reason, and the pages after it are still extracted.
 */
class HostilePayloadTest {
  private static final long LIMIT = 20L << 20;

  static byte[] record(String type, String uri, String contentType, byte[] block) {
    String head = "WARC/1.0\r\nWARC-Type: " + type + "\r\nWARC-Record-ID: <urn:uuid:" + java.util.UUID.nameUUIDFromBytes(uri.getBytes(StandardCharsets.UTF_8))
        + ">\r\nWARC-Date: 2024-01-01T00:00:00Z\r\nWARC-Target-URI: " + uri + "\r\nContent-Type: " + contentType
        + "\r\nContent-Length: " + block.length + "\r\n\r\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream(block.length + 512);
    out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(block);
    out.writeBytes("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  static byte[] httpResponse(String uri, String headers, byte[] body) {
    byte[] head = ("HTTP/1.1 200 OK\r\n" + headers + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] block = new byte[head.length + body.length];
    System.arraycopy(head, 0, block, 0, head.length);
    System.arraycopy(body, 0, block, head.length, body.length);
    return record("response", uri, "application/http; msgtype=response", block);
  }

  static byte[] page(int n) {
    String html = "<html><head><title>Ordinary " + n + "</title></head><body><p>An ordinary page number " + n
        + " with a few sentences of text. " + "It says nothing hostile at all. ".repeat(20) + "</p></body></html>";
    return httpResponse("http://example.org/ordinary/" + n, "Content-Type: text/html; charset=utf-8\r\n",
        html.getBytes(StandardCharsets.UTF_8));
  }

  /** ordinary page, the hostile record, ordinary page. */
  static byte[] sandwich(byte[] hostile) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(hostile.length + 8192);
    out.writeBytes(page(1));
    out.writeBytes(hostile);
    out.writeBytes(page(2));
    return out.toByteArray();
  }

  static List<RecordResult> extract(byte[] file, ExtractOptions options, MainTextExtractor html) {
    List<RecordResult> results = new ArrayList<>();
    try (RecordStream stream = new CrawlFileExtractor(options, html).open(new InMemorySource("hostile.warc", file))) {
      stream.forEachRemaining(results::add);
    }
    return results;
  }

  static List<RecordResult> extract(byte[] file) {
    return extract(file, new ExtractOptions(LIMIT, 5_000), new JsoupMainTextExtractor());
  }

  /** The hostile record's outcome, after checking that both ordinary pages around it were kept. */
  static Outcome<ExtractedPage> middle(List<RecordResult> results) {
    assertThat(results).hasSize(3);
    for (int i : new int[] {0, 2}) {
      assertThat(results.get(i).outcome()).isInstanceOf(Outcome.Kept.class);
      assertThat(((Outcome.Kept<ExtractedPage>) results.get(i).outcome()).value().title()).isEqualTo("Ordinary " + (i == 0 ? 1 : 2));
    }
    return results.get(1).outcome();
  }

  @Test
  @Timeout(60)
  void deepNestingOfAHundredThousandElementsIsBounded() {
    String html = "<html><body>" + "<div>".repeat(100_000) + "deep text" + "</div>".repeat(100_000) + "</body></html>";
    Outcome<ExtractedPage> outcome = middle(extract(sandwich(httpResponse("http://hostile.example/deep",
        "Content-Type: text/html\r\n", html.getBytes(StandardCharsets.UTF_8)))));
    // either the extractor copes (the text survives) or the record fails under a named reason
    if (outcome instanceof Outcome.Kept<ExtractedPage> kept) {
      assertThat(kept.value().text()).contains("deep text");
    } else {
      assertThat(outcome.reason()).isIn("extract:timeout", "extract:too-deep");
    }
  }

  @Test
  @Timeout(60)
  void fiftyMegabytePageIsDroppedAsTooLargeWithoutBeingHeld() {
    byte[] body = new byte[50 << 20];
    java.util.Arrays.fill(body, (byte) 'a');
    byte[] prefix = "<html><body><p>".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(prefix, 0, body, 0, prefix.length);
    Outcome<ExtractedPage> outcome = middle(extract(sandwich(httpResponse("http://hostile.example/big",
        "Content-Type: text/html\r\n", body))));
    assertThat(outcome).isInstanceOf(Outcome.Dropped.class);
    assertThat(outcome.reason()).isEqualTo("payload:too-large");
  }

  @Test
  @Timeout(60)
  void aMillionAttributesEndsWithinTheRecordDeadline() {
    StringBuilder html = new StringBuilder(12 << 20).append("<html><body><div");
    for (int i = 0; i < 1_000_000; i++) {
      html.append(" a").append(i).append("=x");
    }
    html.append(">text after a million attributes</div></body></html>");
    long start = System.nanoTime();
    List<RecordResult> results = extract(sandwich(httpResponse("http://hostile.example/attrs",
        "Content-Type: text/html\r\n", html.toString().getBytes(StandardCharsets.US_ASCII))),
        new ExtractOptions(LIMIT, 3_000), new JsoupMainTextExtractor());
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    Outcome<ExtractedPage> outcome = middle(results);
    if (outcome instanceof Outcome.Kept<ExtractedPage> kept) {
      assertThat(kept.value().text()).contains("text after a million attributes");
    } else {
      assertThat(outcome.reason()).isEqualTo("extract:timeout");
    }
    assertThat(took).isLessThan(Duration.ofSeconds(45));
  }

  @Test
  @Timeout(30)
  void aHangingExtractionFailsAsTimeoutAndTheNextRecordsStillRun() {
    // an extractor that never returns on one page stands in for any parser that hangs
    MainTextExtractor hangsOnOne = new MainTextExtractor() {
      private final JsoupMainTextExtractor real = new JsoupMainTextExtractor();

      @Override
      public MainText extract(String html, String baseUri) {
        if (html.contains("HANG")) {
          while (true) {
            Thread.onSpinWait(); // ignores interrupts on purpose
          }
        }
        return real.extract(html, baseUri);
      }
    };
    byte[] file = sandwich(httpResponse("http://hostile.example/hang", "Content-Type: text/html\r\n",
        "<html><body>HANG</body></html>".getBytes(StandardCharsets.US_ASCII)));
    long start = System.nanoTime();
    Outcome<ExtractedPage> outcome = middle(extract(file, new ExtractOptions(LIMIT, 500), hangsOnOne));
    assertThat(outcome).isInstanceOf(Outcome.Failed.class);
    assertThat(outcome.reason()).isEqualTo("extract:timeout");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
  }

  @Test
  @Timeout(60)
  void gzipBombInTheHttpBodyStopsAtThePayloadLimit() throws IOException {
    // inner layer: a deflate stream of 10 GiB of zeros, built from one 1 MiB sync-flushed block
    // sequence repeated (every back-reference points at zeros); outer layer: gzip of that
    byte[] chunk;
    Deflater deflater = new Deflater(9, true);
    try {
      deflater.setInput(new byte[1 << 20]);
      byte[] buffer = new byte[1 << 16];
      int n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
      chunk = java.util.Arrays.copyOf(buffer, n);
    } finally {
      deflater.end();
    }
    long inflatedSize = 10L << 30;
    ByteArrayOutputStream inner = new ByteArrayOutputStream();
    inner.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff});
    for (long i = 0; i < inflatedSize >> 20; i++) {
      inner.writeBytes(chunk);
    }
    inner.writeBytes(new byte[] {3, 0}); // final empty block
    inner.writeBytes(new byte[8]); // CRC and size (never reached)
    ByteArrayOutputStream outer = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(outer)) {
      gz.write(inner.toByteArray());
    }
    byte[] body = outer.toByteArray();
    assertThat(body.length).as("compressed bomb size").isLessThan(100_000);
    Outcome<ExtractedPage> outcome = middle(extract(sandwich(httpResponse("http://hostile.example/bomb",
        "Content-Type: text/html\r\nContent-Encoding: gzip, gzip\r\n", body))));
    assertThat(outcome).isInstanceOf(Outcome.Dropped.class);
    assertThat(outcome.reason()).isEqualTo("payload:too-large");
  }

  @Test
  @Timeout(30)
  void invalidUtf8LoneSurrogatesAndNulBytesDecodeToValidText() {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes("<html><head><title>broken bytes</title></head><body><p>before ".getBytes(StandardCharsets.US_ASCII));
    body.writeBytes(new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}); // a lone high surrogate, CESU style
    body.writeBytes(new byte[] {(byte) 0xc3, (byte) 0x28, (byte) 0xff, (byte) 0xfe, (byte) 0xe2, (byte) 0x82}); // invalid sequences
    body.writeBytes(new byte[] {0, 0, 0});
    body.writeBytes(" after".repeat(50).getBytes(StandardCharsets.US_ASCII));
    body.writeBytes("</p></body></html>".getBytes(StandardCharsets.US_ASCII));
    Outcome<ExtractedPage> outcome = middle(extract(sandwich(httpResponse("http://hostile.example/bytes",
        "Content-Type: text/html; charset=utf-8\r\n", body.toByteArray()))));
    assertThat(outcome).isInstanceOf(Outcome.Kept.class);
    String text = ((Outcome.Kept<ExtractedPage>) outcome).value().text();
    assertThat(text).contains("before").contains("after");
    assertThat(text.chars().filter(c -> Character.isSurrogate((char) c)).count()).as("unpaired surrogates").isZero();
  }

  @Test
  @Timeout(30)
  void aPdfThatIsNotAndBinaryLabelledHtmlAreCountedUnderAReason() {
    byte[] notPdf = "<html><body>this is not a pdf</body></html>".getBytes(StandardCharsets.US_ASCII);
    Outcome<ExtractedPage> pdf = middle(extract(sandwich(httpResponse("http://hostile.example/a.pdf",
        "Content-Type: application/pdf\r\n", notPdf))));
    assertThat(pdf).isInstanceOf(Outcome.Failed.class);
    assertThat(pdf.reason()).isEqualTo("tika:unparseable");

    // a "PDF" served without a type: binary bytes are not sniffed as HTML
    byte[] fake = new byte[64 * 1024];
    new java.util.Random(10).nextBytes(fake);
    System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, fake, 0, 9);
    Outcome<ExtractedPage> untyped = middle(extract(sandwich(httpResponse("http://hostile.example/b", "", fake))));
    assertThat(untyped).isInstanceOf(Outcome.Dropped.class);
    assertThat(untyped.reason()).startsWith("non-html:");
  }
}
