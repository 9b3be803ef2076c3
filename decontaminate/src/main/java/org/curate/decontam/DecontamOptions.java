package org.curate.decontam;

import java.io.Serializable;

/**
 * The matching rule's settings. Defaults are AFM's rule: 13-grams, items shorter than 13 words
 * contribute their whole word sequence when it has at least 4 words, an n-gram found in at least
 * 1,000 documents of the corpus is common usage and ignored, and a contaminated document is
 * dropped whole. {@link Mode#WINDOW} is GPT-3's variant: cut {@code windowChars} characters on
 * each side of every hit, drop pieces shorter than {@code minPieceChars}, drop the document if it
 * splits into more than {@code maxPieces} pieces.
 */
public record DecontamOptions(int n, int minN, long commonUsageThreshold, Mode mode, int windowChars,
    int maxPieces, int minPieceChars) implements Serializable {
  private static final long serialVersionUID = 1L;

  public enum Mode { DROP, WINDOW }

  public DecontamOptions {
    if (n < 1 || n > NgramHash.MAX_N) {
      throw new IllegalArgumentException("n must be in 1.." + NgramHash.MAX_N + ", got " + n);
    }
    if (minN < 1 || minN > n) {
      throw new IllegalArgumentException("min n must be in 1..n (" + n + "), got " + minN);
    }
    if (commonUsageThreshold < 1) {
      throw new IllegalArgumentException("common-usage threshold must be at least 1, got " + commonUsageThreshold);
    }
    if (windowChars < 0 || maxPieces < 0 || minPieceChars < 0) {
      throw new IllegalArgumentException("window options must not be negative");
    }
    if (mode == null) {
      mode = Mode.DROP;
    }
  }

  public static DecontamOptions afm() {
    return new DecontamOptions(13, 4, 1000, Mode.DROP, 200, 10, 200);
  }

  public DecontamOptions withN(int newN, int newMinN) {
    return new DecontamOptions(newN, newMinN, commonUsageThreshold, mode, windowChars, maxPieces, minPieceChars);
  }

  public DecontamOptions withThreshold(long threshold) {
    return new DecontamOptions(n, minN, threshold, mode, windowChars, maxPieces, minPieceChars);
  }

  public DecontamOptions withMode(Mode newMode) {
    return new DecontamOptions(n, minN, commonUsageThreshold, newMode, windowChars, maxPieces, minPieceChars);
  }
}
