package org.curate.jobs.classify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.curate.core.Document;
import org.curate.core.DocumentStep;
import org.curate.core.Outcome;
import org.curate.filters.FilterRegistry;
import org.curate.filters.fasttext.FastTextArgs;
import org.curate.filters.fasttext.FastTextModel;
import org.curate.jobs.Curate;
import org.curate.jobs.SparkTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code curate train-classifier} on local[2]: from two JSONL corpora and from one labelled
 * JSONL file, on generated "good" versus "spam" documents with overlapping vocabularies; the
 * written model loads in the {@code quality_model} filter and separates fresh documents.
 */
class TrainClassifierCommandTest {
  @TempDir
  static Path dir;

  @BeforeAll
  static void data() throws Exception {
    SparkTestSupport.spark();
    Random r = new Random(5);
    StringBuilder pos = new StringBuilder();
    StringBuilder neg = new StringBuilder();
    StringBuilder labelled = new StringBuilder();
    ObjectMapper json = new ObjectMapper();
    for (int i = 0; i < 1500; i++) {
      boolean good = i % 2 == 0;
      String text = doc(good, r);
      (good ? pos : neg).append(json.writeValueAsString(Map.of("id", "d" + i, "text", text))).append('\n');
      labelled.append(json.writeValueAsString(Map.of("body", text, "y", good ? "good" : "spam"))).append('\n');
    }
    Files.writeString(dir.resolve("pos.jsonl"), pos, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("neg.jsonl"), neg, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("labelled.jsonl"), labelled, StandardCharsets.UTF_8);
  }

  /** Good documents take 70% of their words from pool a, spam from pool b; lines break now and then. */
  static String doc(boolean good, Random r) {
    StringBuilder sb = new StringBuilder();
    int words = 5 + r.nextInt(30);
    for (int j = 0; j < words; j++) {
      boolean fromA = r.nextInt(10) < 7 == good;
      sb.append(j == 0 ? "" : (r.nextInt(10) == 0 ? "\n" : " ")).append(fromA ? "a" : "b").append(r.nextInt(80));
    }
    return sb.toString();
  }

  private static String[] hyper(String... rest) {
    List<String> base = new java.util.ArrayList<>(List.of("--word-ngrams", "2", "--dim", "16", "--bucket", "50021",
        "--epoch", "5", "--lr", "0.3", "--seed", "4"));
    base.addAll(0, List.of(rest));
    return base.toArray(String[]::new);
  }

  @Test
  void positivesAndNegativesMakeAModelTheQualityFilterUsesAndTheSameSeedMakesTheSameBytes() throws Exception {
    Path out = dir.resolve("model-a");
    Path again = dir.resolve("model-b");
    for (Path o : List.of(out, again)) {
      assertThat(Curate.execute(hyper("train-classifier", "--positives", dir.resolve("pos.jsonl").toString(),
          "--negatives", dir.resolve("neg.jsonl").toString(), "--output", o.toString()))).isZero();
    }
    assertThat(Files.readAllBytes(out.resolve("model.bin"))).isEqualTo(Files.readAllBytes(again.resolve("model.bin")));
    JsonNode stats = new ObjectMapper().readTree(out.resolve("training.json").toFile());
    assertThat(stats.get("documents").asLong()).isEqualTo(1500);
    assertThat(stats.get("documents_by_label").get("hq").asLong()).isEqualTo(750);
    assertThat(stats.get("trained").asInt() + stats.get("held_out").asInt()).isEqualTo(1500);
    assertThat(stats.get("held_out").asInt()).isBetween(100, 200); // --holdout 0.1 by hash
    assertThat(stats.get("held_out_accuracy").asDouble()).isGreaterThan(0.85);

    DocumentStep filter = new FilterRegistry().create("quality_model",
        Map.of("model", out.resolve("model.bin").toString(), "label", "hq", "name", "test"));
    Random r = new Random(99);
    int right = 0;
    for (int i = 0; i < 200; i++) {
      boolean good = i % 2 == 0;
      Outcome<Document> o = filter.apply(Document.of("t" + i, null, doc(good, r)));
      right += (o instanceof Outcome.Kept) == good ? 1 : 0;
    }
    assertThat(right).isGreaterThan(170);
  }

  @Test
  void labelledInputWithNamedColumnsAndAnExampleCap() throws Exception {
    Path out = dir.resolve("model-c");
    assertThat(Curate.execute(hyper("train-classifier", "--input", dir.resolve("labelled.jsonl").toString(),
        "--text-column", "body", "--label-column", "y", "--max-examples", "600", "--holdout", "0.2",
        "--output", out.toString()))).isZero();
    JsonNode stats = new ObjectMapper().readTree(out.resolve("training.json").toFile());
    assertThat(stats.get("documents").asLong()).isEqualTo(1500);
    assertThat(stats.get("trained").asInt() + stats.get("held_out").asInt()).isEqualTo(600);
    FastTextModel model = FastTextModel.load(out.resolve("model.bin"));
    assertThat(List.of(model.dictionary().label(0), model.dictionary().label(1)))
        .containsExactlyInAnyOrder("__label__good", "__label__spam");
    assertThat(model.args().wordNgrams()).isEqualTo(2);
    assertThat(model.args().dim()).isEqualTo(16);
  }

  @Test
  void aTrainedModelInAFilterChainDropsWithItsReasonAndTagsTheScore() throws Exception {
    Path model = dir.resolve("model-chain");
    assertThat(Curate.execute(hyper("train-classifier", "--positives", dir.resolve("pos.jsonl").toString(),
        "--negatives", dir.resolve("neg.jsonl").toString(), "--output", model.toString()))).isZero();
    Path filters = dir.resolve("filters.yaml");
    Files.writeString(filters, "filters:\n  - filter: quality_model\n    model: model-chain/model.bin\n"
        + "    label: hq\n    name: demo\n    min_score: 0.5\n");
    Path out = dir.resolve("filtered");
    assertThat(Curate.execute("filter", "--input", dir.resolve("pos.jsonl").toString(), dir.resolve("neg.jsonl").toString(),
        "--filters", filters.toString(), "--output", out.toString())).isZero();
    var spark = SparkTestSupport.spark();
    var kept = spark.read().parquet(out.toString());
    var rejects = spark.read().parquet(out.resolve("_rejects").toString());
    long keptCount = kept.count();
    assertThat(keptCount + rejects.count()).isEqualTo(1500);
    assertThat(keptCount).isBetween(600L, 900L); // ~750 positives, classified at ~90%
    assertThat(rejects.select("reason").distinct().collectAsList().stream().map(r -> r.getString(0)).toList())
        .containsExactly("quality_model:demo");
    assertThat(kept.where("tags['quality_model.demo.score'] >= 0.5").count()).isEqualTo(keptCount);
  }

  @Test
  void curateRunOnTheSampleUsesATrainedModelFromItsPipelineConfig() throws Exception {
    Path model = dir.resolve("run/quality");
    assertThat(Curate.execute(hyper("train-classifier", "--positives", dir.resolve("pos.jsonl").toString(),
        "--negatives", dir.resolve("neg.jsonl").toString(), "--output", model.toString()))).isZero();
    Path config = dir.resolve("run/pipeline.yaml");
    Files.writeString(config, String.join("\n", "stages:", "  - stage: extract", "  - stage: filter", "    filters:",
        "      - filter: quality_model", "        tag_only: true", "        model: quality/model.bin",
        "        label: hq", "        name: demo", "        min_score: 0.5", ""));
    Path out = dir.resolve("run/out");
    assertThat(Curate.execute("run", "--config", config.toString(), "--output", out.toString())).isZero();
    var kept = SparkTestSupport.spark().read().parquet(out.resolve("filter").toString());
    long n = kept.count();
    assertThat(n).isPositive();
    // Tag-only: nothing dropped, every document scored, the would-be reason exactly where the score is below 0.5.
    assertThat(kept.where("tags['quality_model.demo.score'] IS NOT NULL").count()).isEqualTo(n);
    assertThat(kept.where("(tags['quality_model:demo'] = 1.0) <> (tags['quality_model.demo.score'] < 0.5)"
        + " OR (tags['quality_model:demo'] IS NULL AND tags['quality_model.demo.score'] < 0.5)").count()).isZero();
    JsonNode stats = new ObjectMapper().readTree(out.resolve("filter/_stats.json").toFile());
    assertThat(stats.get("in").asLong()).isEqualTo(n);
  }

  /**
   * Acceptance: {@code curate run} on the sample with a trained quality model that drops (the top
   * half by score kept), and the run's report shows the score histogram, the drops by reason with
   * samples of them, and the threshold the top-fraction rule used.
   */
  @Test
  void curateRunReportShowsTheScoreHistogramAndWhatTheModelDropped() throws Exception {
    Path model = dir.resolve("run-report/quality");
    assertThat(Curate.execute(hyper("train-classifier", "--positives", dir.resolve("pos.jsonl").toString(),
        "--negatives", dir.resolve("neg.jsonl").toString(), "--output", model.toString()))).isZero();
    Path config = dir.resolve("run-report/pipeline.yaml");
    Files.writeString(config, String.join("\n", "stages:", "  - stage: extract", "  - stage: filter", "    filters:",
        "      - filter: quality_model", "        model: quality/model.bin", "        label: hq",
        "        name: demo", "        top_fraction: 0.5", ""));
    Path out = dir.resolve("run-report/out");
    assertThat(Curate.execute("run", "--config", config.toString(), "--output", out.toString())).isZero();
    JsonNode filter = new ObjectMapper().readTree(out.resolve("filter/_stats.json").toFile());
    long dropped = filter.get("dropped").get("quality_model:demo").asLong();
    long kept = filter.get("out").asLong();
    assertThat(dropped).isPositive();
    assertThat(kept).isPositive();
    assertThat(filter.get("in").asLong()).isEqualTo(kept + dropped);

    JsonNode report = new ObjectMapper().readTree(out.resolve("report/stats.json").toFile());
    JsonNode histogram = null;
    for (JsonNode h : report.get("histograms")) {
      if (h.get("stage").asText().equals("filter") && h.get("metric").asText().equals("quality_model.demo.score")) {
        histogram = h;
      }
    }
    assertThat(histogram).as("score histogram in the report").isNotNull();
    long binned = 0;
    for (JsonNode c : histogram.get("counts")) {
      binned += c.asLong();
    }
    assertThat(binned).isEqualTo(kept);
    JsonNode reason = null;
    for (JsonNode r : report.get("reasons")) {
      if (r.get("stage").asText().equals("filter") && r.get("key").asText().equals("quality_model:demo")) {
        reason = r;
      }
    }
    assertThat(reason).as("the model's drops in the report").isNotNull();
    assertThat(reason.get("count").asLong()).isEqualTo(dropped);
    assertThat(Files.readAllLines(out.resolve("report/samples.jsonl")).stream()
        .map(l -> l.contains("\"reason\":\"quality_model:demo\"")).filter(b -> b).count()).isPositive();
    String section = report.get("sections").toString();
    assertThat(section).contains("quality_model:demo threshold", "quality_model:demo kept fraction");
    String html = Files.readString(out.resolve("report/index.html"));
    assertThat(html).contains("quality_model.demo.score", "quality_model:demo");
  }

  @Test
  void missingCorpusOrUnsupportedLossIsAUsageError() {
    assertThat(Curate.execute("train-classifier", "--positives", dir.resolve("pos.jsonl").toString(), "--output",
        dir.resolve("x").toString())).isEqualTo(2);
    assertThat(Curate.execute("train-classifier", "--input", dir.resolve("labelled.jsonl").toString(), "--loss", "ns",
        "--output", dir.resolve("y").toString())).isEqualTo(2);
    assertThat(dir.resolve("x")).doesNotExist();
    assertThat(dir.resolve("y")).doesNotExist();
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({"ova, ONE_VS_ALL", "hs, HIERARCHICAL_SOFTMAX"})
  void otherLossesTrainModelsOfThatLoss(String loss, FastTextArgs.Loss expected) throws Exception {
    Path out = dir.resolve("model-" + loss);
    assertThat(Curate.execute(hyper("train-classifier", "--input", dir.resolve("labelled.jsonl").toString(),
        "--text-column", "body", "--label-column", "y", "--loss", loss, "--output", out.toString()))).isZero();
    assertThat(FastTextModel.load(out.resolve("model.bin")).args().loss()).isEqualTo(expected);
    JsonNode stats = new ObjectMapper().readTree(out.resolve("training.json").toFile());
    assertThat(stats.get("hyperparameters").get("loss").asText()).isEqualTo(loss);
    assertThat(stats.get("held_out_accuracy").asDouble()).isGreaterThan(0.85);
  }
}
