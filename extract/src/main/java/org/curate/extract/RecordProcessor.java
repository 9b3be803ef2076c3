package org.curate.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.Locale;
import org.curate.core.Outcome;
import org.curate.extract.charset.CharsetResolver;
import org.curate.extract.document.DocumentResult;
import org.curate.extract.document.DocumentTypes;
import org.curate.extract.html.ExtractionMode;
import org.curate.extract.html.MainText;
import org.curate.extract.html.MainTextExtractor;
import org.curate.extract.html.PublicationDates;
import org.curate.extract.http.BoundedBytes;
import org.curate.extract.http.HeaderValues;
import org.curate.extract.http.HtmlSniffer;
import org.curate.extract.http.HttpPayloadDecoder;
import org.curate.extract.http.MimeFamily;
import org.curate.extract.warc.ReadFailures;
import org.curate.extract.warc.TargetUris;
import org.curate.extract.warc.WarcDates;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MessageHeaders;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

/**
 * Decides what one crawl record is and turns HTML, text and document (PDF, office) records into
 * {@link ExtractedPage}s.
 */
final class RecordProcessor {
  /** Plain text whose first bytes hold a NUL is binary served as text/plain. */
  private static final int BINARY_SNIFF_BYTES = 1024;

  private final ExtractOptions options;
  private final MainTextExtractor html;
  private final DeadlineDocumentExtractor documents;
  private final HttpPayloadDecoder decoder;
  private final CharsetResolver charsets = new CharsetResolver();

  RecordProcessor(ExtractOptions options, MainTextExtractor html, DeadlineDocumentExtractor documents) {
    this.options = options;
    this.html = html;
    this.documents = documents;
    this.decoder = new HttpPayloadDecoder(options.maxPayloadBytes());
  }

  /** The outcome for {@code record}; throws only when the file broke under the record's content. */
  Outcome<ExtractedPage> process(WarcRecord record, RecordRef ref) throws BrokenStreamException {
    // From the header, not record.type(): jwarc's type() throws when the (mandatory) WARC-Type is missing.
    String type = record.headers().first("WARC-Type").orElse("").toLowerCase(Locale.ROOT);
    try {
      return switch (type) {
        case "warcinfo" -> Outcome.drop("warc:warcinfo", ref.toString());
        case "request" -> Outcome.drop("warc:request", ref.toString());
        case "metadata" -> Outcome.drop("warc:metadata", ref.toString());
        case "revisit" -> Outcome.drop("warc:revisit", ref.toString());
        case "continuation" -> Outcome.drop("warc:continuation", ref.toString());
        case "response" -> response(record, ref);
        case "resource" -> resource(record, ref);
        case "conversion" -> conversion(record, ref);
        default -> Outcome.drop("warc:unknown-type", type + " " + ref);
      };
    } catch (IOException e) {
      if (ReadFailures.isStreamError(e)) {
        throw new BrokenStreamException(e);
      }
      return Outcome.fail("warc:parse-error", ref + ": " + e);
    }
  }

  private Outcome<ExtractedPage> response(WarcRecord record, RecordRef ref) throws IOException {
    if (isDns(record, ref)) {
      return Outcome.drop("non-http:dns", ref.toString());
    }
    String blockType = HeaderValues.baseType(record.headers().first("Content-Type").orElse(null));
    if (!(record instanceof WarcResponse response) || (blockType != null && !blockType.startsWith("application/http"))) {
      return payloadRecord(record, ref, "warc:unknown-type");
    }
    HttpResponse http;
    try {
      http = response.http();
    } catch (IOException | RuntimeException e) {
      if (ReadFailures.isStreamError(e)) {
        throw e instanceof IOException io ? io : new IOException(e);
      }
      return Outcome.fail("http:parse-error", ref + ": " + e.getMessage());
    }
    MessageHeaders headers = http.headers();
    String contentType = HeaderValues.firstMeaningful(headers.all("Content-Type")).orElse(null);
    String base = HeaderValues.baseType(contentType);
    MimeFamily family = MimeFamily.of(base);
    boolean document = DocumentTypes.isParsedDocument(base);
    boolean sniff = family != MimeFamily.HTML && MimeFamily.isUninformative(base);
    if (family != MimeFamily.HTML && !sniff && !document) {
      return Outcome.drop("non-html:" + family.code(), base + " " + ref);
    }
    HttpPayloadDecoder.Result result;
    try (InputStream body = http.body().stream()) {
      result = decoder.decode(body, headers.all("Transfer-Encoding"), headers.all("Content-Encoding"));
    }
    if (result instanceof HttpPayloadDecoder.TooLarge tooLarge) {
      return Outcome.drop("payload:too-large", tooLarge.detail() + " " + ref);
    }
    if (result instanceof HttpPayloadDecoder.Undecodable undecodable) {
      return Outcome.fail("http:undecodable-body", undecodable.detail() + " " + ref);
    }
    HttpPayloadDecoder.Decoded payload = (HttpPayloadDecoder.Decoded) result;
    if (document) {
      return documentPage(record, ref, payload.bytes(), payload.length(), base, http.status());
    }
    if (sniff && !HtmlSniffer.looksLikeHtml(payload.bytes(), payload.length())) {
      if (isProseText(base, ref, payload.bytes(), payload.length())) {
        return Outcome.keep(plainTextPage(record, ref, payload.bytes(), payload.length(),
            HeaderValues.charsetParameter(contentType), http.status(), null));
      }
      return Outcome.drop("non-html:" + (base == null ? MimeFamily.OTHER : family).code(), base + " " + ref);
    }
    String pageType = sniff ? "text/html" : base;
    return Outcome.keep(htmlPage(record, ref, payload.bytes(), payload.length(),
        HeaderValues.charsetParameter(contentType), pageType, http.status()));
  }

  /** A record whose block is the payload itself (resource, or a response without HTTP). */
  private Outcome<ExtractedPage> payloadRecord(WarcRecord record, RecordRef ref, String nonHtmlReason)
      throws IOException {
    if (isDns(record, ref)) {
      return Outcome.drop("non-http:dns", ref.toString());
    }
    String contentType = record.headers().first("Content-Type").orElse(null);
    String base = HeaderValues.baseType(contentType);
    MimeFamily family = MimeFamily.of(base);
    boolean document = DocumentTypes.isParsedDocument(base);
    boolean sniff = family != MimeFamily.HTML && MimeFamily.isUninformative(base);
    if (family != MimeFamily.HTML && !sniff && !document) {
      return Outcome.drop(nonHtmlReason, base + " " + ref);
    }
    BoundedBytes block = readBlock(record);
    if (block.overLimit()) {
      return Outcome.drop("payload:too-large", "block exceeds " + options.maxPayloadBytes() + " bytes " + ref);
    }
    if (document) {
      return documentPage(record, ref, block.bytes(), block.length(), base, -1);
    }
    if (sniff && !HtmlSniffer.looksLikeHtml(block.bytes(), block.length())) {
      return Outcome.drop(nonHtmlReason, base + " " + ref);
    }
    return Outcome.keep(htmlPage(record, ref, block.bytes(), block.length(),
        HeaderValues.charsetParameter(contentType), sniff ? "text/html" : base, -1));
  }

  private Outcome<ExtractedPage> resource(WarcRecord record, RecordRef ref) throws IOException {
    return payloadRecord(record, ref, "warc:resource");
  }

  private Outcome<ExtractedPage> conversion(WarcRecord record, RecordRef ref) throws IOException {
    String contentType = record.headers().first("Content-Type").orElse(null);
    String base = HeaderValues.baseType(contentType);
    if (base != null && !base.equals("text/plain")) {
      return Outcome.drop("warc:conversion", base + " " + ref);
    }
    BoundedBytes block = readBlock(record);
    if (block.overLimit()) {
      return Outcome.drop("payload:too-large", "block exceeds " + options.maxPayloadBytes() + " bytes " + ref);
    }
    String lang = record.headers().first("WARC-Identified-Content-Language")
        .map(v -> v.split(",")[0].trim())
        .filter(v -> !v.isEmpty())
        .orElse(null);
    return Outcome.keep(plainTextPage(record, ref, block.bytes(), block.length(), HeaderValues.charsetParameter(contentType),
        -1, lang));
  }

  /**
   * A PDF or office payload parsed by Tika under the document limits: kept as an
   * {@link ExtractionMode#DOCUMENT}, or counted under {@code payload:too-large} or a
   * {@code tika:} reason.
   */
  private Outcome<ExtractedPage> documentPage(WarcRecord record, RecordRef ref, byte[] bytes, int length,
      String contentType, int status) {
    if (length > options.documents().maxBytes()) {
      return Outcome.drop("payload:too-large", contentType + " document of " + length + " bytes exceeds "
          + options.documents().maxBytes() + " " + ref);
    }
    DocumentResult result = documents.extract(bytes, length);
    if (result instanceof DocumentResult.Unusable unusable) {
      String detail = contentType + " " + unusable.detail() + " " + ref;
      return unusable.failed() ? Outcome.fail(unusable.reason(), detail) : Outcome.drop(unusable.reason(), detail);
    }
    DocumentResult.Parsed parsed = (DocumentResult.Parsed) result;
    return Outcome.keep(page(record, ref, contentType, null, status, null, parsed.title(), parsed.text(),
        ExtractionMode.DOCUMENT));
  }

  /**
   * Plain text worth keeping as a document: declared {@code text/plain} (not a guess from a
   * missing or binary type), not binary (no NUL near the start) and not a robots.txt, whose
   * directives are no prose. Everything else that is text goes to the filters, which judge quality.
   */
  private static boolean isProseText(String base, RecordRef ref, byte[] bytes, int length) {
    if (!"text/plain".equals(base)) {
      return false;
    }
    String url = ref.url();
    if (url != null && TargetUris.path(url).equalsIgnoreCase("/robots.txt")) {
      return false;
    }
    for (int i = 0, n = Math.min(length, BINARY_SNIFF_BYTES); i < n; i++) {
      if (bytes[i] == 0) {
        return false;
      }
    }
    return true;
  }

  /** Text taken as it is (a WET conversion record, a text/plain response), decoded by the charset resolver. */
  private ExtractedPage plainTextPage(WarcRecord record, RecordRef ref, byte[] bytes, int length, String headerCharset,
      int status, String lang) {
    Charset charset = charsets.resolve(bytes, length, headerCharset).charset();
    String text = new String(bytes, 0, length, charset);
    return page(record, ref, "text/plain", charset, status, lang, "", text, ExtractionMode.PLAIN_TEXT);
  }

  private ExtractedPage htmlPage(WarcRecord record, RecordRef ref, byte[] bytes, int length, String headerCharset,
      String contentType, int status) {
    Charset charset = charsets.resolve(bytes, length, headerCharset).charset();
    String markup = new String(bytes, 0, length, charset);
    MainText main = html.extract(markup, ref.url());
    ExtractedPage page = page(record, ref, contentType, charset, status, null, main.title(), main.text(), main.mode());
    return page.withDeclared(main.langHint(), PublicationDates.notAfterCapture(main.published(), page.warcDate()));
  }

  private static ExtractedPage page(WarcRecord record, RecordRef ref, String contentType, Charset charset, int status,
      String lang, String title, String text, ExtractionMode mode) {
    String date = record.headers().first("WARC-Date").orElse(null);
    return new ExtractedPage(
        DocumentIds.of(ref.recordId(), ref.url(), date),
        ref.url(),
        TargetUris.host(ref.url()),
        WarcDates.parse(date),
        contentType,
        charset == null ? null : charset.name(),
        status,
        lang,
        title,
        text,
        mode,
        null,
        null,
        ref);
  }

  private BoundedBytes readBlock(WarcRecord record) throws IOException {
    try (InputStream in = record.body().stream()) {
      return BoundedBytes.read(in, options.maxPayloadBytes(), false);
    }
  }

  private static boolean isDns(WarcRecord record, RecordRef ref) {
    String url = ref.url();
    if (url != null && url.toLowerCase(Locale.ROOT).startsWith("dns:")) {
      return true;
    }
    return "text/dns".equals(HeaderValues.baseType(record.headers().first("Content-Type").orElse(null)));
  }

}
