package org.curate.filters.fasttext;

/**
 * {@code -loss hs}: labels are leaves of a Huffman tree built from the label counts stored in the
 * dictionary, and each of the {@code nlabels - 1} inner nodes has an output row giving the
 * probability of taking its right branch. A label's probability is the product along its path, so
 * the top k come from a best-first depth-first search that prunes branches already worse than
 * the k-th best (or the threshold). The tree ({@link HuffmanTree}) is rebuilt from the stored
 * label counts exactly as at training time.
 */
final class HierarchicalSoftmax implements OutputLayer {
  private final Matrix output;
  private final HuffmanTree tree;

  HierarchicalSoftmax(Matrix output, long[] labelCounts) {
    this.output = output;
    this.tree = new HuffmanTree(labelCounts);
  }

  @Override
  public void predict(float[] hidden, float threshold, float[] scratch, TopK best) {
    if (tree.nlabels == 0) {
      return;
    }
    search(tree.root(), 0f, OutputLayer.stdLog(threshold), hidden, best);
  }

  private void search(int node, float score, float logThreshold, float[] hidden, TopK best) {
    if (score < logThreshold || (best.isFull() && score < best.worst())) {
      return;
    }
    if (tree.isLeaf(node)) {
      best.offer(score, node);
      return;
    }
    float f = output.dotRow(hidden, node - tree.nlabels);
    f = (float) (1.0 / (1.0 + Math.exp(-f)));
    search(tree.left[node], score + OutputLayer.stdLog((float) (1.0 - f)), logThreshold, hidden, best);
    search(tree.right[node], score + OutputLayer.stdLog(f), logThreshold, hidden, best);
  }
}
