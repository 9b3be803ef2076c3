package org.curate.filters.fasttext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Our trainer: deterministic for a seed, writes {@code .bin} files that our reader and the
 * {@code fasttext} CLI both load and predict alike (1e-4), and learns as well as
 * {@code fasttext supervised} with the same hyperparameters (held-out accuracy within 1 point).
 */
class FastTextTrainerTest {
  @TempDir
  Path dir;

  static List<FastTextTrainer.Example> parse(String fastTextLines) {
    List<FastTextTrainer.Example> out = new ArrayList<>();
    for (String line : fastTextLines.split("\n")) {
      List<String> labels = new ArrayList<>();
      StringBuilder text = new StringBuilder();
      for (String tok : line.split(" ")) {
        if (tok.startsWith("__label__")) {
          labels.add(tok);
        } else {
          text.append(text.length() == 0 ? "" : " ").append(tok);
        }
      }
      out.add(new FastTextTrainer.Example(labels, text.toString()));
    }
    return out;
  }

  private static FastTextTrainer.Options synthetic() {
    return FastTextTrainer.Options.defaults().withDim(16).withEpoch(5).withLr(0.5).withWordNgrams(2)
        .withBucket(100003).withSeed(7);
  }

  @Test
  void sameSeedSameBytesOtherSeedOtherBytes() throws Exception {
    List<FastTextTrainer.Example> data = parse(new SyntheticLanguages(42).labelledLines(2000, new Random(1)));
    Path a = dir.resolve("a.bin");
    Path b = dir.resolve("b.bin");
    Path c = dir.resolve("c.bin");
    ModelWriter.write(new FastTextTrainer(synthetic()).train(data), a);
    ModelWriter.write(new FastTextTrainer(synthetic()).train(data), b);
    ModelWriter.write(new FastTextTrainer(synthetic().withSeed(8)).train(data), c);
    assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    assertThat(Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(c))).isFalse();
  }

  @Test
  void writtenModelReloadsWithIdenticalPredictionsAndLearnsTheLanguages() throws Exception {
    SyntheticLanguages langs = new SyntheticLanguages(42);
    List<FastTextTrainer.Example> train = parse(langs.labelledLines(4000, new Random(1)));
    List<FastTextTrainer.Example> test = parse(langs.labelledLines(500, new Random(3)));
    FastTextTrainer trainer = new FastTextTrainer(synthetic());
    FastTextModel trained = trainer.train(train);
    assertThat(trainer.stats().labels()).isEqualTo(9); // l0..l5 and extra0..extra2
    Path bin = dir.resolve("m.bin");
    ModelWriter.write(trained, bin);
    FastTextModel loaded = FastTextModel.load(bin);
    assertThat(loaded.dictionary().nlabels()).isEqualTo(9);
    FastTextPredictor before = trained.newPredictor();
    FastTextPredictor after = loaded.newPredictor();
    int correct = 0;
    for (FastTextTrainer.Example e : test) {
      List<Prediction> p = after.predict(e.text(), -1);
      assertThat(p).isEqualTo(before.predict(e.text(), -1));
      correct += e.labels().get(0).equals(p.get(0).label()) ? 1 : 0;
    }
    // 10% of the words come from another language and 10% of lines carry an extra label: well above chance (1/6).
    assertThat((double) correct / test.size()).isGreaterThan(0.85);
  }

  @Test
  void twoHogwildThreadsLearnTheLanguagesToo() {
    SyntheticLanguages langs = new SyntheticLanguages(42);
    List<FastTextTrainer.Example> train = parse(langs.labelledLines(4000, new Random(1)));
    List<FastTextTrainer.Example> test = parse(langs.labelledLines(500, new Random(3)));
    FastTextTrainer trainer = new FastTextTrainer(synthetic().withThreads(2));
    FastTextModel model = trainer.train(train);
    assertThat(trainer.stats().labels()).isEqualTo(9);
    assertThat(accuracy(model, test)).isGreaterThan(0.85);
  }

  @ParameterizedTest
  @EnumSource(value = FastTextArgs.Loss.class, names = {"SOFTMAX", "ONE_VS_ALL", "HIERARCHICAL_SOFTMAX"})
  void cliLoadsOurModelAndPredictsLikeOurReader(FastTextArgs.Loss loss) throws Exception {
    assumeTrue(FastTextCliParityTest.cliPath() != null, "fasttext CLI not installed");
    SyntheticLanguages langs = new SyntheticLanguages(42);
    Path bin = dir.resolve("ours.bin");
    ModelWriter.write(new FastTextTrainer(synthetic().withLoss(loss))
        .train(parse(langs.labelledLines(3000, new Random(1)))), bin);
    Path test = dir.resolve("test.txt");
    Files.writeString(test, langs.testLines(new Random(2)), StandardCharsets.UTF_8);
    List<String> cli = FastTextCliParityTest.runIn(dir, "predict-prob", bin.toString(), test.toString(), "-1");
    String[] lines = Files.readString(test, StandardCharsets.UTF_8).split("\n", -1);
    assertThat(cli).hasSize(lines.length - 1);
    FastTextPredictor ours = FastTextModel.load(bin).newPredictor();
    int compared = 0;
    for (int i = 0; i < cli.size(); i++) {
      List<Prediction> p = ours.predict(lines[i], -1);
      String[] c = cli.get(i).isBlank() ? new String[0] : cli.get(i).trim().split(" ");
      // k = -1 lists every label: same length, same order up to ties, same probabilities
      assertThat(p).as("line %d", i + 1).hasSize(c.length / 2);
      for (int j = 0; j < p.size(); j++) {
        assertThat((double) p.get(j).probability()).as("line %d label %d", i + 1, j)
            .isCloseTo(Double.parseDouble(c[2 * j + 1]), Offset.offset(1e-4));
        compared++;
      }
      if (p.size() > 0) {
        // The same top label, unless tied (hs gives exact ties between labels on lines without known features).
        Prediction cliTop = p.stream().filter(x -> x.label().equals(c[0])).findFirst().orElseThrow();
        assertThat((double) cliTop.probability()).as("line %d: %s", i + 1, cli.get(i))
            .isCloseTo(p.get(0).probability(), Offset.offset(1e-6));
      }
    }
    assertThat(compared).isGreaterThan(1000);
  }

  @ParameterizedTest
  @CsvSource({"SOFTMAX, softmax", "ONE_VS_ALL, ova", "HIERARCHICAL_SOFTMAX, hs"})
  void heldOutAccuracyWithinOnePointOfTheCliOnArticleVersusBoilerplateLines(FastTextArgs.Loss loss, String cliLoss)
      throws Exception {
    assumeTrue(FastTextCliParityTest.cliPath() != null, "fasttext CLI not installed");
    Path shared = ArticleLines.sharedData();
    assumeTrue(shared != null, "no shared data (system property curate.shared.data)");
    ArticleLines data = ArticleLines.load(shared, 4);
    FastTextTrainer.Options opts = FastTextTrainer.Options.defaults().withDim(50).withEpoch(10).withLr(0.2)
        .withWordNgrams(2).withBucket(200000).withSeed(1).withLoss(loss);
    FastTextModel ours = new FastTextTrainer(opts).train(data.train);
    double oursAcc = accuracy(ours, data.test);

    Path trainFile = dir.resolve("articles.train");
    Files.writeString(trainFile, ArticleLines.toFastTextLines(data.train), StandardCharsets.UTF_8);
    Path testFile = dir.resolve("articles.test");
    Files.writeString(testFile, ArticleLines.toFastTextLines(data.test), StandardCharsets.UTF_8);
    FastTextCliParityTest.runIn(dir, "supervised", "-input", trainFile.toString(), "-output", dir.resolve("cli").toString(),
        "-dim", "50", "-epoch", "10", "-lr", "0.2", "-wordNgrams", "2", "-bucket", "200000", "-minCount", "1",
        "-loss", cliLoss, "-thread", "1");
    List<String> cliOut = FastTextCliParityTest.runIn(dir, "test", dir.resolve("cli.bin").toString(), testFile.toString());
    double cliAcc = cliOut.stream().filter(l -> l.startsWith("P@1")).mapToDouble(l -> Double.parseDouble(l.split("\\s+")[1]))
        .findFirst().orElseThrow();
    System.out.printf("article-vs-boilerplate lines, loss %s: train %d, test %d; held-out accuracy ours %.4f, "
        + "fasttext CLI %.4f%n", cliLoss, data.train.size(), data.test.size(), oursAcc, cliAcc);
    assertThat(data.test.size()).isGreaterThan(300);
    assertThat(oursAcc).isGreaterThan(0.75);
    assertThat(oursAcc).isCloseTo(cliAcc, Offset.offset(0.01));
  }

  static double accuracy(FastTextModel model, List<FastTextTrainer.Example> test) {
    FastTextPredictor p = model.newPredictor();
    int correct = 0;
    for (FastTextTrainer.Example e : test) {
      List<Prediction> top = p.predict(FastTextTrainer.lineOf(e.text()), 1);
      correct += !top.isEmpty() && top.get(0).label().equals(FastTextTrainer.labelToken(e.labels().get(0))) ? 1 : 0;
    }
    return (double) correct / test.size();
  }
}
