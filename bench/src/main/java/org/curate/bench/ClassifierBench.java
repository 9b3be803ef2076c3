package org.curate.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.curate.filters.fasttext.ArticleLines;
import org.curate.filters.fasttext.FastTextModel;
import org.curate.filters.fasttext.FastTextPredictor;
import org.curate.filters.fasttext.FastTextTrainer;
import org.curate.filters.fasttext.ModelWriter;
import org.curate.filters.fasttext.Prediction;

/**
 * Our fastText trainer and predictor against the {@code fasttext} CLI, on the same data with the
 * same hyperparameters, one thread each; then training on 2 cores (ours with 2 threads and 1, the
 * CLI with {@code -thread 2}), compared by wall time. Data: the {@code aeb} half of {@code extraction-dev}
 * (read from its path): ground-truth article paragraphs ({@code __label__hq}) versus the other
 * text lines of the pages ({@code __label__cc}), pages split 3:1 by sorted id. Times are CPU
 * (user + system) so that a loaded machine does not distort them: ours by {@link ThreadMXBean}
 * over the training or prediction call, the CLI's by {@code /usr/bin/time} over its process
 * (which includes reading the input and, for {@code predict}, loading the model: the load alone
 * is measured on a one-line input and reported too).
 *
 * <p>Usage: {@code ClassifierBench [--data SHARED_DATA] [--dim 50] [--epoch 10] [--lr 0.2]
 * [--word-ngrams 2] [--bucket 200000] [--repeat 3] [--predict-copies 20]}.
 */
public final class ClassifierBench {
  public static void main(String[] argv) throws Exception {
    Path data = Path.of(System.getProperty("curate.shared.data", "../shared/data"));
    int dim = 50;
    int epoch = 10;
    double lr = 0.2;
    int wordNgrams = 2;
    int bucket = 200000;
    int repeat = 3;
    int copies = 20;
    int trainCopies = 1;
    for (int i = 0; i < argv.length; i += 2) {
      String v = argv[i + 1];
      switch (argv[i]) {
        case "--data" -> data = Path.of(v);
        case "--dim" -> dim = Integer.parseInt(v);
        case "--epoch" -> epoch = Integer.parseInt(v);
        case "--lr" -> lr = Double.parseDouble(v);
        case "--word-ngrams" -> wordNgrams = Integer.parseInt(v);
        case "--bucket" -> bucket = Integer.parseInt(v);
        case "--repeat" -> repeat = Integer.parseInt(v);
        case "--predict-copies" -> copies = Integer.parseInt(v);
        case "--train-copies" -> trainCopies = Integer.parseInt(v);
        default -> throw new IllegalArgumentException("unknown option " + argv[i]);
      }
    }
    // The filters module's labelled test set (its test-jar): every 4th page held out.
    ArticleLines lines = ArticleLines.load(data, 4);
    List<FastTextTrainer.Example> train = new ArrayList<>(lines.train);
    List<FastTextTrainer.Example> test = lines.test;
    List<String> pages = lines.pages;
    // More work for the timing: the training lines repeated (page order kept), both sides get the same file.
    List<FastTextTrainer.Example> once = List.copyOf(train);
    for (int c = 1; c < trainCopies; c++) {
      train.addAll(once);
    }
    Path work = Files.createTempDirectory("classifier-bench");
    Path trainFile = work.resolve("train.txt");
    Path testFile = work.resolve("test.txt");
    Files.writeString(trainFile, fastTextLines(train), StandardCharsets.UTF_8);
    Files.writeString(testFile, fastTextLines(test), StandardCharsets.UTF_8);
    System.out.printf(Locale.ROOT, "data: %d training lines, %d held-out lines (%s); dim %d epoch %d lr %s wordNgrams %d "
        + "bucket %d, softmax, 1 thread; CPU seconds (user+sys), best of %d%n", train.size(), test.size(),
        data.resolve("extraction-dev/aeb"), dim, epoch, lr, wordNgrams, bucket, repeat);

    // Training.
    FastTextTrainer.Options options = FastTextTrainer.Options.defaults().withDim(dim).withEpoch(epoch).withLr(lr)
        .withWordNgrams(wordNgrams).withBucket(bucket).withSeed(1);
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    double oursTrain = Double.MAX_VALUE;
    FastTextModel ours = null;
    for (int r = 0; r < repeat; r++) {
      long t0 = mx.getCurrentThreadCpuTime();
      ours = new FastTextTrainer(options).train(train);
      oursTrain = Math.min(oursTrain, (mx.getCurrentThreadCpuTime() - t0) / 1e9);
    }
    Path oursBin = work.resolve("ours.bin");
    long w0 = mx.getCurrentThreadCpuTime();
    ModelWriter.write(ours, oursBin);
    double oursWrite = (mx.getCurrentThreadCpuTime() - w0) / 1e9;
    double oursAcc = accuracy(ours, test);
    double cliTrain = Double.MAX_VALUE;
    for (int r = 0; r < repeat; r++) {
      cliTrain = Math.min(cliTrain, cli(work, "supervised", "-input", trainFile.toString(), "-output",
          work.resolve("cli").toString(), "-dim", "" + dim, "-epoch", "" + epoch, "-lr", "" + lr, "-wordNgrams",
          "" + wordNgrams, "-bucket", "" + bucket, "-minCount", "1", "-loss", "softmax", "-thread", "1", "-verbose", "0")
          .cpuSeconds);
    }
    double cliAcc = accuracy(FastTextModel.load(work.resolve("cli.bin")), test);
    System.out.printf(Locale.ROOT, "training: ours %.2f s CPU (examples in memory; + %.2f s writing the model), "
        + "fasttext CLI %.2f s CPU (incl. reading the file and writing the model); held-out accuracy ours %.4f, "
        + "CLI %.4f (both scored by our predictor, which equals the CLI's)%n", oursTrain, oursWrite, cliTrain, oursAcc,
        cliAcc);
    trainOnTwoCores(work, train, test, trainFile, options, repeat, dim, epoch, lr, wordNgrams, bucket);

    // Inference: whole pages (crude tag-stripped text, one line each), repeated to have enough work.
    List<String> docs = new ArrayList<>();
    for (int c = 0; c < copies; c++) {
      docs.addAll(pages);
    }
    Path docsFile = work.resolve("docs.txt");
    Files.writeString(docsFile, String.join("\n", docs) + "\n", StandardCharsets.UTF_8);
    Path oneFile = work.resolve("one.txt");
    Files.writeString(oneFile, docs.get(0) + "\n", StandardCharsets.UTF_8);
    long bytes = Files.size(docsFile);
    FastTextPredictor predictor = FastTextModel.load(oursBin).newPredictor();
    double oursPredict = Double.MAX_VALUE;
    long sink = 0;
    for (int r = 0; r < repeat + 1; r++) { // the first round warms the JIT up and is not counted
      long t0 = mx.getCurrentThreadCpuTime();
      for (String d : docs) {
        sink += predictor.predict(d, 1).get(0).labelIndex();
      }
      double s = (mx.getCurrentThreadCpuTime() - t0) / 1e9;
      if (r > 0) {
        oursPredict = Math.min(oursPredict, s);
      }
    }
    double cliPredict = Double.MAX_VALUE;
    double cliLoad = Double.MAX_VALUE;
    for (int r = 0; r < repeat; r++) {
      Cli run = cli(work, "predict", oursBin.toString(), docsFile.toString(), "1");
      if (run.lines != docs.size()) {
        throw new IllegalStateException("CLI printed " + run.lines + " predictions for " + docs.size() + " documents");
      }
      cliPredict = Math.min(cliPredict, run.cpuSeconds);
      cliLoad = Math.min(cliLoad, cli(work, "predict", oursBin.toString(), oneFile.toString(), "1").cpuSeconds);
    }
    System.out.printf(Locale.ROOT, "inference: %d documents (%.1f MB, mean %.0f bytes), top-1 on our model: ours %.0f docs/s "
        + "(%.2f s CPU), fasttext predict %.0f docs/s (%.2f s CPU incl. %.2f s model load; %.0f docs/s without the load) "
        + "[%d]%n", docs.size(), bytes / 1e6, (double) bytes / docs.size(), docs.size() / oursPredict, oursPredict,
        docs.size() / cliPredict, cliPredict, cliLoad, docs.size() / Math.max(1e-9, cliPredict - cliLoad), sink % 2);
  }

  /**
   * Training on the same 2 cores: ours with 2 Hogwild threads and with 1, the CLI with
   * {@code -thread 2}. Wall time is what 2 threads buy, so it is the figure compared (best of
   * {@code repeat}; on a loaded machine it is noisier than CPU time, which is printed too: ours is
   * the JVM's process CPU over the call, which includes JIT and GC threads).
   */
  private static void trainOnTwoCores(Path work, List<FastTextTrainer.Example> train, List<FastTextTrainer.Example> test,
      Path trainFile, FastTextTrainer.Options options, int repeat, int dim, int epoch, double lr, int wordNgrams,
      int bucket) throws Exception {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    double[] oursWall = {Double.MAX_VALUE, Double.MAX_VALUE};
    double[] oursCpu = {Double.MAX_VALUE, Double.MAX_VALUE};
    double[] oursAcc = new double[2];
    for (int threads = 1; threads <= 2; threads++) {
      for (int r = 0; r < repeat; r++) {
        long c0 = os.getProcessCpuTime();
        long w0 = System.nanoTime();
        FastTextModel m = new FastTextTrainer(options.withThreads(threads)).train(train);
        oursWall[threads - 1] = Math.min(oursWall[threads - 1], (System.nanoTime() - w0) / 1e9);
        oursCpu[threads - 1] = Math.min(oursCpu[threads - 1], (os.getProcessCpuTime() - c0) / 1e9);
        oursAcc[threads - 1] = accuracy(m, test);
      }
    }
    double cliWall = Double.MAX_VALUE;
    double cliCpu = Double.MAX_VALUE;
    for (int r = 0; r < repeat; r++) {
      Cli run = cli(work, "supervised", "-input", trainFile.toString(), "-output", work.resolve("cli2").toString(),
          "-dim", "" + dim, "-epoch", "" + epoch, "-lr", "" + lr, "-wordNgrams", "" + wordNgrams, "-bucket", "" + bucket,
          "-minCount", "1", "-loss", "softmax", "-thread", "2", "-verbose", "0");
      cliWall = Math.min(cliWall, run.wallSeconds);
      cliCpu = Math.min(cliCpu, run.cpuSeconds);
    }
    double cliAcc = accuracy(FastTextModel.load(work.resolve("cli2.bin")), test);
    System.out.printf(Locale.ROOT, "training on 2 cores (wall, best of %d): ours 2 threads %.2f s (%.2f s process CPU, "
        + "accuracy %.4f), ours 1 thread %.2f s (%.2f s, %.4f), fasttext -thread 2 %.2f s (%.2f s CPU, %.4f); "
        + "CLI/ours wall: %.2fx with 2 threads, %.2fx ours with 1%n", repeat, oursWall[1], oursCpu[1], oursAcc[1],
        oursWall[0], oursCpu[0], oursAcc[0], cliWall, cliCpu, cliAcc, cliWall / oursWall[1], cliWall / oursWall[0]);
  }

  private record Cli(double cpuSeconds, double wallSeconds, long lines) {}

  private static Cli cli(Path work, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("/usr/bin/time", "-f", "%U %S %e", "-o",
        work.resolve("time.txt").toString(), "fasttext"));
    cmd.addAll(List.of(args));
    Path out = work.resolve("cli.out");
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(work.resolve("cli.err").toFile())
        .start();
    if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", cmd) + " failed: " + Files.readString(work.resolve("cli.err")));
    }
    String[] t = Files.readString(work.resolve("time.txt")).trim().split("\\s+");
    long lines;
    try (var s = Files.lines(out)) {
      lines = s.count();
    }
    return new Cli(Double.parseDouble(t[t.length - 3]) + Double.parseDouble(t[t.length - 2]),
        Double.parseDouble(t[t.length - 1]), lines);
  }

  static double accuracy(FastTextModel model, List<FastTextTrainer.Example> test) {
    FastTextPredictor p = model.newPredictor();
    int correct = 0;
    for (FastTextTrainer.Example e : test) {
      List<Prediction> top = p.predict(e.text(), 1);
      correct += !top.isEmpty() && top.get(0).label().equals(FastTextTrainer.labelToken(e.labels().get(0))) ? 1 : 0;
    }
    return (double) correct / test.size();
  }

  private static String fastTextLines(List<FastTextTrainer.Example> examples) {
    StringBuilder sb = new StringBuilder();
    for (FastTextTrainer.Example e : examples) {
      sb.append(FastTextTrainer.labelToken(e.labels().get(0))).append(' ').append(e.text()).append('\n');
    }
    return sb.toString();
  }
}
