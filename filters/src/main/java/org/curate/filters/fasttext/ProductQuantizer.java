package org.curate.filters.fasttext;

import java.io.IOException;

/**
 * Product quantization as in fastText's {@code .ftz} files: a vector of {@code dim} floats is cut
 * into {@code nsubq} sub-vectors of {@code dsub} floats (the last one {@code lastdsub}), and each
 * sub-vector is stored as a one-byte index into that position's 256 centroids. Centroids are laid
 * out sub-quantizer after sub-quantizer; the last sub-quantizer's are {@code lastdsub} wide.
 */
final class ProductQuantizer {
  static final int CENTROIDS_PER_SUBQUANTIZER = 256;

  private final int dim;
  private final int nsubq;
  private final int dsub;
  private final int lastdsub;
  private final float[] centroids;

  private ProductQuantizer(int dim, int nsubq, int dsub, int lastdsub, float[] centroids) {
    this.dim = dim;
    this.nsubq = nsubq;
    this.dsub = dsub;
    this.lastdsub = lastdsub;
    this.centroids = centroids;
  }

  /** Layout: int32 dim, nsubq, dsub, lastdsub, then float[dim * 256]. */
  static ProductQuantizer read(ModelReader in) throws IOException {
    int dim = in.readInt();
    int nsubq = in.readInt();
    int dsub = in.readInt();
    int lastdsub = in.readInt();
    if (dim <= 0 || nsubq <= 0 || dsub <= 0 || lastdsub <= 0 || (nsubq - 1) * dsub + lastdsub != dim) {
      throw in.corrupt("product quantizer dim=" + dim + " nsubq=" + nsubq + " dsub=" + dsub + " lastdsub=" + lastdsub);
    }
    return new ProductQuantizer(dim, nsubq, dsub, lastdsub, in.readFloats((long) dim * CENTROIDS_PER_SUBQUANTIZER));
  }

  int dim() {
    return dim;
  }

  int nsubq() {
    return nsubq;
  }

  /** Offset in {@link #centroids} of centroid {@code code} of sub-quantizer {@code m}. */
  private int centroid(int m, int code) {
    return m == nsubq - 1 ? m * CENTROIDS_PER_SUBQUANTIZER * dsub + code * lastdsub
        : (m * CENTROIDS_PER_SUBQUANTIZER + code) * dsub;
  }

  /** The first float of a centroid: how the one-dimensional norm quantizer decodes a norm. */
  float firstValue(int code) {
    return centroids[centroid(0, code)];
  }

  /** {@code x += alpha * decode(codes[row])}. */
  void addCode(float[] x, byte[] codes, int row, float alpha) {
    int codeBase = nsubq * row;
    for (int m = 0; m < nsubq; m++) {
      int c = centroid(m, codes[codeBase + m] & 0xFF);
      int d = m == nsubq - 1 ? lastdsub : dsub;
      int xBase = m * dsub;
      for (int n = 0; n < d; n++) {
        x[xBase + n] += alpha * centroids[c + n];
      }
    }
  }

  /** {@code alpha * (decode(codes[row]) · x)}. */
  float mulCode(float[] x, byte[] codes, int row, float alpha) {
    float res = 0f;
    int codeBase = nsubq * row;
    for (int m = 0; m < nsubq; m++) {
      int c = centroid(m, codes[codeBase + m] & 0xFF);
      int d = m == nsubq - 1 ? lastdsub : dsub;
      int xBase = m * dsub;
      for (int n = 0; n < d; n++) {
        res += x[xBase + n] * centroids[c + n];
      }
    }
    return res * alpha;
  }
}
