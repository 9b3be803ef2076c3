package org.curate.extract;

import java.io.Serializable;
import java.util.Objects;
import org.curate.extract.document.DocumentLimits;

/**
 * Limits and switches of the extract stage.
 *
 * @param maxPayloadBytes payloads (after HTTP decoding) larger than this are skipped as
 *     {@code payload:too-large} without being held in memory
 * @param recordTimeoutMillis the longest the HTML main-text extraction of one record may take; a
 *     record that takes longer is failed as {@code extract:timeout} and the file goes on
 * @param documents the bounds on parsing one PDF or office document (size, characters, time)
 *
 * <p>Serializable: the Spark extract stage ships the options to its executors.
 */
public record ExtractOptions(long maxPayloadBytes, long recordTimeoutMillis, DocumentLimits documents) implements Serializable {
  public static final long DEFAULT_MAX_PAYLOAD_BYTES = 20L << 20;
  public static final long DEFAULT_RECORD_TIMEOUT_MILLIS = 30_000;

  public ExtractOptions {
    if (maxPayloadBytes <= 0) {
      throw new IllegalArgumentException("maxPayloadBytes must be positive, got " + maxPayloadBytes);
    }
    if (recordTimeoutMillis <= 0) {
      throw new IllegalArgumentException("recordTimeoutMillis must be positive, got " + recordTimeoutMillis);
    }
    Objects.requireNonNull(documents, "documents");
  }

  /** The given payload limit and timeout, and the default document limits. */
  public ExtractOptions(long maxPayloadBytes, long recordTimeoutMillis) {
    this(maxPayloadBytes, recordTimeoutMillis, DocumentLimits.defaults());
  }

  /** The given payload limit and the default per-record timeout and document limits. */
  public ExtractOptions(long maxPayloadBytes) {
    this(maxPayloadBytes, DEFAULT_RECORD_TIMEOUT_MILLIS);
  }

  /** These options with other document limits. */
  public ExtractOptions withDocuments(DocumentLimits limits) {
    return new ExtractOptions(maxPayloadBytes, recordTimeoutMillis, limits);
  }

  public static ExtractOptions defaults() {
    return new ExtractOptions(DEFAULT_MAX_PAYLOAD_BYTES, DEFAULT_RECORD_TIMEOUT_MILLIS);
  }
}
