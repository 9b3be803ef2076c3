package org.curate.dedup;

/**
 * What dedup needs of one document, computed in one pass over its text: a 128-bit key of the
 * normalised text for exact dedup ({@code exactHigh}, {@code exactLow}), the LSH band keys, the
 * compact shingle set for verification, and the normalised length. A document whose normalised
 * text is empty has {@code empty()} true, no band keys and no shingles: it is never a duplicate.
 */
public record Fingerprint(long exactHigh, long exactLow, long[] bandKeys, int[] shingles, int normalizedLength) {
  public boolean empty() {
    return normalizedLength == 0;
  }
}
