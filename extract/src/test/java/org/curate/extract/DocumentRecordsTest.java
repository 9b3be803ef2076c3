package org.curate.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.curate.extract.HostilePayloadTest.extract;
import static org.curate.extract.HostilePayloadTest.httpResponse;
import static org.curate.extract.HostilePayloadTest.middle;
import static org.curate.extract.HostilePayloadTest.record;
import static org.curate.extract.HostilePayloadTest.sandwich;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.curate.core.Outcome;
import org.curate.extract.document.DocumentFixtures;
import org.curate.extract.document.DocumentLimits;
import org.curate.extract.html.ExtractionMode;
import org.curate.extract.html.JsoupMainTextExtractor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** PDF, office and plain-text records in a WARC, each between two ordinary HTML pages. */
class DocumentRecordsTest {
  private static final String PDF = "Content-Type: application/pdf\r\n";

  private static ExtractedPage kept(Outcome<ExtractedPage> outcome) {
    assertThat(outcome).isInstanceOf(Outcome.Kept.class);
    return ((Outcome.Kept<ExtractedPage>) outcome).value();
  }

  @Test
  @Timeout(60)
  void aPdfResponseBetweenTwoPagesIsKeptAsADocument() {
    byte[] pdf = DocumentFixtures.pdf("Annual report", List.of("Revenue grew by four percent in the year."));
    ExtractedPage doc = kept(middle(extract(sandwich(httpResponse("http://example.org/report.pdf", PDF, pdf)))));
    assertThat(doc.extractionMode()).isEqualTo(ExtractionMode.DOCUMENT);
    assertThat(doc.extractionMode().code()).isEqualTo("document");
    assertThat(doc.contentType()).isEqualTo("application/pdf");
    assertThat(doc.title()).isEqualTo("Annual report");
    assertThat(doc.text()).contains("Revenue grew by four percent in the year.");
    assertThat(doc.httpStatus()).isEqualTo(200);
    assertThat(doc.charset()).isNull();
    assertThat(doc.url()).isEqualTo("http://example.org/report.pdf");
  }

  @Test
  @Timeout(60)
  void gzipEncodedDocxAndAResourceRecordAreParsedToo() throws Exception {
    byte[] docx = DocumentFixtures.docx("Memo", List.of("A memo about the harbour works."));
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (var out = new java.util.zip.GZIPOutputStream(gz)) {
      out.write(docx);
    }
    ExtractedPage fromHttp = kept(middle(extract(sandwich(httpResponse("http://example.org/memo.docx",
        "Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document\r\nContent-Encoding: gzip\r\n",
        gz.toByteArray())))));
    assertThat(fromHttp.text()).contains("A memo about the harbour works.");

    byte[] rtf = DocumentFixtures.rtf(List.of("A rich text letter stored as a resource."));
    ExtractedPage resource = kept(middle(extract(sandwich(record("resource", "http://example.org/letter.rtf", "application/rtf", rtf)))));
    assertThat(resource.text()).contains("A rich text letter stored as a resource.");
    assertThat(resource.httpStatus()).isEqualTo(-1);
  }

  @Test
  @Timeout(60)
  void brokenEncryptedAndSpreadsheetDocumentsAreCountedUnderReasons() {
    Outcome<ExtractedPage> notPdf = middle(extract(sandwich(httpResponse("http://example.org/a.pdf", PDF,
        "<html><body>this is not a pdf</body></html>".getBytes(StandardCharsets.US_ASCII)))));
    assertThat(notPdf).isInstanceOf(Outcome.Failed.class);
    assertThat(notPdf.reason()).isEqualTo("tika:unparseable");
    assertThat(((Outcome.Failed<ExtractedPage>) notPdf).detail()).contains("hostile.warc").contains("http://example.org/a.pdf");

    Outcome<ExtractedPage> encrypted = middle(extract(sandwich(httpResponse("http://example.org/secret.pdf", PDF,
        DocumentFixtures.encryptedPdf("Secret", List.of("Hidden."), "pw")))));
    assertThat(encrypted).isInstanceOf(Outcome.Dropped.class);
    assertThat(encrypted.reason()).isEqualTo("tika:encrypted");

    Outcome<ExtractedPage> sheet = middle(extract(sandwich(httpResponse("http://example.org/s.xlsx",
        "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n", new byte[] {'P', 'K', 3, 4}))));
    assertThat(sheet.reason()).isEqualTo("non-html:office");
  }

  @Test
  @Timeout(60)
  void documentsOverTheDocumentSizeLimitAreDroppedUnparsed() {
    byte[] pdf = DocumentFixtures.pdf("Big", List.of("Some text."));
    ExtractOptions options = new ExtractOptions(20L << 20, 5_000, new DocumentLimits(pdf.length - 1, 1000, 5_000));
    Outcome<ExtractedPage> outcome = middle(extract(sandwich(httpResponse("http://example.org/big.pdf", PDF, pdf)),
        options, new JsoupMainTextExtractor()));
    assertThat(outcome.reason()).isEqualTo("payload:too-large");
  }

  @Test
  @Timeout(60)
  void aParseOverTheDeadlineFailsAsTimeoutAndLeavesNoThreadRunning() throws InterruptedException {
    List<String> pages = IntStream.range(0, 400).mapToObj(i -> "Page " + i + " of a long document with some words on it.").toList();
    byte[] longPdf = DocumentFixtures.pdf("Long", pages);
    ExtractOptions options = new ExtractOptions(20L << 20, 10_000, new DocumentLimits(20L << 20, 1_000_000, 1));
    Outcome<ExtractedPage> outcome = middle(extract(sandwich(httpResponse("http://example.org/long.pdf", PDF, longPdf)),
        options, new JsoupMainTextExtractor()));
    assertThat(outcome).isInstanceOf(Outcome.Failed.class);
    assertThat(outcome.reason()).isEqualTo("tika:timeout");
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (documentWorkersAlive() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(documentWorkersAlive()).as("document worker threads still alive").isZero();
  }

  private static long documentWorkersAlive() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("curate-document-extract") && t.isAlive()).count();
  }

  @Test
  @Timeout(60)
  void plainTextIsKeptButRobotsTxtAndBinaryAreNot() {
    String prose = "Notes on the river.\n\nThe water rose in April and fell in May.\n";
    ExtractedPage text = kept(middle(extract(sandwich(httpResponse("http://example.org/notes.txt",
        "Content-Type: text/plain; charset=utf-8\r\n", prose.getBytes(StandardCharsets.UTF_8))))));
    assertThat(text.extractionMode()).isEqualTo(ExtractionMode.PLAIN_TEXT);
    assertThat(text.text()).isEqualTo(prose);
    assertThat(text.contentType()).isEqualTo("text/plain");

    Outcome<ExtractedPage> robots = middle(extract(sandwich(httpResponse("http://example.org/robots.txt",
        "Content-Type: text/plain\r\n", "User-agent: *\nDisallow: /private\n".getBytes(StandardCharsets.US_ASCII)))));
    assertThat(robots.reason()).isEqualTo("non-html:text");

    byte[] binary = "PK\0\0binary bytes served as text".getBytes(StandardCharsets.US_ASCII);
    Outcome<ExtractedPage> bin = middle(extract(sandwich(httpResponse("http://example.org/x.txt", "Content-Type: text/plain\r\n", binary))));
    assertThat(bin.reason()).isEqualTo("non-html:text");
  }

  @Test
  @Timeout(60)
  void theSameWarcGivesTheSameOutcomes() {
    ByteArrayOutputStream warc = new ByteArrayOutputStream();
    warc.writeBytes(httpResponse("http://example.org/a.pdf", PDF, DocumentFixtures.pdf("A", List.of("Alpha text."))));
    warc.writeBytes(httpResponse("http://example.org/b.odt", "Content-Type: application/vnd.oasis.opendocument.text\r\n",
        DocumentFixtures.odt("B", List.of("Beta text."))));
    warc.writeBytes(httpResponse("http://example.org/c.ppt", "Content-Type: application/vnd.ms-powerpoint\r\n",
        DocumentFixtures.ppt(List.of("Gamma slide."))));
    byte[] file = sandwich(warc.toByteArray());
    List<RecordResult> first = extract(file);
    List<RecordResult> second = extract(file);
    assertThat(first).hasSize(5);
    assertThat(first).isEqualTo(second);
    assertThat(first.stream().map(r -> r.outcome()).filter(o -> o instanceof Outcome.Kept).count()).isEqualTo(5);
    assertThat(((Outcome.Kept<ExtractedPage>) first.get(3).outcome()).value().text()).contains("Gamma slide.");
  }
}
