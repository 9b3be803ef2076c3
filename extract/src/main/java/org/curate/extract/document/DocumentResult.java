package org.curate.extract.document;

/** What the document parsers made of one payload. */
public sealed interface DocumentResult {
  /** Title (empty when the document has none) and text; {@code truncated} when cut at the character limit. */
  record Parsed(String title, String text, boolean truncated) implements DocumentResult {}

  /**
   * Not turned into text; {@code reason} is a stable reason code, {@code failed} tells a broken
   * payload (failed) from a readable one we choose not to or cannot use (dropped: encrypted, no text).
   */
  record Unusable(String reason, String detail, boolean failed) implements DocumentResult {}
}
