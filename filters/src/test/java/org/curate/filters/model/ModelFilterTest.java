package org.curate.filters.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.assertj.core.data.Offset;
import org.curate.core.Document;
import org.curate.core.DocumentStep;
import org.curate.core.Outcome;
import org.curate.filters.FilterChain;
import org.curate.filters.FilterRegistry;
import org.curate.filters.fasttext.FastTextModel;
import org.curate.filters.fasttext.FastTextTrainer;
import org.curate.filters.fasttext.ModelWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code quality_model} / {@code toxicity_model} over a model our trainer makes in the test
 * (always runs) and over one the {@code fasttext} CLI trains (skipped without the CLI), on
 * generated "good" versus "spam" lines whose vocabularies overlap, so scores spread over (0, 1).
 */
class ModelFilterTest {
  @TempDir
  static Path dir;
  static Path ours;
  static List<FastTextTrainer.Example> train;
  static List<FastTextTrainer.Example> test;

  @BeforeAll
  static void trainOurs() throws Exception {
    train = lines(3000, new Random(11));
    test = lines(400, new Random(12));
    ours = dir.resolve("quality.bin");
    ModelWriter.write(new FastTextTrainer(FastTextTrainer.Options.defaults().withDim(16).withEpoch(5).withLr(0.3)
        .withWordNgrams(2).withBucket(50021).withSeed(3)).train(train), ours);
  }

  /** "hq" lines draw 70% of words from pool A, "cc" lines 70% from pool B; the rest from both. */
  static List<FastTextTrainer.Example> lines(int n, Random r) {
    List<FastTextTrainer.Example> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      boolean hq = r.nextBoolean();
      StringBuilder sb = new StringBuilder();
      int words = 2 + r.nextInt(12);
      for (int j = 0; j < words; j++) {
        boolean fromA = r.nextInt(10) < 7 == hq;
        sb.append(j == 0 ? "" : (r.nextInt(8) == 0 ? "\n" : " ")).append(fromA ? "a" : "b").append(r.nextInt(60));
      }
      out.add(FastTextTrainer.Example.of(hq ? "hq" : "cc", sb.toString()));
    }
    return out;
  }

  static DocumentStep create(String filter, Map<String, ?> params) {
    return new FilterRegistry().create(filter, params);
  }

  @Test
  void topFractionNeedsTheStagesThresholdAndThenKeepsScoresAtOrAboveIt() {
    ModelFilter unresolved = (ModelFilter) create("quality_model", Map.of("model", ours.toString(), "label", "hq",
        "name", "q", "top_fraction", 0.1));
    assertThat(unresolved.rule()).isEqualTo(new KeepRule.TopFraction(0.1, 0, Double.NaN));
    assertThatThrownBy(() -> unresolved.apply(Document.of("d", null, test.get(0).text())))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("filter stage");
    double threshold = unresolved.score(test.get(0).text());
    ModelFilter resolved = (ModelFilter) create("quality_model", Map.of("model", ours.toString(), "label", "hq",
        "name", "q", "top_fraction", 0.1, "quantile_error", 0.01, ModelFilterFactory.TOP_FRACTION_THRESHOLD, threshold));
    for (int i = 0; i < 50; i++) {
      String text = test.get(i).text();
      Outcome<Document> o = resolved.apply(Document.of("d" + i, null, text));
      assertThat(o instanceof Outcome.Kept).isEqualTo(resolved.score(text) >= threshold);
      if (o instanceof Outcome.Dropped<Document> d) {
        assertThat(d.reason()).isEqualTo("quality_model:q");
        assertThat(d.detail()).contains("top_fraction=0.1");
      }
    }
    assertThatThrownBy(() -> create("quality_model", Map.of("model", ours.toString(), "label", "hq",
        "top_fraction", 0))).hasMessageContaining("top_fraction must be in (0, 1]");
  }

  @Test
  void thresholdKeepsHighScoresTagsEveryDocumentAndDropsWithTheModelsName() throws Exception {
    ModelFilter filter = (ModelFilter) create("quality_model", Map.of("model", ours.toString(), "label", "hq",
        "min_score", 0.5));
    FastTextModel model = FastTextModel.load(ours);
    int kept = 0;
    int dropped = 0;
    int agreeWithTruth = 0;
    for (int i = 0; i < test.size(); i++) {
      FastTextTrainer.Example e = test.get(i);
      Outcome<Document> o = filter.apply(Document.of("d" + i, null, e.text()));
      double expected = model.newPredictor().predict(FastTextTrainer.lineOf(e.text()), -1).stream()
          .filter(p -> p.label().equals("__label__hq")).findFirst().orElseThrow().probability();
      if (o instanceof Outcome.Kept<Document> k) {
        assertThat(k.value().tags().get("quality_model.quality.score")).isCloseTo(expected, Offset.offset(1e-6));
        assertThat(expected).isGreaterThanOrEqualTo(0.5);
        kept++;
        agreeWithTruth += e.labels().get(0).equals("hq") ? 1 : 0;
      } else {
        Outcome.Dropped<Document> d = (Outcome.Dropped<Document>) o;
        assertThat(d.reason()).isEqualTo("quality_model:quality");
        assertThat(d.value().tags().get("quality_model.quality.score")).isCloseTo(expected, Offset.offset(1e-6));
        assertThat(expected).isLessThan(0.5);
        dropped++;
        agreeWithTruth += e.labels().get(0).equals("cc") ? 1 : 0;
      }
    }
    assertThat(kept).isGreaterThan(100);
    assertThat(dropped).isGreaterThan(100);
    assertThat((double) agreeWithTruth / test.size()).isGreaterThan(0.8);
  }

  @Test
  void tagOnlyKeepsEverythingWithScoreAndWouldBeReason() {
    DocumentStep filter = create("quality_model", Map.of("model", ours.toString(), "label", "__label__hq",
        "name", "demo", "min_score", 0.99));
    FilterChain chain = new FilterChain(List.of(new FilterChain.Link("quality_model", filter, true)));
    Outcome<Document> o = chain.apply(Document.of("x", null, "b1 b2 b3 b4 b5 b6 b7"));
    assertThat(o).isInstanceOf(Outcome.Kept.class);
    Document d = ((Outcome.Kept<Document>) o).value();
    assertThat(d.tags()).containsEntry("quality_model:demo", 1.0).containsKey("quality_model.demo.score");
    assertThat(d.tags().get("quality_model.demo.score")).isLessThan(0.5);
  }

  @Test
  void toxicityDropsAboveMaxScore() {
    // Here "cc" plays the toxic label: default rule drops score > 0.5.
    DocumentStep filter = create("toxicity_model", Map.of("model", ours.toString(), "label", "cc", "name", "jigsaw"));
    Outcome<Document> spam = filter.apply(Document.of("s", null, "b1 b2 b3 b4 b5 b6 b7 b8"));
    Outcome<Document> good = filter.apply(Document.of("g", null, "a1 a2 a3 a4 a5 a6 a7 a8"));
    assertThat(spam).isInstanceOf(Outcome.Dropped.class);
    assertThat(((Outcome.Dropped<Document>) spam).reason()).isEqualTo("toxicity_model:jigsaw");
    assertThat(good).isInstanceOf(Outcome.Kept.class);
  }

  @Test
  void paretoSamplingIsDeterministicPerIdAndKeepsTheExpectedFraction() {
    KeepRule.Pareto rule = new KeepRule.Pareto(9, 0);
    KeepRule.Pareto otherSeed = new KeepRule.Pareto(9, 1);
    int n = 40000;
    int keptAtHalf = 0;
    int keptAtNinety = 0;
    int differ = 0;
    for (int i = 0; i < n; i++) {
      String id = "doc-" + i;
      assertThat(rule.sample(id)).isEqualTo(new KeepRule.Pareto(9, 0).sample(id)).isGreaterThanOrEqualTo(0);
      keptAtHalf += rule.dropDetail(id, 0.5) == null ? 1 : 0;
      keptAtNinety += rule.dropDetail(id, 0.9) == null ? 1 : 0;
      differ += rule.sample(id) != otherSeed.sample(id) ? 1 : 0;
    }
    // numpy's pareto(a) is Lomax: P(X > x) = (1 + x)^-a, so P(keep | score s) = (2 - s)^-9.
    assertThat((double) keptAtHalf / n).isCloseTo(Math.pow(1.5, -9), Offset.offset(0.004));
    assertThat((double) keptAtNinety / n).isCloseTo(Math.pow(1.1, -9), Offset.offset(0.01));
    assertThat(differ).isGreaterThan(n - 10);
  }

  @Test
  void paretoFilterUsesTheDocumentId() {
    DocumentStep filter = create("quality_model", Map.of("model", ours.toString(), "label", "hq", "pareto_alpha", 9));
    List<Boolean> first = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      first.add(filter.apply(Document.of("id" + i, null, "a1 b2 a3 b4")) instanceof Outcome.Kept);
    }
    int kept = 0;
    for (int i = 199; i >= 0; i--) { // reverse order: same decisions
      boolean k = filter.apply(Document.of("id" + i, null, "a1 b2 a3 b4")) instanceof Outcome.Kept;
      assertThat(k).isEqualTo(first.get(i));
      kept += k ? 1 : 0;
    }
    assertThat(kept).isBetween(1, 199);
  }

  @Test
  void badParametersAreErrors() {
    assertThatThrownBy(() -> create("quality_model", Map.of("model", ours.toString())))
        .hasMessageContaining("'label'");
    assertThatThrownBy(() -> create("quality_model", Map.of("model", ours.toString(), "label", "nope")))
        .hasMessageContaining("__label__nope").hasMessageContaining("__label__hq");
    assertThatThrownBy(() -> create("quality_model", Map.of("model", ours.toString(), "label", "hq",
        "min_score", 0.5, "pareto_alpha", 9))).hasMessageContaining("at most one");
    assertThatThrownBy(() -> create("quality_model", Map.of("model", ours.toString(), "label", "hq", "min_scor", 1)))
        .hasMessageContaining("min_scor");
    assertThatThrownBy(() -> create("quality_model", Map.of("model", dir.resolve("missing.bin").toString(),
        "label", "hq"))).hasMessageContaining("not found");
  }

  @Test
  void scoresOfACliTrainedModelEqualTheClisProbabilities() throws Exception {
    String cli = cliPath();
    assumeTrue(cli != null, "fasttext CLI not installed");
    Path trainFile = dir.resolve("train.txt");
    StringBuilder sb = new StringBuilder();
    for (FastTextTrainer.Example e : train) {
      sb.append("__label__").append(e.labels().get(0)).append(' ').append(FastTextTrainer.lineOf(e.text())).append('\n');
    }
    Files.writeString(trainFile, sb.toString(), StandardCharsets.UTF_8);
    run(cli, "supervised", "-input", trainFile.toString(), "-output", dir.resolve("cli").toString(), "-dim", "16",
        "-epoch", "5", "-lr", "0.3", "-wordNgrams", "2", "-bucket", "50021", "-thread", "1");
    Path testFile = dir.resolve("test.txt");
    StringBuilder t = new StringBuilder();
    for (FastTextTrainer.Example e : test) {
      t.append(FastTextTrainer.lineOf(e.text())).append('\n');
    }
    Files.writeString(testFile, t.toString(), StandardCharsets.UTF_8);
    List<String> out = run(cli, "predict-prob", dir.resolve("cli.bin").toString(), testFile.toString(), "-1");
    assertThat(out).hasSize(test.size());
    ModelFilter filter = (ModelFilter) create("quality_model", Map.of("model", dir.resolve("cli.bin").toString(),
        "label", "hq", "name", "cli"));
    for (int i = 0; i < test.size(); i++) {
      String[] f = out.get(i).trim().split(" ");
      double cliScore = f[0].equals("__label__hq") ? Double.parseDouble(f[1]) : Double.parseDouble(f[3]);
      Document d = filter.apply(Document.of("d" + i, null, test.get(i).text())) instanceof Outcome.Kept<Document> k
          ? k.value() : ((Outcome.Dropped<Document>) filter.apply(Document.of("d" + i, null, test.get(i).text()))).value();
      assertThat(d.tags().get("quality_model.cli.score")).as("line %d", i + 1)
          .isCloseTo(Math.min(1.0, cliScore), Offset.offset(1e-4));
    }
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

  static List<String> run(String... cmd) throws Exception {
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
