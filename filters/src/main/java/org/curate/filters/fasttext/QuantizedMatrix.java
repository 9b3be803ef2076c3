package org.curate.filters.fasttext;

import java.io.IOException;

/**
 * A product-quantized matrix ({@code .ftz}). With {@code qnorm}, rows were normalized before
 * quantization and each row's norm is quantized separately by a one-dimensional quantizer; a row
 * decodes to {@code norm * pq.decode(codes)}.
 */
final class QuantizedMatrix implements Matrix {
  private final long rows;
  private final int cols;
  private final byte[] codes;
  private final ProductQuantizer pq;
  private final byte[] normCodes;
  private final ProductQuantizer normPq;

  private QuantizedMatrix(long rows, int cols, byte[] codes, ProductQuantizer pq, byte[] normCodes,
      ProductQuantizer normPq) {
    this.rows = rows;
    this.cols = cols;
    this.codes = codes;
    this.pq = pq;
    this.normCodes = normCodes;
    this.normPq = normPq;
  }

  /** Layout: bool qnorm, int64 m, int64 n, int32 codesize, codes, PQ, then if qnorm: byte[m] norm codes, norm PQ. */
  static QuantizedMatrix read(ModelReader in) throws IOException {
    boolean qnorm = in.readBool();
    long m = in.readLong();
    long n = in.readLong();
    int codeSize = in.readInt();
    if (m < 0 || m > Integer.MAX_VALUE || n <= 0 || n > Integer.MAX_VALUE || codeSize < 0) {
      throw in.corrupt("quantized matrix " + m + "x" + n + " codesize " + codeSize);
    }
    byte[] codes = new byte[codeSize];
    in.readBytes(codes);
    ProductQuantizer pq = ProductQuantizer.read(in);
    if (pq.dim() != n || (long) pq.nsubq() * m != codeSize) {
      throw in.corrupt("quantizer for " + pq.dim() + " dims and " + pq.nsubq() + " codes per row, matrix "
          + m + "x" + n + " with " + codeSize + " codes");
    }
    byte[] normCodes = null;
    ProductQuantizer normPq = null;
    if (qnorm) {
      normCodes = new byte[(int) m];
      in.readBytes(normCodes);
      normPq = ProductQuantizer.read(in);
    }
    return new QuantizedMatrix(m, (int) n, codes, pq, normCodes, normPq);
  }

  private float norm(int i) {
    return normCodes == null ? 1f : normPq.firstValue(normCodes[i] & 0xFF);
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
    pq.addCode(x, codes, i, norm(i));
  }

  @Override
  public float dotRow(float[] x, int i) {
    return pq.mulCode(x, codes, i, norm(i));
  }
}
