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
 *       {@code nlabels x dim} zero. Per example: hidden = mean of its input rows; for softmax over
 *       {@code output · hidden}, for each label i, {@code alpha = lr (1[i = target] - p_i)},
 *       gradient += alpha·out_i, out_i += alpha·hidden; then every input row += gradient / rows.
 *       An example with several labels trains on one drawn at random, as fastText does (except
 *       one-vs-all, which trains on all of them).
 *   <li>Schedule: examples in order, {@code epoch} passes; the learning rate decays linearly
 *       from {@code lr} to 0 with the tokens processed, updated every {@code lrUpdateRate} (100)
 *       tokens as in fastText.
 * </ol>
 * Losses ({@link TrainingLoss}): softmax, one-vs-all ({@code ova}: a sigmoid per label, trained on
 * all of an example's labels) and hierarchical softmax ({@code hs}: a sigmoid per inner node of a
 * Huffman tree over the labels, {@link HuffmanTree}); negative sampling is not implemented. One
 * thread (the default): for a given seed and examples the result is bit-for-bit the same on every
 * run (Java float arithmetic is deterministic). More threads run fastText's lock-free Hogwild SGD
 * on shared matrices: faster in wall time, not reproducible bit for bit.
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

  /**
   * fastText's supervised hyperparameters; {@link #defaults()} are the CLI's, except {@code threads}
   * (1: deterministic; more: fastText's lock-free Hogwild SGD, whose result depends on scheduling).
   */
  public record Options(int dim, int epoch, double lr, int wordNgrams, int minCount, int bucket, int minn, int maxn,
      FastTextArgs.Loss loss, long seed, int threads) {
    public Options {
      if (dim <= 0 || epoch <= 0 || !(lr > 0) || wordNgrams < 1 || minCount < 1 || bucket < 0 || minn < 0
          || maxn < 0 || (maxn > 0 && minn > maxn) || threads < 1) {
        throw new IllegalArgumentException("invalid fastText options " + this);
      }
      if (loss == FastTextArgs.Loss.NEGATIVE_SAMPLING) {
        throw new IllegalArgumentException("loss ns (negative sampling) is not implemented; use softmax, ova or hs");
      }
    }

    public static Options defaults() {
      return new Options(100, 5, 0.1, 1, 1, 2_000_000, 0, 0, FastTextArgs.Loss.SOFTMAX, 0, 1);
    }

    public Options withDim(int v) {
      return new Options(v, epoch, lr, wordNgrams, minCount, bucket, minn, maxn, loss, seed, threads);
    }

    public Options withEpoch(int v) {
      return new Options(dim, v, lr, wordNgrams, minCount, bucket, minn, maxn, loss, seed, threads);
    }

    public Options withLr(double v) {
      return new Options(dim, epoch, v, wordNgrams, minCount, bucket, minn, maxn, loss, seed, threads);
    }

    public Options withWordNgrams(int v) {
      return new Options(dim, epoch, lr, v, minCount, bucket, minn, maxn, loss, seed, threads);
    }

    public Options withMinCount(int v) {
      return new Options(dim, epoch, lr, wordNgrams, v, bucket, minn, maxn, loss, seed, threads);
    }

    public Options withBucket(int v) {
      return new Options(dim, epoch, lr, wordNgrams, minCount, v, minn, maxn, loss, seed, threads);
    }

    public Options withCharNgrams(int newMinn, int newMaxn) {
      return new Options(dim, epoch, lr, wordNgrams, minCount, bucket, newMinn, newMaxn, loss, seed, threads);
    }

    public Options withLoss(FastTextArgs.Loss v) {
      return new Options(dim, epoch, lr, wordNgrams, minCount, bucket, minn, maxn, v, seed, threads);
    }

    public Options withSeed(long v) {
      return new Options(dim, epoch, lr, wordNgrams, minCount, bucket, minn, maxn, loss, v, threads);
    }

    public Options withThreads(int v) {
      return new Options(dim, epoch, lr, wordNgrams, minCount, bucket, minn, maxn, loss, seed, v);
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
    FastTextModel model = FastTextModel.trained(args, dict, DenseMatrix.wrap(inputRows, dim, in),
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

    // 4. Stochastic gradient descent with fastText's linear learning-rate decay. Thread 0 continues
    // the initialization's random stream, so one thread gives the same model as it always has.
    long[] labelCounts = Arrays.copyOfRange(counts, nwords, nwords + nlabels);
    Sgd sgd = new Sgd(examples, model, in, out, labelCounts, targets, rowCache, tokensPerExample,
        (long) options.epoch() * ntokens);
    int threads = Math.min(options.threads(), examples.size());
    if (threads == 1) {
      sgd.run(0, random);
    } else {
      List<Thread> workers = new ArrayList<>();
      List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
      for (int t = 0; t < threads; t++) {
        // fastText starts thread t at the t-th slice of its input file.
        int start = (int) ((long) t * examples.size() / threads);
        SplittableRandom r = t == 0 ? random : random.split();
        Thread w = new Thread(() -> sgd.run(start, r), "fasttext-train-" + t);
        w.setUncaughtExceptionHandler((th, e) -> errors.add(e));
        workers.add(w);
      }
      workers.forEach(Thread::start);
      for (Thread w : workers) {
        try {
          w.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while training", e);
        }
      }
      if (!errors.isEmpty()) {
        throw new IllegalStateException("a training thread failed", errors.get(0));
      }
    }
    stats = new Stats(examples.size(), (int) (sgd.skipped.get() / Math.max(1, options.epoch())), ntokens, nwords,
        nlabels, sgd.meanFinalLoss());
    return model;
  }

  /**
   * The SGD loop of one thread over shared matrices (fastText's {@code trainThread}): from a start
   * example, in order and round again, until all threads together have processed {@code epoch}
   * times the tokens; the learning rate follows the shared progress. With several threads the
   * updates race on purpose (Hogwild, as fastText does): lost updates are rare and harmless.
   */
  private final class Sgd {
    private final List<Example> examples;
    private final FastTextModel model;
    private final float[] in;
    private final float[] out;
    private final long[] labelCounts;
    private final int[][] targets;
    private final int[][] rowCache;
    private final long[] tokensPerExample;
    private final long total;
    private final java.util.concurrent.atomic.AtomicLong tokenCount = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong skipped = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.DoubleAdder lossSum = new java.util.concurrent.atomic.DoubleAdder();
    private final java.util.concurrent.atomic.AtomicLong lossCount = new java.util.concurrent.atomic.AtomicLong();

    Sgd(List<Example> examples, FastTextModel model, float[] in, float[] out, long[] labelCounts, int[][] targets,
        int[][] rowCache, long[] tokensPerExample, long total) {
      this.examples = examples;
      this.model = model;
      this.in = in;
      this.out = out;
      this.labelCounts = labelCounts;
      this.targets = targets;
      this.rowCache = rowCache;
      this.tokensPerExample = tokensPerExample;
      this.total = total;
    }

    void run(int start, SplittableRandom random) {
      int dim = options.dim();
      TrainingLoss loss = TrainingLoss.of(options.loss(), out, dim, labelCounts);
      FastTextPredictor features = model.newPredictor(); // computes rows not cached; one per thread
      float[] hidden = new float[dim];
      float[] grad = new float[dim];
      long localTokenCount = 0;
      double localLoss = 0;
      long localLossCount = 0;
      long localSkipped = 0;
      long seen = tokenCount.get();
      for (int e = start; seen < total; e = (e + 1) % examples.size()) {
        float lr = (float) (options.lr() * (1.0 - (double) seen / total));
        localTokenCount += tokensPerExample[e];
        int[] rows = rowCache[e] != null ? rowCache[e] : features.inputRows(lineOf(examples.get(e).text()));
        int[] t = targets[e];
        if (rows.length == 0 || t.length == 0) {
          localSkipped++;
        } else {
          int target = loss.usesAllLabels() || t.length == 1 ? t[0] : t[random.nextInt(t.length)];
          float l = update(loss, rows, t, target, lr, hidden, grad);
          // The mean loss of the last ~10% of the examples seen, a convergence figure for logs.
          if (seen >= total - total / 10) {
            localLoss += l;
            localLossCount++;
          }
        }
        if (localTokenCount > LR_UPDATE_RATE) {
          seen = tokenCount.addAndGet(localTokenCount);
          localTokenCount = 0;
        }
      }
      skipped.addAndGet(localSkipped);
      lossSum.add(localLoss);
      lossCount.addAndGet(localLossCount);
    }

    double meanFinalLoss() {
      return lossCount.get() == 0 ? Double.NaN : lossSum.sum() / lossCount.get();
    }

    /** One step on one example: hidden = mean of its input rows, the loss's step, then every input row += grad / rows. */
    private float update(TrainingLoss loss, int[] rows, int[] targets, int target, float lr, float[] hidden,
        float[] grad) {
      int dim = hidden.length;
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
      Arrays.fill(grad, 0f);
      float l = loss.step(hidden, grad, targets, target, lr);
      for (int j = 0; j < dim; j++) {
        grad[j] *= scale;
      }
      for (int r : rows) {
        int base = r * dim;
        for (int j = 0; j < dim; j++) {
          in[base + j] += grad[j];
        }
      }
      return l;
    }
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
