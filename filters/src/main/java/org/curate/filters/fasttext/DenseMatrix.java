package org.curate.filters.fasttext;

import java.io.IOException;

/** A row-major float matrix as stored in {@code .bin} files: int64 rows, int64 cols, then the floats. */
final class DenseMatrix implements Matrix {
  private final int rows;
  private final int cols;
  private final float[] data;

  private DenseMatrix(int rows, int cols, float[] data) {
    this.rows = rows;
    this.cols = cols;
    this.data = data;
  }

  static DenseMatrix read(ModelReader in) throws IOException {
    long m = in.readLong();
    long n = in.readLong();
    if (m < 0 || n <= 0 || n > Integer.MAX_VALUE || m * n > Integer.MAX_VALUE - 8) {
      throw in.corrupt("dense matrix " + m + "x" + n + " (at most 2^31 floats are supported)");
    }
    return new DenseMatrix((int) m, (int) n, in.readFloats(m * n));
  }

  /**
   * The decoded copy of a quantized matrix. Each element is {@code norm * centroid}, computed in
   * float exactly as the quantized {@code addRowTo} does, so predictions do not change by a bit;
   * adding a row then costs one load per float instead of a code lookup per sub-vector.
   */
  static DenseMatrix decode(Matrix quantized) {
    int rows = (int) quantized.rows();
    int cols = quantized.cols();
    float[] data = new float[rows * cols];
    float[] row = new float[cols];
    for (int i = 0; i < rows; i++) {
      java.util.Arrays.fill(row, 0f);
      quantized.addRowTo(row, i);
      System.arraycopy(row, 0, data, i * cols, cols);
    }
    return new DenseMatrix(rows, cols, data);
  }

  @Override
  public long rows() {
    return rows;
  }

  @Override
  public int cols() {
    return cols;
  }

  @Override
  public void addRowTo(float[] x, int i) {
    int base = i * cols;
    for (int j = 0; j < cols; j++) {
      x[j] += data[base + j];
    }
  }

  @Override
  public float dotRow(float[] x, int i) {
    int base = i * cols;
    float d = 0f;
    for (int j = 0; j < cols; j++) {
      d += data[base + j] * x[j];
    }
    return d;
  }
}
