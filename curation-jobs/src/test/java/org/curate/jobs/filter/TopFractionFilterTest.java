package org.curate.jobs.filter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.curate.filters.FilterRegistry;
import org.curate.filters.fasttext.FastTextTrainer;
import org.curate.filters.fasttext.ModelWriter;
import org.curate.filters.model.ModelFilter;
import org.curate.jobs.Curate;
import org.curate.jobs.SparkTestSupport;
import org.curate.jobs.StageOutput;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code top_fraction} keep rule through {@code curate filter} on local[2]: a model trained
 * here on words of pool a (good) versus pool b, applied to generated documents whose share of
 * pool-a words is spread over [0, 1], so scores spread too. The test scores every document itself
 * (plain Java, the same model) and checks the stage against that: the threshold in the stage's
 * report, the kept fraction, and that exactly the documents at or above the threshold are kept.
 */
class TopFractionFilterTest {
  private static final int DOCS = 2000;
  private static final String THRESHOLD = "quality_model:topq threshold";
  private static final String KEPT_FRACTION = "quality_model:topq kept fraction";

  @TempDir
  static Path dir;
  /** Every input document's text and its score by the model, by id. */
  static final Map<String, String> TEXTS = new LinkedHashMap<>();
  static final Map<String, Double> SCORES = new LinkedHashMap<>();

  @BeforeAll
  static void modelAndDocuments() throws Exception {
    SparkTestSupport.spark();
    Random r = new Random(11);
    List<FastTextTrainer.Example> train = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      boolean good = i % 2 == 0;
      train.add(FastTextTrainer.Example.of(good ? "hq" : "cc", words(good ? 0.8 : 0.2, 5 + r.nextInt(20), r)));
    }
    ModelWriter.write(new FastTextTrainer(FastTextTrainer.Options.defaults().withDim(16).withEpoch(5).withLr(0.3)
        .withWordNgrams(2).withBucket(20011).withSeed(3)).train(train), dir.resolve("model.bin"));
    ObjectMapper json = new ObjectMapper();
    ModelFilter scorer = (ModelFilter) new FilterRegistry().create("quality_model",
        Map.of("model", dir.resolve("model.bin").toString(), "label", "hq", "name", "topq"));
    StringBuilder[] files = {new StringBuilder(), new StringBuilder()};
    for (int i = 0; i < DOCS; i++) {
      String id = String.format("doc%04d", i);
      String text = words(r.nextDouble(), 3 + r.nextInt(60), r);
      TEXTS.put(id, text);
      SCORES.put(id, scorer.score(text));
      files[i % 2].append(json.writeValueAsString(Map.of("id", id, "text", text))).append('\n');
    }
    Files.writeString(dir.resolve("a.jsonl"), files[0], StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("b.jsonl"), files[1], StandardCharsets.UTF_8);
  }

  /** {@code n} words, each from pool a with probability {@code goodShare}. */
  private static String words(double goodShare, int n, Random r) {
    StringBuilder sb = new StringBuilder();
    for (int j = 0; j < n; j++) {
      sb.append(j == 0 ? "" : " ").append(r.nextDouble() < goodShare ? "a" : "b").append(r.nextInt(60));
    }
    return sb.toString();
  }

  private static Path filter(String name, String chain) throws Exception {
    Path config = dir.resolve(name + ".yaml");
    Files.writeString(config, "filters:\n" + chain);
    Path out = dir.resolve(name);
    assertThat(Curate.execute("filter", "--input", dir.resolve("a.jsonl").toString(), dir.resolve("b.jsonl").toString(),
        "--filters", config.toString(), "--output", out.toString())).isZero();
    StageOutput.assertConserved(out);
    return out;
  }

  private static String topFraction(String extra) {
    return "  - filter: quality_model\n    model: model.bin\n    label: hq\n    name: topq\n" + extra;
  }

  private static JsonNode metrics(Path out) throws Exception {
    return new ObjectMapper().readTree(out.resolve("_report.json").toFile()).get("metrics");
  }

  private static Set<String> ids(Path parquet) {
    return SparkTestSupport.spark().read().parquet(parquet.toString()).select("id").collectAsList().stream()
        .map(r -> r.getString(0)).collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> scoringAtLeast(double threshold, Set<String> among) {
    return among.stream().filter(id -> SCORES.get(id) >= threshold).collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void exactThresholdIsTheKthBestScoreAndKeepsExactlyTheDocumentsAtOrAboveItTheSameOnARerun() throws Exception {
    Path out = filter("exact", topFraction("    top_fraction: 0.25\n"));
    JsonNode m = metrics(out);
    double threshold = m.get(THRESHOLD).asDouble();
    List<Double> descending = SCORES.values().stream().sorted(Comparator.reverseOrder()).toList();
    assertThat(threshold).isEqualTo(descending.get(DOCS / 4 - 1)); // k = ceil(0.25 · 2000) = 500
    Set<String> kept = ids(out);
    assertThat(kept).isEqualTo(scoringAtLeast(threshold, SCORES.keySet()));
    long ties = descending.stream().filter(s -> s == threshold).count();
    assertThat(kept.size()).isBetween(DOCS / 4, DOCS / 4 + (int) ties - 1);
    assertThat(m.get(KEPT_FRACTION).asDouble()).isEqualTo((double) kept.size() / DOCS);
    List<Row> reasons = SparkTestSupport.spark().read().parquet(out.resolve("_rejects").toString())
        .groupBy("reason").count().collectAsList();
    assertThat(reasons).hasSize(1);
    assertThat(reasons.get(0).getString(0)).isEqualTo("quality_model:topq");
    assertThat(reasons.get(0).getLong(1)).isEqualTo(DOCS - kept.size());

    Path again = filter("exact-again", topFraction("    top_fraction: 0.25\n"));
    assertThat(metrics(again)).isEqualTo(m);
    assertThat(ids(again)).isEqualTo(kept);
  }

  @Test
  void approxQuantileAfterAnotherFilterScoresOnlyWhatReachesItAndKeepsWithinItsError() throws Exception {
    Path out = filter("approx", "  - filter: test_min_chars\n    min_chars: 60\n"
        + topFraction("    top_fraction: 0.1\n    quantile_error: 0.01\n"));
    Set<String> longEnough = TEXTS.entrySet().stream().filter(e -> e.getValue().length() >= 60)
        .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
    JsonNode table = new ObjectMapper().readTree(out.resolve("_report.json").toFile()).get("tables").get(0);
    assertThat(table.get("rows").get(0).get(5).asLong()).isEqualTo(longEnough.size()); // scored
    double threshold = metrics(out).get(THRESHOLD).asDouble();
    Set<String> kept = ids(out);
    assertThat(kept).isEqualTo(scoringAtLeast(threshold, longEnough));
    double fraction = (double) kept.size() / longEnough.size();
    assertThat(fraction).isBetween(0.1 - 0.01 - 1.0 / longEnough.size(), 0.1 + 0.01 + 1.0 / longEnough.size());
    assertThat(metrics(out).get(KEPT_FRACTION).asDouble()).isEqualTo(fraction);
  }

  @Test
  void twoTopFractionLinksResolveInOrderTheSecondOverWhatTheFirstKept() throws Exception {
    Path out = filter("two", topFraction("    top_fraction: 0.5\n")
        + "  - filter: quality_model\n    model: model.bin\n    label: hq\n    name: second\n    top_fraction: 0.5\n");
    JsonNode rows = new ObjectMapper().readTree(out.resolve("_report.json").toFile()).get("tables").get(0).get("rows");
    assertThat(rows).hasSize(2);
    double first = rows.get(0).get(4).asDouble();
    double second = rows.get(1).get(4).asDouble();
    assertThat(rows.get(0).get(5).asLong()).isEqualTo(DOCS);
    assertThat(rows.get(1).get(5).asLong()).isEqualTo(rows.get(0).get(6).asLong()); // scored = kept by the first
    assertThat(ids(out)).isEqualTo(scoringAtLeast(second, scoringAtLeast(first, SCORES.keySet())));
    assertThat(second).isGreaterThan(first);
  }

  @Test
  void rankFromTopIsTheCeilingOfTheFractionAndAtLeastOne() {
    assertThat(ScoreThreshold.rankFromTop(0.1, 1000)).isEqualTo(100);
    assertThat(ScoreThreshold.rankFromTop(0.1, 1001)).isEqualTo(101);
    assertThat(ScoreThreshold.rankFromTop(0.001, 10)).isEqualTo(1);
    assertThat(ScoreThreshold.rankFromTop(1.0, 7)).isEqualTo(7);
  }

  @Test
  void tagOnlyKeepsEverythingAndTagsExactlyTheDocumentsBelowTheThreshold() throws Exception {
    Path out = filter("tag-only", topFraction("    tag_only: true\n    top_fraction: 0.25\n"));
    double threshold = metrics(out).get(THRESHOLD).asDouble();
    var kept = SparkTestSupport.spark().read().parquet(out.toString());
    assertThat(kept.count()).isEqualTo(DOCS);
    Set<String> untagged = kept.where("tags['quality_model:topq'] IS NULL").select("id").collectAsList().stream()
        .map(r -> r.getString(0)).collect(Collectors.toCollection(TreeSet::new));
    assertThat(untagged).isEqualTo(scoringAtLeast(threshold, SCORES.keySet()));
    assertThat(untagged.size()).isGreaterThanOrEqualTo(DOCS / 4).isLessThan(DOCS / 4 + 20);
    assertThat(kept.where("tags['quality_model.topq.score'] IS NULL").count()).isZero();
  }

  @Test
  void chainsWithoutTopFractionRunInOnePassAndWriteNoKeepRuleSection() throws Exception {
    Path out = filter("plain", topFraction("    min_score: 0.5\n"));
    assertThat(out.resolve("_report.json")).doesNotExist();
    assertThat(ids(out)).isEqualTo(scoringAtLeast(0.5, SCORES.keySet()));
  }

  @Test
  void topFractionOutOfRangeOrWithAnotherRuleIsAUsageError() throws Exception {
    for (String bad : List.of("    top_fraction: 1.5\n", "    top_fraction: 0.1\n    min_score: 0.2\n",
        "    quantile_error: 0.01\n")) {
      Path config = dir.resolve("bad.yaml");
      Files.writeString(config, "filters:\n" + topFraction(bad));
      assertThat(Curate.execute("filter", "--input", dir.resolve("a.jsonl").toString(), "--filters", config.toString(),
          "--output", dir.resolve("bad").toString())).as(bad).isEqualTo(2);
    }
  }
}
