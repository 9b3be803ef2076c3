package org.curate.filters.fasttext;

import java.io.IOException;

/**
 * The training arguments stored at the head of a model file; prediction needs the n-gram settings
 * ({@code wordNgrams}, {@code minn}, {@code maxn}, {@code bucket}), the loss and the model kind.
 */
public record FastTextArgs(int dim, int ws, int epoch, int minCount, int neg, int wordNgrams, Loss loss,
    ModelKind model, int bucket, int minn, int maxn, int lrUpdateRate, double samplingThreshold) {

  /** fastText's {@code loss_name} enum; the numbers are what the file stores. */
  public enum Loss {
    HIERARCHICAL_SOFTMAX(1), NEGATIVE_SAMPLING(2), SOFTMAX(3), ONE_VS_ALL(4);

    private final int code;

    Loss(int code) {
      this.code = code;
    }

    static Loss of(int code) {
      for (Loss l : values()) {
        if (l.code == code) {
          return l;
        }
      }
      return null;
    }
  }

  /** fastText's {@code model_name} enum: only supervised models predict labels. */
  public enum ModelKind {
    CBOW(1), SKIPGRAM(2), SUPERVISED(3);

    private final int code;

    ModelKind(int code) {
      this.code = code;
    }

    static ModelKind of(int code) {
      for (ModelKind m : values()) {
        if (m.code == code) {
          return m;
        }
      }
      return null;
    }
  }

  static FastTextArgs read(ModelReader in) throws IOException {
    int dim = in.readInt();
    int ws = in.readInt();
    int epoch = in.readInt();
    int minCount = in.readInt();
    int neg = in.readInt();
    int wordNgrams = in.readInt();
    int lossCode = in.readInt();
    int modelCode = in.readInt();
    int bucket = in.readInt();
    int minn = in.readInt();
    int maxn = in.readInt();
    int lrUpdateRate = in.readInt();
    double t = in.readDouble();
    Loss loss = Loss.of(lossCode);
    ModelKind model = ModelKind.of(modelCode);
    if (loss == null || model == null || dim <= 0 || bucket < 0 || wordNgrams < 1) {
      throw in.corrupt("args: loss=" + lossCode + " model=" + modelCode + " dim=" + dim + " bucket=" + bucket
          + " wordNgrams=" + wordNgrams);
    }
    return new FastTextArgs(dim, ws, epoch, minCount, neg, wordNgrams, loss, model, bucket, minn, maxn,
        lrUpdateRate, t);
  }

  /** Version-11 files predate subwords for supervised models: fastText ignores their maxn. */
  FastTextArgs withoutCharNgrams() {
    return new FastTextArgs(dim, ws, epoch, minCount, neg, wordNgrams, loss, model, bucket, minn, 0, lrUpdateRate,
        samplingThreshold);
  }
}
