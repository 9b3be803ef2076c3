package org.curate.filters.fasttext;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * fastText's supervised training (Joulin et al. 2017, "Bag of Tricks"), single-threaded, in plain
 * Java. The algorithm is fastText's:
 * <ol>
 *   <li>Dictionary: every whitespace token of every example is counted (labels, words and one
 *       {@code </s>} per example, which is what fastText reads at each line end); words below
 *       {@code minCount} are dropped; words then labels, each by descending count.
 *   <li>Features: a word's row plus its character n-grams ({@code minn..maxn}, 0 by default for
 *       supervised models) and the hashed word n-grams up to {@code wordNgrams} into
 *       {@code bucket} rows, computed by the same code as prediction ({@link FastTextPredictor}),
 *       so training and inference cannot disagree on features.
 *   <li>Model: input matrix {@code (nwords + bucket) x dim} uniform in ±1/dim, output matrix
 *       {@code nlabels x dim} zero. Per example: hidden = mean of its input rows; softmax over
 *       {@code output · hidden}; for each label i, {@code alpha = lr (1[i = target] - p_i)},
 *       gradient += alpha·out_i, out_i += alpha·hidden; then every input row += gradient / rows.
 *       An example with several labels trains on one drawn at random, as fastText does.
 *   <li>Schedule: examples in order, {@code epoch} passes; the learning rate decays linearly
 *       from {@code lr} to 0 with the tokens processed, updated every {@code lrUpdateRate} (100)
 *       tokens as in fastText.
 * </ol>
 * Only the softmax loss is implemented (fastText's hierarchical softmax and negative sampling are
 * not). One thread: for a given seed and examples the result is bit-for-bit the same on every
 * run (Java float arithmetic is deterministic), which fastText's Hogwild threads are not.
 */
public final class FastTextTrainer {
  /** fastText's defaults for the arguments a model file stores but supervised training does not use. */
  private static final int WS = 5;
  private static final int NEG = 5;
  private static final int LR_UPDATE_RATE = 100;
  private static final double SAMPLING_T = 1e-4;
  /** Feature rows of at most this many ints (256 MB) are computed once; beyond, every epoch recomputes them. */
  private static final long ROW_CACHE_INTS = 64L << 20;

  /** One labelled line; {@code labels} with or without the {@code __label__} prefix. */
  public record Example(List<String> labels, String text) {
    public Example {
      labels = List.copyOf(labels);
    }

    public static Example of(String label, String text) {
      return new Example(List.of(label), text);
    }
  }

  /** fastText's supervised hyperparameters; {@link #defaults()} are the CLI's. */
  public record Options(int dim, int epoch, double lr, int wordNgrams, int minCount, int bucket, int minn, int maxn,
      FastTextArgs.Loss loss, long seed) {
    public Options {
      if (dim <= 0 || epoch <= 0 || !(lr > 0) || wordNgrams < 1 || minCount < 1 || bucket < 0 || minn < 0
          || maxn < 0 || (maxn > 0 && minn > maxn)) {
        throw new IllegalArgumentException("invalid fastText options " + this);
      }
      if (loss != FastTextArgs.Loss.SOFTMAX) {
        throw new IllegalArgumentException("only the softmax loss is implemented, not " + loss);
      }
    }

    public static Options defaults() {
      return new Options(100, 5, 0.1, 1, 1, 2_000_000, 0, 0, FastTextArgs.Loss.SOFTMAX, 0);
    }

    public Options withDim(int v) {
      return new Options(v, epoch, lr, wordNgrams, minCount, bucket, minn, maxn, loss, seed);
    }

    public Options withEpoch(int v) {
      return new Options(dim, v, lr, wordNgrams, minCount, bucket, minn, maxn, loss, seed);
    }

    public Options withLr(double v) {
      return new Options(dim, epoch, v, wordNgrams, minCount, bucket, minn, maxn, loss, seed);
    }

    public Options withWordNgrams(int v) {
      return new Options(dim, epoch, lr, v, minCount, bucket, minn, maxn, loss, seed);
    }

    public Options withMinCount(int v) {
      return new Options(dim, epoch, lr, wordNgrams, v, bucket, minn, maxn, loss, seed);
    }

    public Options withBucket(int v) {
      return new Options(dim, epoch, lr, wordNgrams, minCount, v, minn, maxn, loss, seed);
    }

    public Options withCharNgrams(int newMinn, int newMaxn) {
      return new Options(dim, epoch, lr, wordNgrams, minCount, bucket, newMinn, newMaxn, loss, seed);
    }

    public Options withSeed(long v) {
      return new Options(dim, epoch, lr, wordNgrams, minCount, bucket, minn, maxn, loss, v);
    }

    /** fastText drops the buckets when no feature would use them (no word n-grams, no subwords). */
    int effectiveBucket() {
      return wordNgrams <= 1 && maxn == 0 ? 0 : bucket;
    }
  }

  /** What training did, for logs and benchmarks. */
  public record Stats(int examples, int skipped, long tokens, int words, int labels, double finalLoss) {}

  private final Options options;
  private Stats stats;

  public FastTextTrainer(Options options) {
    this.options = options;
  }

  /** The statistics of the last {@link #train} call. */
  public Stats stats() {
    return stats;
  }

  public FastTextModel train(List<Example> examples) {
    FastTextArgs args = new FastTextArgs(options.dim(), WS, options.epoch(), options.minCount(), NEG,
        options.wordNgrams(), options.loss(), FastTextArgs.ModelKind.SUPERVISED, options.effectiveBucket(),
        options.minn(), options.maxn(), LR_UPDATE_RATE, SAMPLING_T);
    // 1. Dictionary.
    Map<String, long[]> words = new LinkedHashMap<>();
    Map<String, long[]> labels = new LinkedHashMap<>();
    long ntokens = 0;
    long[] tokensPerExample = new long[examples.size()];
    for (int e = 0; e < examples.size(); e++) {
      Example ex = examples.get(e);
      long n = 1; // </s>
      for (String label : ex.labels()) {
        labels.computeIfAbsent(labelToken(label), k -> new long[1])[0]++;
        n++;
      }
      for (String token : tokens(ex.text())) {
        if (!token.startsWith(LABEL_PREFIX)) {
          words.computeIfAbsent(token, k -> new long[1])[0]++;
        }
        n++;
      }
      words.computeIfAbsent(EOS, k -> new long[1])[0]++;
      tokensPerExample[e] = n;
      ntokens += n;
    }
    if (labels.isEmpty()) {
      throw new IllegalArgumentException("no labelled examples to train on");
    }
    List<Map.Entry<String, long[]>> keptWords = sortedByCount(words, options.minCount());
    List<Map.Entry<String, long[]>> keptLabels = sortedByCount(labels, 1);
    int nwords = keptWords.size();
    int nlabels = keptLabels.size();
    byte[][] entries = new byte[nwords + nlabels][];
    long[] counts = new long[nwords + nlabels];
    Map<String, Integer> labelIndex = new LinkedHashMap<>();
    for (int i = 0; i < nwords; i++) {
      entries[i] = keptWords.get(i).getKey().getBytes(StandardCharsets.UTF_8);
      counts[i] = keptWords.get(i).getValue()[0];
    }
    for (int i = 0; i < nlabels; i++) {
      entries[nwords + i] = keptLabels.get(i).getKey().getBytes(StandardCharsets.UTF_8);
      counts[nwords + i] = keptLabels.get(i).getValue()[0];
      labelIndex.put(keptLabels.get(i).getKey(), i);
    }
    FastTextDictionary dict = FastTextDictionary.build(args, entries, counts, nwords, ntokens);

    // 2. Model.
    int dim = options.dim();
    int inputRows = nwords + args.bucket();
    float[] in = new float[Math.multiplyExact(inputRows, dim)];
    SplittableRandom random = new SplittableRandom(options.seed());
    float bound = 1.0f / dim;
    for (int i = 0; i < in.length; i++) {
      in[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
    }
    float[] out = new float[nlabels * dim];
    FastTextModel model = FastTextModel.softmax(args, dict, DenseMatrix.wrap(inputRows, dim, in),
        DenseMatrix.wrap(nlabels, dim, out));
    FastTextPredictor features = model.newPredictor();

    // 3. Features and targets of each example.
    int[][] targets = new int[examples.size()][];
    int[][] rowCache = new int[examples.size()][];
    long cached = 0;
    for (int e = 0; e < examples.size(); e++) {
      Example ex = examples.get(e);
      int[] t = new int[ex.labels().size()];
      for (int j = 0; j < t.length; j++) {
        t[j] = labelIndex.get(labelToken(ex.labels().get(j)));
      }
      targets[e] = t;
      if (cached < ROW_CACHE_INTS) {
        rowCache[e] = features.inputRows(lineOf(ex.text()));
        cached += rowCache[e].length;
      }
    }

    // 4. Stochastic gradient descent with fastText's linear learning-rate decay.
    float[] hidden = new float[dim];
    float[] grad = new float[dim];
    float[] prob = new float[nlabels];
    long total = (long) options.epoch() * ntokens;
    long tokenCount = 0;
    long localTokenCount = 0;
    double lossSum = 0;
    long lossCount = 0;
    int skipped = 0;
    for (int e = 0; tokenCount < total; e = (e + 1) % examples.size()) {
      float lr = (float) (options.lr() * (1.0 - (double) tokenCount / total));
      localTokenCount += tokensPerExample[e];
      int[] rows = rowCache[e] != null ? rowCache[e] : features.inputRows(lineOf(examples.get(e).text()));
      int[] t = targets[e];
      if (rows.length == 0 || t.length == 0) {
        skipped++;
      } else {
        int target = t.length == 1 ? t[0] : t[random.nextInt(t.length)];
        float loss = update(in, out, dim, nlabels, rows, target, lr, hidden, grad, prob);
        // The mean loss of the last ~10% of the examples seen, a convergence figure for logs.
        if (tokenCount >= total - total / 10) {
          lossSum += loss;
          lossCount++;
        }
      }
      if (localTokenCount > LR_UPDATE_RATE) {
        tokenCount += localTokenCount;
        localTokenCount = 0;
      }
    }
    stats = new Stats(examples.size(), skipped / Math.max(1, options.epoch()), ntokens, nwords, nlabels,
        lossCount == 0 ? Double.NaN : lossSum / lossCount);
    return model;
  }

  /** One softmax step on one example; returns its loss {@code -log p(target)}. */
  private static float update(float[] in, float[] out, int dim, int nlabels, int[] rows, int target, float lr,
      float[] hidden, float[] grad, float[] prob) {
    Arrays.fill(hidden, 0f);
    for (int r : rows) {
      int base = r * dim;
      for (int j = 0; j < dim; j++) {
        hidden[j] += in[base + j];
      }
    }
    float scale = (float) (1.0 / rows.length);
    for (int j = 0; j < dim; j++) {
      hidden[j] *= scale;
    }
    float max = Float.NEGATIVE_INFINITY;
    for (int i = 0; i < nlabels; i++) {
      int base = i * dim;
      float d = 0f;
      for (int j = 0; j < dim; j++) {
        d += out[base + j] * hidden[j];
      }
      prob[i] = d;
      max = Math.max(max, d);
    }
    float z = 0f;
    for (int i = 0; i < nlabels; i++) {
      prob[i] = (float) Math.exp(prob[i] - max);
      z += prob[i];
    }
    Arrays.fill(grad, 0f);
    for (int i = 0; i < nlabels; i++) {
      prob[i] /= z;
      float alpha = lr * ((i == target ? 1f : 0f) - prob[i]);
      int base = i * dim;
      for (int j = 0; j < dim; j++) {
        grad[j] += alpha * out[base + j];
        out[base + j] += alpha * hidden[j];
      }
    }
    for (int j = 0; j < dim; j++) {
      grad[j] *= scale;
    }
    for (int r : rows) {
      int base = r * dim;
      for (int j = 0; j < dim; j++) {
        in[base + j] += grad[j];
      }
    }
    return (float) -Math.log(prob[target] + 1e-5);
  }

  static final String LABEL_PREFIX = "__label__";
  private static final String EOS = "</s>";

  /** {@code hq} → {@code __label__hq}; a label already prefixed is kept. Labels may not contain whitespace. */
  public static String labelToken(String label) {
    String t = label.startsWith(LABEL_PREFIX) ? label : LABEL_PREFIX + label;
    if (t.length() == LABEL_PREFIX.length() || tokens(t).size() != 1) {
      throw new IllegalArgumentException("label '" + label + "' must be one non-empty token without whitespace");
    }
    return t;
  }

  /**
   * The text as the single line fastText would read: line breaks become spaces, since fastText
   * stops at the first one. Filters must predict on the same form ({@link #lineOf}).
   */
  public static String lineOf(String text) {
    return text.indexOf('\n') < 0 ? text : text.replace('\n', ' ');
  }

  /** fastText's tokens: split on the ASCII bytes space, \n, \r, \t, \v, \f and NUL. */
  static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      while (i < n && isSpace(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !isSpace(text.charAt(i))) {
        i++;
      }
      if (i > start) {
        out.add(text.substring(start, i));
      }
    }
    return out;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == 0x0B || c == '\f' || c == 0;
  }

  /** Entries with at least {@code minCount} occurrences, by descending count, ties in first-seen order. */
  private static List<Map.Entry<String, long[]>> sortedByCount(Map<String, long[]> counts, long minCount) {
    List<Map.Entry<String, long[]>> out = new ArrayList<>();
    for (Map.Entry<String, long[]> e : counts.entrySet()) {
      if (e.getValue()[0] >= minCount) {
        out.add(e);
      }
    }
    out.sort(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[0]).reversed());
    return out;
  }
}
