package org.curate.filters.fasttext;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A supervised fastText model ({@code .bin} or quantized {@code .ftz}) read in pure Java.
 * Immutable and shareable between threads; predict through a {@link FastTextPredictor}
 * ({@link #newPredictor()}), one per thread, which owns the scratch buffers.
 *
 * <p>File layout (all little-endian): int32 magic 793712314, int32 version (12; 11 accepted),
 * {@link FastTextArgs}, {@link FastTextDictionary}, bool quantized input, the input matrix
 * (dense or quantized), bool quantized output, the output matrix.
 */
public final class FastTextModel {
  static final int MAGIC = 793712314;
  static final int VERSION = 12;
  /** Quantized input matrices up to this many floats (64 MB) are decoded at load: lid.176's is 0.8 M. */
  static final long MAX_DECODED_FLOATS = 1L << 24;

  private final FastTextArgs args;
  private final FastTextDictionary dictionary;
  private final Matrix input;
  private final Matrix output;
  private final OutputLayer outputLayer;
  private final boolean quantized;

  private FastTextModel(FastTextArgs args, FastTextDictionary dictionary, Matrix input, Matrix output,
      OutputLayer outputLayer, boolean quantized) {
    this.args = args;
    this.dictionary = dictionary;
    this.input = input;
    this.output = output;
    this.outputLayer = outputLayer;
    this.quantized = quantized;
  }

  /** A model over dense matrices made in memory (by {@link FastTextTrainer}), for its loss; they are not copied. */
  static FastTextModel trained(FastTextArgs args, FastTextDictionary dictionary, DenseMatrix input,
      DenseMatrix output) {
    return new FastTextModel(args, dictionary, input, output, outputLayer(args.loss(), output, dictionary), false);
  }

  private static OutputLayer outputLayer(FastTextArgs.Loss loss, Matrix output, FastTextDictionary dictionary) {
    return switch (loss) {
      case SOFTMAX -> new SoftmaxOutput(output, dictionary.nlabels());
      case HIERARCHICAL_SOFTMAX -> new HierarchicalSoftmax(output, dictionary.labelCounts());
      case ONE_VS_ALL, NEGATIVE_SAMPLING -> new OneVsAllOutput(output, dictionary.nlabels());
    };
  }

  public static FastTextModel load(Path path) throws IOException {
    ModelReader in = ModelReader.open(path);
    int magic = in.readInt();
    int version = in.readInt();
    if (magic != MAGIC) {
      throw in.corrupt("magic " + magic + ", expected " + MAGIC);
    }
    if (version != VERSION && version != 11) {
      throw in.corrupt("version " + version + ", expected " + VERSION);
    }
    FastTextArgs args = FastTextArgs.read(in);
    if (args.model() != FastTextArgs.ModelKind.SUPERVISED) {
      throw new IOException(path + ": a " + args.model() + " model (word vectors) has no labels to predict");
    }
    if (version == 11) {
      args = args.withoutCharNgrams();
    }
    FastTextDictionary dictionary = FastTextDictionary.read(in, args);
    boolean quantInput = in.readBool();
    Matrix input = quantInput ? QuantizedMatrix.read(in) : DenseMatrix.read(in);
    if (quantInput && input.rows() * input.cols() <= MAX_DECODED_FLOATS) {
      input = DenseMatrix.decode(input);
    }
    boolean quantOutput = in.readBool();
    Matrix output = quantOutput ? QuantizedMatrix.read(in) : DenseMatrix.read(in);
    if (in.remaining() != 0) {
      throw in.corrupt(in.remaining() + " unread bytes after the output matrix");
    }
    int nlabels = dictionary.nlabels();
    if (input.cols() != args.dim() || output.cols() != args.dim() || input.rows() < dictionary.nwords()) {
      throw in.corrupt("matrix shapes input " + input.rows() + "x" + input.cols() + ", output " + output.rows()
          + "x" + output.cols() + " for dim " + args.dim() + " and " + dictionary.nwords() + " words");
    }
    OutputLayer layer = outputLayer(args.loss(), output, dictionary);
    // fastText allocates one output row per label even for hs, which uses only the nlabels - 1 inner nodes.
    long expectedOutputRows = args.loss() == FastTextArgs.Loss.HIERARCHICAL_SOFTMAX ? nlabels - 1L : nlabels;
    if (output.rows() < expectedOutputRows) {
      throw in.corrupt("output matrix has " + output.rows() + " rows, " + args.loss() + " over " + nlabels
          + " labels needs " + expectedOutputRows);
    }
    return new FastTextModel(args, dictionary, input, output, layer, quantInput);
  }

  public FastTextArgs args() {
    return args;
  }

  public FastTextDictionary dictionary() {
    return dictionary;
  }

  public boolean quantized() {
    return quantized;
  }

  Matrix input() {
    return input;
  }

  Matrix output() {
    return output;
  }

  OutputLayer outputLayer() {
    return outputLayer;
  }

  /** A predictor with its own buffers: use one per thread. */
  public FastTextPredictor newPredictor() {
    return new FastTextPredictor(this);
  }
}
