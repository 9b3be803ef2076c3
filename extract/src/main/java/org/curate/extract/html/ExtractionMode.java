package org.curate.extract.html;

/**
 * How a document's text was obtained; its {@link #code()} is the {@code extraction_mode} column.
 * Lets curation treat non-article pages (forums, listings, product pages), whose text is the whole
 * cleaned page, differently from pages whose main block was found.
 */
public enum ExtractionMode {
  /** A main block was chosen, from semantic markup (articleBody, article, main) or text density. */
  ARTICLE("article"),
  /** No block was confident: the text is the cleaned visible body (also for pages with no body text). */
  FALLBACK("fallback"),
  /** The record was text already (a text/plain response, a WET conversion) and was taken as it is. */
  PLAIN_TEXT("plain-text"),
  /** A PDF or office document (DOC, DOCX, PPT, PPTX, ODT, ODP, RTF) whose text Apache Tika's parsers produced. */
  DOCUMENT("document");

  private final String code;

  ExtractionMode(String code) {
    this.code = code;
  }

  /** The stable string stored in Parquet. */
  public String code() {
    return code;
  }
}
