package org.curate.filters.fasttext;

import java.util.Arrays;

/**
 * fastText's Huffman tree over the labels for {@code -loss hs}: leaves are the labels (stored by
 * decreasing count), inner node {@code i >= nlabels} owns output row {@code i - nlabels}. Built
 * exactly as fastText builds it (two queues merged in order, a leaf taken before an inner node
 * only when strictly smaller), so a model's tree is the same at training and prediction time.
 */
final class HuffmanTree {
  final int nlabels;
  final int[] left;
  final int[] right;
  /** Per label: the output rows of the inner nodes from its parent up to the root, and the branch taken at each. */
  final int[][] pathRows;
  final boolean[][] pathCodes;

  HuffmanTree(long[] labelCounts) {
    nlabels = labelCounts.length;
    int nodes = Math.max(2 * nlabels - 1, 0);
    left = new int[nodes];
    right = new int[nodes];
    int[] parent = new int[nodes];
    boolean[] isRight = new boolean[nodes];
    long[] count = new long[nodes];
    Arrays.fill(left, -1);
    Arrays.fill(right, -1);
    Arrays.fill(parent, -1);
    Arrays.fill(count, (long) 1e15);
    System.arraycopy(labelCounts, 0, count, 0, nlabels);
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
      parent[pick[0]] = i;
      parent[pick[1]] = i;
      isRight[pick[1]] = true;
    }
    pathRows = new int[nlabels][];
    pathCodes = new boolean[nlabels][];
    for (int label = 0; label < nlabels; label++) {
      int depth = 0;
      for (int j = label; parent[j] != -1; j = parent[j]) {
        depth++;
      }
      pathRows[label] = new int[depth];
      pathCodes[label] = new boolean[depth];
      int k = 0;
      for (int j = label; parent[j] != -1; j = parent[j]) {
        pathRows[label][k] = parent[j] - nlabels;
        pathCodes[label][k++] = isRight[j];
      }
    }
  }

  int root() {
    return 2 * nlabels - 2;
  }

  boolean isLeaf(int node) {
    return left[node] == -1 && right[node] == -1;
  }
}
