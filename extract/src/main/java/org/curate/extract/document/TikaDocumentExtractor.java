package org.curate.extract.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.microsoft.OfficeParser;
import org.apache.tika.parser.microsoft.OfficeParserConfig;
import org.apache.tika.parser.microsoft.ooxml.OOXMLParser;
import org.apache.tika.parser.microsoft.rtf.RTFParser;
import org.apache.tika.parser.odf.OpenDocumentParser;
import org.apache.tika.parser.pdf.PDFParser;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Turns a PDF, DOC/DOCX, PPT/PPTX, ODT/ODP or RTF payload into title and text with Apache Tika's
 * parsers, called directly (no auto-detection, no service loading, no TikaConfig): nothing runs
 * outside this JVM (no OCR, no external parsers, no network), embedded documents and inline images
 * are not parsed, and text beyond {@code maxChars} is cut off. It has no time bound of its own;
 * callers run it under a deadline (the parse checks the thread's interrupt at every SAX event).
 *
 * <p>Reasons: {@code tika:unparseable} (failed: no known signature, or the parser threw),
 * {@code tika:encrypted} (dropped: needs a password), {@code tika:empty} (dropped: no text, e.g.
 * a scanned PDF, which would need OCR). Thread-safe: parsers are stateless, and each call builds
 * its own parse context.
 */
public final class TikaDocumentExtractor {
  /** Heap PDFBox may use for decoded streams of one document before spilling to a scratch file. */
  static final long PDF_MAIN_MEMORY_BYTES = 64L << 20;
  public static final String UNPARSEABLE = "tika:unparseable";
  public static final String ENCRYPTED = "tika:encrypted";
  public static final String EMPTY = "tika:empty";

  private final int maxChars;
  private final Map<DocumentFormat, Parser> parsers = new EnumMap<>(DocumentFormat.class);

  public TikaDocumentExtractor(int maxChars) {
    this.maxChars = maxChars;
    parsers.put(DocumentFormat.PDF, new PDFParser());
    parsers.put(DocumentFormat.OLE2, new OfficeParser());
    parsers.put(DocumentFormat.OOXML, new OOXMLParser());
    parsers.put(DocumentFormat.ODF, new OpenDocumentParser());
    parsers.put(DocumentFormat.RTF, new RTFParser());
  }

  /** The text of {@code bytes[0, length)}; never throws for bad input. */
  public DocumentResult extract(byte[] bytes, int length) {
    Optional<DocumentFormat> format = DocumentFormat.sniff(bytes, length);
    if (format.isEmpty()) {
      return new DocumentResult.Unusable(UNPARSEABLE, "no PDF, OLE2, zip or RTF signature in " + length + " bytes", true);
    }
    BodyContentHandler body = new BodyContentHandler(maxChars);
    ContentHandler handler = new InterruptibleContentHandler(body);
    Metadata metadata = new Metadata();
    boolean truncated = false;
    try (InputStream in = new ByteArrayInputStream(bytes, 0, length)) {
      parsers.get(format.get()).parse(in, handler, metadata, context());
    } catch (EncryptedDocumentException e) {
      return new DocumentResult.Unusable(ENCRYPTED, format.get() + " needs a password", false);
    } catch (SAXException e) {
      if (!WriteLimitReachedException.isWriteLimitReached(e)) {
        return unparseable(format.get(), e);
      }
      truncated = true;
    } catch (TikaException | IOException | RuntimeException | LinkageError e) {
      // LinkageError: a parser path needing a library left out of the build (e.g. Bouncy Castle).
      if (isEncrypted(e)) {
        return new DocumentResult.Unusable(ENCRYPTED, format.get() + " needs a password", false);
      }
      return unparseable(format.get(), e);
    }
    String text = DocumentTextCleaner.clean(body.toString());
    if (text.isEmpty()) {
      return new DocumentResult.Unusable(EMPTY, format.get() + " has no text", false);
    }
    String title = Optional.ofNullable(metadata.get(TikaCoreProperties.TITLE)).map(String::strip).orElse("");
    return new DocumentResult.Parsed(title, text, truncated);
  }

  private static DocumentResult unparseable(DocumentFormat format, Throwable e) {
    return new DocumentResult.Unusable(UNPARSEABLE, format + ": " + e, true);
  }

  /** POI reports some encrypted files with its own exception type, sometimes wrapped. */
  private static boolean isEncrypted(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof EncryptedDocumentException || t instanceof org.apache.poi.EncryptedDocumentException) {
        return true;
      }
    }
    return false;
  }

  private static ParseContext context() {
    ParseContext context = new ParseContext();
    PDFParserConfig pdf = new PDFParserConfig();
    pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
    pdf.setExtractInlineImages(false);
    pdf.setExtractAnnotationText(false);
    pdf.setExtractBookmarksText(false);
    pdf.setExtractActions(false);
    pdf.setExtractAcroFormContent(false);
    pdf.setExtractFontNames(false);
    pdf.setDetectAngles(false);
    pdf.setExtractIncrementalUpdateInfo(false);
    pdf.setParseIncrementalUpdates(false);
    pdf.setCatchIntermediateIOExceptions(true);
    // PDFBox buffers decoded streams in the heap; past this it spills them to a scratch file,
    // so a small PDF whose streams inflate enormously cannot exhaust the executor (the deadline
    // bounds the rest).
    pdf.setMaxMainMemoryBytes(PDF_MAIN_MEMORY_BYTES);
    context.set(PDFParserConfig.class, pdf);
    OfficeParserConfig office = new OfficeParserConfig();
    office.setExtractMacros(false);
    office.setIncludeDeletedContent(false);
    office.setIncludeMoveFromContent(false);
    office.setIncludeSlideNotes(false);
    office.setIncludeSlideMasterContent(false);
    office.setIncludeHeadersAndFooters(false);
    office.setUseSAXDocxExtractor(true);
    office.setUseSAXPptxExtractor(true);
    context.set(OfficeParserConfig.class, office);
    context.set(EmbeddedDocumentExtractor.class, NoEmbeddedDocuments.INSTANCE);
    return context;
  }

  /** Skips attachments, embedded files and images: only the main document's own text is kept. */
  private enum NoEmbeddedDocuments implements EmbeddedDocumentExtractor {
    INSTANCE;

    @Override
    public boolean shouldParseEmbedded(Metadata metadata) {
      return false;
    }

    @Override
    public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml) {}
  }
}
