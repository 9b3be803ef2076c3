package org.curate.filters.fasttext;

/** The two operations prediction needs from an input or output matrix, dense or quantized. */
interface Matrix {
  long rows();

  int cols();

  /** {@code x += row(i)}. */
  void addRowTo(float[] x, int i);

  /** {@code row(i) · x}, accumulated in float as fastText does. */
  float dotRow(float[] x, int i);
}
