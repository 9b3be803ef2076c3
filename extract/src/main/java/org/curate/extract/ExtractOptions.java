package org.curate.extract;

/**
 * Limits and switches of the extract stage.
 *
 * @param maxPayloadBytes payloads (after HTTP decoding) larger than this are skipped as
 *     {@code payload:too-large} without being held in memory
 */
public record ExtractOptions(long maxPayloadBytes) {
  public static final long DEFAULT_MAX_PAYLOAD_BYTES = 20L << 20;

  public ExtractOptions {
    if (maxPayloadBytes <= 0) {
      throw new IllegalArgumentException("maxPayloadBytes must be positive, got " + maxPayloadBytes);
    }
  }

  public static ExtractOptions defaults() {
    return new ExtractOptions(DEFAULT_MAX_PAYLOAD_BYTES);
  }
}
