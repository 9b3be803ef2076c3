package org.curate.filters.fasttext;

/**
 * The output side of one SGD step, as fastText's {@code Loss::forward} with backpropagation: given
 * the example's averaged hidden vector, adds the gradient for the input rows to {@code grad} and
 * updates the output matrix {@code out} ({@code rows x dim}, row-major) in place; returns the loss.
 * One instance per training thread ({@code scratch} buffers).
 */
abstract class TrainingLoss {
  final float[] out;
  final int dim;

  TrainingLoss(float[] out, int dim) {
    this.out = out;
    this.dim = dim;
  }

  /** The loss for a given {@code -loss}; {@code labelCounts} in dictionary order (hs builds its tree from them). */
  static TrainingLoss of(FastTextArgs.Loss loss, float[] out, int dim, long[] labelCounts) {
    return switch (loss) {
      case SOFTMAX -> new Softmax(out, dim, labelCounts.length);
      case ONE_VS_ALL -> new OneVsAll(out, dim, labelCounts.length);
      case HIERARCHICAL_SOFTMAX -> new Hierarchical(out, dim, new HuffmanTree(labelCounts));
      case NEGATIVE_SAMPLING -> throw new IllegalArgumentException("negative sampling is not implemented");
    };
  }

  /** fastText draws one of an example's labels for softmax and hs; one-vs-all trains on all of them. */
  boolean usesAllLabels() {
    return false;
  }

  /**
   * @param targets the example's labels (one-vs-all)
   * @param target the drawn label (softmax, hs)
   */
  abstract float step(float[] hidden, float[] grad, int[] targets, int target, float lr);

  /** {@code grad += alpha · out[row]; out[row] += alpha · hidden}. */
  final void backprop(int row, float alpha, float[] hidden, float[] grad) {
    int base = row * dim;
    for (int j = 0; j < dim; j++) {
      grad[j] += alpha * out[base + j];
      out[base + j] += alpha * hidden[j];
    }
  }

  final float dot(int row, float[] hidden) {
    int base = row * dim;
    float d = 0f;
    for (int j = 0; j < dim; j++) {
      d += out[base + j] * hidden[j];
    }
    return d;
  }

  /** fastText's {@code binaryLogistic}: a sigmoid (its lookup table) on one output row, pushed towards {@code label}. */
  final float binaryLogistic(int row, boolean label, float lr, float[] hidden, float[] grad) {
    float score = OneVsAllOutput.tableSigmoid(dot(row, hidden));
    backprop(row, lr * ((label ? 1f : 0f) - score), hidden, grad);
    return -OutputLayer.stdLog(label ? score : 1f - score);
  }

  /** {@code -loss softmax}: for each label i, {@code alpha = lr (1[i = target] - p_i)}. */
  static final class Softmax extends TrainingLoss {
    private final float[] prob;

    Softmax(float[] out, int dim, int nlabels) {
      super(out, dim);
      this.prob = new float[nlabels];
    }

    @Override
    float step(float[] hidden, float[] grad, int[] targets, int target, float lr) {
      int n = prob.length;
      float max = Float.NEGATIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        prob[i] = dot(i, hidden);
        max = Math.max(max, prob[i]);
      }
      float z = 0f;
      for (int i = 0; i < n; i++) {
        prob[i] = (float) Math.exp(prob[i] - max);
        z += prob[i];
      }
      for (int i = 0; i < n; i++) {
        prob[i] /= z;
        backprop(i, lr * ((i == target ? 1f : 0f) - prob[i]), hidden, grad);
      }
      return (float) -Math.log(prob[target] + 1e-5);
    }
  }

  /** {@code -loss ova}: an independent binary logistic regression per label, positive for the example's labels. */
  static final class OneVsAll extends TrainingLoss {
    private final int nlabels;

    OneVsAll(float[] out, int dim, int nlabels) {
      super(out, dim);
      this.nlabels = nlabels;
    }

    @Override
    boolean usesAllLabels() {
      return true;
    }

    @Override
    float step(float[] hidden, float[] grad, int[] targets, int target, float lr) {
      float loss = 0f;
      for (int i = 0; i < nlabels; i++) {
        boolean positive = false;
        for (int t : targets) {
          positive |= t == i;
        }
        loss += binaryLogistic(i, positive, lr, hidden, grad);
      }
      return loss;
    }
  }

  /** {@code -loss hs}: a binary logistic regression at each inner node on the target's path to the root. */
  static final class Hierarchical extends TrainingLoss {
    private final HuffmanTree tree;

    Hierarchical(float[] out, int dim, HuffmanTree tree) {
      super(out, dim);
      this.tree = tree;
    }

    @Override
    float step(float[] hidden, float[] grad, int[] targets, int target, float lr) {
      int[] rows = tree.pathRows[target];
      boolean[] codes = tree.pathCodes[target];
      float loss = 0f;
      for (int i = 0; i < rows.length; i++) {
        loss += binaryLogistic(rows[i], codes[i], lr, hidden, grad);
      }
      return loss;
    }
  }
}
