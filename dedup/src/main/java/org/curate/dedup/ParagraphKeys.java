package org.curate.dedup;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Paragraph keys for cross-document paragraph dedup (CCNet, Dolma), and their removal.
 *
 * <p>A paragraph is one line of the text: the text split on {@code '\n'}. The extractor writes
 * one HTML block per line, and CCNet and Dolma split on {@code '\n'} too; a blank-line-separated
 * layout is covered as well, since blank lines are separators, never paragraphs. A paragraph's
 * key is the 64-bit {@link Hash64} of its normalised form ({@link TextNormalizer}: case, digits,
 * punctuation, accents and whitespace do not matter). Only paragraphs of at least
 * {@code minChars} normalised characters are eligible: short lines ("Home", "Share this",
 * "Ingredients") are as often content as boilerplate and are never touched.
 *
 * <p>Stateless and serialisable: the Spark job keys paragraphs on one pass and removes them on
 * another with the same instance's settings, so both sides agree on every key.
 */
public final class ParagraphKeys implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Seed of the paragraph hash, distinct from the shingle hashes' seeds. */
  private static final long SEED = 0x9a7a6a5a4a3a2a1aL;

  private final int minChars;
  private final TextNormalizer normalizer = new TextNormalizer();

  public ParagraphKeys(int minChars) {
    if (minChars < 1) {
      throw new IllegalArgumentException("minChars must be at least 1, got " + minChars);
    }
    this.minChars = minChars;
  }

  public int minChars() {
    return minChars;
  }

  /** The distinct keys of the text's eligible paragraphs, sorted (a document counts once per key). */
  public long[] distinct(String text) {
    if (text == null || text.isEmpty()) {
      return new long[0];
    }
    long[] keys = new long[8];
    int n = 0;
    for (int start = 0; start <= text.length(); ) {
      int end = lineEnd(text, start);
      String normalized = normalizer.normalize(text.subSequence(start, end));
      if (normalized.length() >= minChars) {
        if (n == keys.length) {
          keys = Arrays.copyOf(keys, 2 * n);
        }
        keys[n++] = key(normalized);
      }
      start = end + 1;
    }
    long[] sorted = Arrays.copyOf(keys, n);
    Arrays.sort(sorted);
    int distinct = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        sorted[distinct++] = sorted[i];
      }
    }
    return Arrays.copyOf(sorted, distinct);
  }

  /**
   * The text without its eligible paragraphs whose key is in {@code sortedKeys} (every
   * occurrence). Lines are kept verbatim. Where paragraphs were removed, the blank lines around
   * them shrink to the longest single run among them (so "A, blank, B, blank, C" without B is
   * "A, blank, C"), and blank lines left at the start or end by a removal go; elsewhere the
   * layout is untouched. Returns the text itself when nothing matches.
   */
  public String remove(String text, long[] sortedKeys) {
    if (text == null || sortedKeys.length == 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    StringBuilder blanks = new StringBuilder();
    boolean anyKept = false;
    boolean removedSinceKept = false;
    boolean removedAny = false;
    int run = 0;
    int longestRun = 0;
    for (int start = 0; start <= text.length(); ) {
      int end = lineEnd(text, start);
      String line = text.substring(start, end);
      start = end + 1;
      if (line.isBlank()) {
        run++;
        blanks.append(line).append('\n');
        continue;
      }
      longestRun = Math.max(longestRun, run);
      run = 0;
      String normalized = normalizer.normalize(line);
      if (normalized.length() >= minChars && Arrays.binarySearch(sortedKeys, key(normalized)) >= 0) {
        removedSinceKept = true;
        removedAny = true;
        continue;
      }
      if (anyKept) {
        out.append('\n');
      }
      if (!removedSinceKept) {
        out.append(blanks);
      } else if (anyKept) {
        out.append("\n".repeat(longestRun));
      }
      out.append(line);
      anyKept = true;
      removedSinceKept = false;
      blanks.setLength(0);
      longestRun = 0;
    }
    if (!removedAny) {
      return text;
    }
    if (!removedSinceKept && blanks.length() > 0) {
      // Trailing blank lines after the last kept paragraph, as they were ("A\n" stays "A\n").
      out.append('\n').append(blanks, 0, blanks.length() - 1);
    }
    return out.toString();
  }

  private static int lineEnd(String text, int start) {
    int end = text.indexOf('\n', start);
    return end < 0 ? text.length() : end;
  }

  private static long key(String normalized) {
    return Hash64.chars(normalized, 0, normalized.length(), SEED);
  }
}
