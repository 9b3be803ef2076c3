package org.curate.extract.document;

import java.io.Serializable;

/**
 * Bounds on parsing one non-HTML document (PDF, office) with Tika.
 *
 * @param maxBytes documents larger than this (after HTTP decoding) are not parsed but dropped as
 *     {@code payload:too-large}: PDF and office parsers hold several times the file in memory, so
 *     this is smaller than the stage's payload limit
 * @param maxChars text beyond this many characters is cut off (the document is kept, truncated)
 * @param timeoutMillis the longest the parse of one document may take before it fails as
 *     {@code tika:timeout}
 */
public record DocumentLimits(long maxBytes, int maxChars, long timeoutMillis) implements Serializable {
  public static final long DEFAULT_MAX_BYTES = 10L << 20;
  public static final int DEFAULT_MAX_CHARS = 1_000_000;
  public static final long DEFAULT_TIMEOUT_MILLIS = 20_000;

  public DocumentLimits {
    if (maxBytes <= 0 || maxChars <= 0 || timeoutMillis <= 0) {
      throw new IllegalArgumentException("document limits must be positive, got " + maxBytes + " bytes, "
          + maxChars + " chars, " + timeoutMillis + " ms");
    }
  }

  public static DocumentLimits defaults() {
    return new DocumentLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_CHARS, DEFAULT_TIMEOUT_MILLIS);
  }
}
