package org.curate.filters.fasttext;

/**
 * The k best (log-score, label) pairs seen so far, best first. k is small (1–5 in practice, all
 * labels at most), so a sorted array with insertion beats a heap and allocates nothing.
 */
final class TopK {
  private final float[] scores;
  private final int[] labels;
  private int k;
  private int size;

  TopK(int capacity) {
    scores = new float[capacity];
    labels = new int[capacity];
  }

  void reset(int newK) {
    k = Math.min(newK, scores.length);
    size = 0;
  }

  boolean isFull() {
    return size == k;
  }

  /** The smallest kept log-score; only meaningful when {@link #isFull()}. */
  float worst() {
    return scores[size - 1];
  }

  /** Keeps (score, label) if it is among the k best; a tie with the worst replaces it, as fastText's heap does. */
  void offer(float score, int label) {
    if (k == 0 || (size == k && score < scores[size - 1])) {
      return;
    }
    int pos = size == k ? size - 1 : size++;
    while (pos > 0 && scores[pos - 1] < score) {
      scores[pos] = scores[pos - 1];
      labels[pos] = labels[pos - 1];
      pos--;
    }
    scores[pos] = score;
    labels[pos] = label;
  }

  int size() {
    return size;
  }

  float score(int i) {
    return scores[i];
  }

  int label(int i) {
    return labels[i];
  }
}
