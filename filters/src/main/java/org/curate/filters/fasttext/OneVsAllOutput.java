package org.curate.filters.fasttext;

/**
 * {@code -loss ova} and {@code -loss ns}: an independent sigmoid per label. fastText computes
 * this sigmoid from a 512-step lookup table over [-8, 8] (0 and 1 outside), so we use the same
 * table to report the same probabilities.
 */
final class OneVsAllOutput implements OutputLayer {
  private static final int TABLE_SIZE = 512;
  private static final float MAX_SIGMOID = 8f;
  private static final float[] SIGMOID = new float[TABLE_SIZE + 1];

  static {
    for (int i = 0; i <= TABLE_SIZE; i++) {
      double x = i * 2.0 * MAX_SIGMOID / TABLE_SIZE - MAX_SIGMOID;
      SIGMOID[i] = (float) (1.0 / (1.0 + Math.exp(-x)));
    }
  }

  private final Matrix output;
  private final int nlabels;

  OneVsAllOutput(Matrix output, int nlabels) {
    this.output = output;
    this.nlabels = nlabels;
  }

  static float tableSigmoid(float x) {
    if (x < -MAX_SIGMOID) {
      return 0f;
    }
    if (x > MAX_SIGMOID) {
      return 1f;
    }
    return SIGMOID[(int) ((x + MAX_SIGMOID) * TABLE_SIZE / MAX_SIGMOID / 2)];
  }

  @Override
  public void predict(float[] hidden, float threshold, float[] out, TopK best) {
    for (int i = 0; i < nlabels; i++) {
      out[i] = tableSigmoid(output.dotRow(hidden, i));
    }
    OutputLayer.keepBest(out, nlabels, threshold, best);
  }
}
