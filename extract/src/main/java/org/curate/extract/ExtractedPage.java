package org.curate.extract;

import java.time.Instant;
import org.curate.extract.html.ExtractionMode;

/**
 * One document extracted from a crawl record: an HTML response turned into main text, a PDF or
 * office file parsed by Tika, or a text record (WET conversion, text/plain response) taken as is. Nullable fields are {@code null} when unknown.
 *
 * @param id stable id: derived from the WARC-Record-ID, else from URL + date (see {@link DocumentIds})
 * @param httpStatus the HTTP status, or -1 for records without HTTP (WET conversions, resources)
 * @param charset the charset the payload was decoded with (canonical Java name); null for Tika documents, which decode themselves
 * @param lang a language label the crawl record carried (WET's WARC-Identified-Content-Language), else null
 * @param extractionMode how {@code text} was obtained (main block, whole cleaned page, Tika document, or a text record as is)
 * @param langHint the language an HTML page declares ({@code <html lang>}, meta), normalised, else null;
 *     kept apart from {@code lang}, which the language filter owns
 * @param published the publication date an HTML page declares, at most a day after {@code warcDate}, else null
 */
public record ExtractedPage(
    String id,
    String url,
    String host,
    Instant warcDate,
    String contentType,
    String charset,
    int httpStatus,
    String lang,
    String title,
    String text,
    ExtractionMode extractionMode,
    String langHint,
    Instant published,
    RecordRef source) {

  /** This page with what its HTML declared about itself. */
  public ExtractedPage withDeclared(String langHint, Instant published) {
    return new ExtractedPage(id, url, host, warcDate, contentType, charset, httpStatus, lang, title, text,
        extractionMode, langHint, published, source);
  }
}
