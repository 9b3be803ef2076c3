package org.curate.filters.fasttext;

/** {@code -loss softmax}: one output row per label, normalized with a max-shifted softmax. */
final class SoftmaxOutput implements OutputLayer {
  private final Matrix output;
  private final int nlabels;

  SoftmaxOutput(Matrix output, int nlabels) {
    this.output = output;
    this.nlabels = nlabels;
  }

  @Override
  public void predict(float[] hidden, float threshold, float[] out, TopK best) {
    float max = Float.NEGATIVE_INFINITY;
    for (int i = 0; i < nlabels; i++) {
      out[i] = output.dotRow(hidden, i);
      max = Math.max(max, out[i]);
    }
    float z = 0f;
    for (int i = 0; i < nlabels; i++) {
      out[i] = (float) Math.exp(out[i] - max);
      z += out[i];
    }
    for (int i = 0; i < nlabels; i++) {
      out[i] /= z;
    }
    OutputLayer.keepBest(out, nlabels, threshold, best);
  }
}
