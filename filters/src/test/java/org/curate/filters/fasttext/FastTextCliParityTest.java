package org.curate.filters.fasttext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our predictions must equal {@code fasttext predict-prob} (the Debian CLI, 0.9.2) on every line,
 * labels and probabilities to 1e-4, for models the CLI trains here from generated data: softmax,
 * hierarchical softmax and one-vs-all, dense and quantized (pruned dictionary, qnorm, qout).
 * Skipped when the {@code fasttext} binary is not installed ({@code apt-get install fasttext}).
 */
class FastTextCliParityTest {
  private static final double TOLERANCE = 1e-4;

  @TempDir
  static Path dir;
  static Path train;
  static Path test;

  @BeforeAll
  static void writeData() throws IOException {
    assumeTrue(cliPath() != null, "fasttext CLI not installed");
    train = dir.resolve("train.txt");
    test = dir.resolve("test.txt");
    SyntheticLanguages langs = new SyntheticLanguages(42);
    Files.writeString(train, langs.labelledLines(4000, new Random(1)), StandardCharsets.UTF_8);
    Files.writeString(test, langs.testLines(new Random(2)), StandardCharsets.UTF_8);
  }

  @Test
  void softmaxDenseAndQuantized() throws Exception {
    Path bin = trainModel("sm", "softmax");
    assertSameAsCli(bin, 3);
    assertSameAsCli(bin, -1);
    Path ftz = quantize("sm", "-qnorm", "-cutoff", "1000", "-retrain", "-epoch", "1");
    assertThat(FastTextModel.load(ftz).quantized()).isTrue();
    assertSameAsCli(ftz, 3);
    assertSameAsCli(ftz, -1);
  }

  @Test
  void softmaxQuantizedWithoutPruningAndUnevenSubvectors() throws Exception {
    // -qout needs at least 256 output rows (labels), more than this data has; dim 16 with dsub 3 leaves a last sub-vector of 1.
    trainModel("smq", "softmax");
    assertSameAsCli(quantize("smq", "-dsub", "3"), 5);
  }

  @Test
  void hierarchicalSoftmaxDenseAndQuantized() throws Exception {
    Path bin = trainModel("hs", "hs");
    assertSameAsCli(bin, 1);
    assertSameAsCli(bin, 4);
    assertSameAsCli(bin, -1);
    assertSameAsCli(quantize("hs", "-qnorm", "-cutoff", "500"), 3);
  }

  @Test
  void oneVsAll() throws Exception {
    assertSameAsCli(trainModel("ova", "ova"), 3);
  }

  @Test
  void lid176WhenPresent() throws Exception {
    Path lid = Path.of(System.getProperty("curate.lid.model", "../models/lid.176.ftz"));
    assumeTrue(Files.isRegularFile(lid), "no " + lid + " (run models/fetch-lid176.sh)");
    Path multilingual = dir.resolve("multilingual.txt");
    StringBuilder sb = new StringBuilder();
    for (String s : SyntheticLanguages.REAL_SENTENCES) {
      sb.append(s).append('\n');
    }
    sb.append(Files.readString(test));
    Files.writeString(multilingual, sb.toString(), StandardCharsets.UTF_8);
    assertSameAsCli(lid, multilingual, 2);
    assertSameAsCli(lid, multilingual, -1);
  }

  private static Path trainModel(String name, String loss) throws Exception {
    Path prefix = dir.resolve(name);
    run("supervised", "-input", train.toString(), "-output", prefix.toString(), "-loss", loss, "-wordNgrams", "2",
        "-minn", "2", "-maxn", "4", "-epoch", "5", "-dim", "16", "-bucket", "100003", "-thread", "1", "-lr", "0.5");
    return dir.resolve(name + ".bin");
  }

  private static Path quantize(String name, String... flags) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("quantize", "-input", train.toString(), "-output",
        dir.resolve(name).toString(), "-thread", "1"));
    cmd.addAll(List.of(flags));
    run(cmd.toArray(String[]::new));
    return dir.resolve(name + ".ftz");
  }

  private static void assertSameAsCli(Path model, int k) throws Exception {
    assertSameAsCli(model, test, k);
  }

  private static void assertSameAsCli(Path model, Path input, int k) throws Exception {
    List<String> expected = run("predict-prob", model.toString(), input.toString(), Integer.toString(k));
    String[] lines = Files.readString(input, StandardCharsets.UTF_8).split("\n", -1);
    int n = lines.length - 1; // the file ends with a newline
    assertThat(expected).as("CLI output lines for %s", model).hasSize(n);
    FastTextPredictor predictor = FastTextModel.load(model).newPredictor();
    int lengthsDiffer = 0;
    for (int i = 0; i < n; i++) {
      List<Prediction> ours = predictor.predict(lines[i], k);
      String[] cli = expected.get(i).isBlank() ? new String[0] : expected.get(i).trim().split(" ");
      String where = model.getFileName() + " k=" + k + " line " + (i + 1) + " '" + lines[i] + "'\n  cli:  "
          + expected.get(i) + "\n  ours: " + ours;
      int common = Math.min(ours.size(), cli.length / 2);
      for (int j = 0; j < common; j++) {
        double cliProb = Double.parseDouble(cli[2 * j + 1]);
        assertThat((double) ours.get(j).probability()).as(where).isCloseTo(cliProb, Offset.offset(TOLERANCE));
        if (!ours.get(j).label().equals(cli[2 * j])) {
          // A tie (one-vs-all's table sigmoid makes exact ties common): the CLI's label must score the same for us.
          assertThat(probabilityOf(predictor.predict(lines[i], -1), cli[2 * j])).as(where)
              .isCloseTo(cliProb, Offset.offset(TOLERANCE));
        }
      }
      // Lists may differ in length only by labels of probability ~1e-5 (zero plus fastText's 1e-5), which
      // sit on the hierarchical softmax's pruning threshold log(1e-5).
      for (int j = common; j < ours.size(); j++) {
        assertThat((double) ours.get(j).probability()).as(where).isLessThan(TOLERANCE);
      }
      for (int j = common; j < cli.length / 2; j++) {
        assertThat(Double.parseDouble(cli[2 * j + 1])).as(where).isLessThan(TOLERANCE);
      }
      lengthsDiffer += ours.size() * 2 == cli.length ? 0 : 1;
    }
    System.out.printf("parity %s k=%d: %d lines, %d with extra or missing labels below 1e-4%n", model.getFileName(), k,
        n, lengthsDiffer);
  }

  private static double probabilityOf(List<Prediction> all, String label) {
    return all.stream().filter(p -> p.label().equals(label)).mapToDouble(Prediction::probability).findFirst()
        .orElse(0);
  }

  static String cliPath() {
    for (String d : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
      Path p = Path.of(d, "fasttext");
      if (Files.isExecutable(p)) {
        return p.toString();
      }
    }
    return null;
  }

  static List<String> run(String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(cliPath());
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "cli", ".out");
    Path err = Files.createTempFile(dir, "cli", ".err");
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException(String.join(" ", cmd) + " failed:\n" + Files.readString(err));
    }
    return Files.readAllLines(out, StandardCharsets.UTF_8);
  }
}
