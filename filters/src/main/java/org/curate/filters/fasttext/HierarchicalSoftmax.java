package org.curate.filters.fasttext;

/**
 * {@code -loss hs}: labels are leaves of a Huffman tree built from the label counts stored in the
 * dictionary, and each of the {@code nlabels - 1} inner nodes has an output row giving the
 * probability of taking its right branch. A label's probability is the product along its path, so
 * the top k come from a best-first depth-first search that prunes branches already worse than
 * the k-th best (or the threshold). The tree must be rebuilt exactly as at training time: labels
 * are stored sorted by decreasing count, and ties are broken the same way (leaf before inner node
 * only when strictly smaller).
 */
final class HierarchicalSoftmax implements OutputLayer {
  private final Matrix output;
  private final int nlabels;
  private final int[] left;
  private final int[] right;

  HierarchicalSoftmax(Matrix output, long[] labelCounts) {
    this.output = output;
    this.nlabels = labelCounts.length;
    int nodes = 2 * nlabels - 1;
    left = new int[Math.max(nodes, 0)];
    right = new int[Math.max(nodes, 0)];
    long[] count = new long[Math.max(nodes, 0)];
    java.util.Arrays.fill(left, -1);
    java.util.Arrays.fill(right, -1);
    java.util.Arrays.fill(count, (long) 1e15);
    System.arraycopy(labelCounts, 0, count, 0, nlabels);
    // Two queues merged in order: leaves from the least frequent (the end) backwards, and inner nodes as created.
    int leaf = nlabels - 1;
    int node = nlabels;
    for (int i = nlabels; i < nodes; i++) {
      int[] pick = new int[2];
      for (int j = 0; j < 2; j++) {
        pick[j] = leaf >= 0 && count[leaf] < count[node] ? leaf-- : node++;
      }
      left[i] = pick[0];
      right[i] = pick[1];
      count[i] = count[pick[0]] + count[pick[1]];
    }
  }

  @Override
  public void predict(float[] hidden, float threshold, float[] scratch, TopK best) {
    if (nlabels == 0) {
      return;
    }
    search(2 * nlabels - 2, 0f, OutputLayer.stdLog(threshold), hidden, best);
  }

  private void search(int node, float score, float logThreshold, float[] hidden, TopK best) {
    if (score < logThreshold || (best.isFull() && score < best.worst())) {
      return;
    }
    if (left[node] == -1 && right[node] == -1) {
      best.offer(score, node);
      return;
    }
    float f = output.dotRow(hidden, node - nlabels);
    f = (float) (1.0 / (1.0 + Math.exp(-f)));
    search(left[node], score + OutputLayer.stdLog((float) (1.0 - f)), logThreshold, hidden, best);
    search(right[node], score + OutputLayer.stdLog(f), logThreshold, hidden, best);
  }
}
