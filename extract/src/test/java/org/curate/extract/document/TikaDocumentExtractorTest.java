package org.curate.extract.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TikaDocumentExtractorTest {
  private final TikaDocumentExtractor extractor = new TikaDocumentExtractor(DocumentLimits.DEFAULT_MAX_CHARS);

  private static DocumentResult.Parsed parsed(DocumentResult result) {
    assertThat(result).isInstanceOf(DocumentResult.Parsed.class);
    return (DocumentResult.Parsed) result;
  }

  private DocumentResult extract(byte[] bytes) {
    return extractor.extract(bytes, bytes.length);
  }

  @Test
  void pdfGivesTitleAndTheTextOfEveryPage() {
    DocumentResult.Parsed doc = parsed(extract(DocumentFixtures.pdf("Annual report 2024",
        List.of("The river rose three metres in April.", "The new bridge opened in June."))));
    assertThat(doc.title()).isEqualTo("Annual report 2024");
    assertThat(doc.text()).contains("The river rose three metres in April.").contains("The new bridge opened in June.");
    assertThat(doc.text().indexOf("river")).isLessThan(doc.text().indexOf("bridge"));
    assertThat(doc.truncated()).isFalse();
  }

  @Test
  void docxGivesTitleAndParagraphsOnTheirOwnLines() {
    DocumentResult.Parsed doc = parsed(extract(DocumentFixtures.docx("Minutes",
        List.of("First paragraph about the council meeting.", "Second paragraph with the decisions."))));
    assertThat(doc.title()).isEqualTo("Minutes");
    assertThat(doc.text().lines().toList())
        .contains("First paragraph about the council meeting.", "Second paragraph with the decisions.");
  }

  @Test
  void odtRtfAndPptGiveTheirText() {
    DocumentResult.Parsed odt = parsed(extract(DocumentFixtures.odt("Open title", List.of("Open document prose here.", "And more."))));
    assertThat(odt.title()).isEqualTo("Open title");
    assertThat(odt.text().lines().toList()).contains("Open document prose here.", "And more.");

    DocumentResult.Parsed rtf = parsed(extract(DocumentFixtures.rtf(List.of("Rich text paragraph one.", "Rich text paragraph two."))));
    assertThat(rtf.text()).contains("Rich text paragraph one.").contains("Rich text paragraph two.");

    DocumentResult.Parsed ppt = parsed(extract(DocumentFixtures.ppt(List.of("Slide one says hello.", "Slide two says goodbye."))));
    assertThat(ppt.text()).contains("Slide one says hello.").contains("Slide two says goodbye.");
  }

  @Test
  void encryptedPdfIsDroppedAsEncrypted() {
    DocumentResult result = extract(DocumentFixtures.encryptedPdf("Secret", List.of("Hidden text."), "user-secret"));
    assertThat(result).isInstanceOf(DocumentResult.Unusable.class);
    DocumentResult.Unusable unusable = (DocumentResult.Unusable) result;
    assertThat(unusable.reason()).isEqualTo(TikaDocumentExtractor.ENCRYPTED);
    assertThat(unusable.failed()).isFalse();
  }

  @Test
  void garbageIsUnparseableWithoutAnException() {
    byte[] noise = new byte[32 * 1024];
    new Random(3).nextBytes(noise);
    noise[0] = 'x'; // not by chance a signature
    DocumentResult.Unusable unsigned = (DocumentResult.Unusable) extract(noise);
    assertThat(unsigned.reason()).isEqualTo(TikaDocumentExtractor.UNPARSEABLE);
    assertThat(unsigned.failed()).isTrue();

    byte[] fakePdf = noise.clone();
    System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, fakePdf, 0, 9);
    assertThat(extract(fakePdf)).isInstanceOf(DocumentResult.Unusable.class);
    assertThat(((DocumentResult.Unusable) extract(fakePdf)).reason()).isIn(TikaDocumentExtractor.UNPARSEABLE, TikaDocumentExtractor.EMPTY);

    byte[] fakeZip = noise.clone();
    System.arraycopy(new byte[] {'P', 'K', 3, 4}, 0, fakeZip, 0, 4);
    assertThat(((DocumentResult.Unusable) extract(fakeZip)).reason()).isEqualTo(TikaDocumentExtractor.UNPARSEABLE);
  }

  @Test
  void aPdfWithoutTextIsEmpty() {
    DocumentResult result = extract(DocumentFixtures.pdf("Scan", List.of(" ")));
    assertThat(((DocumentResult.Unusable) result).reason()).isEqualTo(TikaDocumentExtractor.EMPTY);
  }

  @Test
  void textIsCutAtTheCharacterLimit() {
    List<String> pages = IntStream.range(0, 20).mapToObj(i -> "Page " + i + " has a line of text that is fairly long.").toList();
    DocumentResult.Parsed doc = parsed(new TikaDocumentExtractor(200).extract(DocumentFixtures.pdf("Long", pages),
        DocumentFixtures.pdf("Long", pages).length));
    assertThat(doc.truncated()).isTrue();
    assertThat(doc.text().length()).isLessThanOrEqualTo(200);
    assertThat(doc.text()).contains("Page 0 has");
  }

  @Test
  void sameBytesGiveTheSameResult() {
    byte[] pdf = DocumentFixtures.pdf("Same", List.of("Deterministic text one.", "Deterministic text two."));
    byte[] docx = DocumentFixtures.docx("Same", List.of("Deterministic paragraph."));
    assertThat(extract(pdf)).isEqualTo(new TikaDocumentExtractor(DocumentLimits.DEFAULT_MAX_CHARS).extract(pdf, pdf.length));
    assertThat(extract(docx)).isEqualTo(extract(docx));
  }

  @Test
  void signaturesPickTheParser() {
    assertThat(DocumentFormat.sniff(DocumentFixtures.odt("t", List.of("p")), 100)).contains(DocumentFormat.ODF);
    byte[] docx = DocumentFixtures.docx("t", List.of("p"));
    assertThat(DocumentFormat.sniff(docx, docx.length)).contains(DocumentFormat.OOXML);
    assertThat(DocumentFormat.sniff("\n\n%PDF-1.4".getBytes(StandardCharsets.US_ASCII), 11)).contains(DocumentFormat.PDF);
    assertThat(DocumentFormat.sniff("{\\rtf1 x}".getBytes(StandardCharsets.US_ASCII), 9)).contains(DocumentFormat.RTF);
    assertThat(DocumentFormat.sniff("%PDF-1.4".getBytes(StandardCharsets.US_ASCII), 4)).isEmpty();
  }

  @Test
  void spreadsheetsAreNotParsedDocuments() {
    assertThat(DocumentTypes.isParsedDocument("application/pdf")).isTrue();
    assertThat(DocumentTypes.isParsedDocument("application/vnd.openxmlformats-officedocument.wordprocessingml.document")).isTrue();
    assertThat(DocumentTypes.isParsedDocument("application/vnd.oasis.opendocument.presentation")).isTrue();
    assertThat(DocumentTypes.isParsedDocument("text/rtf")).isTrue();
    assertThat(DocumentTypes.isParsedDocument("application/vnd.ms-excel")).isFalse();
    assertThat(DocumentTypes.isParsedDocument("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")).isFalse();
    assertThat(DocumentTypes.isParsedDocument("application/vnd.oasis.opendocument.spreadsheet")).isFalse();
    assertThat(DocumentTypes.isParsedDocument("text/plain")).isFalse();
    assertThat(DocumentTypes.isParsedDocument(null)).isFalse();
  }
}
