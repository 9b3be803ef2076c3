package org.curate.dedup.truth;

/** Two documents of one planted family and the exact Jaccard of their shingle sets; {@code a < b}. */
public record TruthPair(String a, String b, double jaccard) {
  public TruthPair {
    if (a.compareTo(b) > 0) {
      String t = a;
      a = b;
      b = t;
    }
  }

  /** An order-independent key for a pair of ids. */
  public static String key(String x, String y) {
    return x.compareTo(y) < 0 ? x + "\t" + y : y + "\t" + x;
  }

  public String key() {
    return a + "\t" + b;
  }
}
