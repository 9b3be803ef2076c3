package org.curate.jobs.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.curate.jobs.SparkTestSupport;
import org.curate.jobs.StageOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DedupStageTest {

  /** {@code n} distinct letter-only words starting at {@code from} (digits would all fold to 0). */
  private static List<String> words(int from, int n) {
    List<String> out = new ArrayList<>();
    for (int i = from; i < from + n; i++) {
      StringBuilder w = new StringBuilder("w");
      for (int k = i; k > 0 || w.length() == 1; k /= 26) {
        w.append((char) ('a' + k % 26));
      }
      out.add(w.toString());
    }
    return out;
  }

  private static String text(List<String> words) {
    return String.join(" ", words) + ".";
  }

  /**
   * base (100 words); near = base with its last word replaced (J = 0.90); far = base with 8
   * words replaced (J ≈ 0.4, a hard negative); exact = base re-punctuated and re-cased; two
   * captures of one URL; one unrelated document; one row without text.
   */
  private static Path writeInput(SparkSession spark, Path dir) {
    List<String> base = words(0, 100);
    List<String> near = new ArrayList<>(base);
    near.set(99, "zzz");
    List<String> far = new ArrayList<>(base);
    for (int i = 5; i < 100; i += 12) {
      far.set(i, "qq" + (char) ('a' + i % 26));
    }
    String exact = text(base).toUpperCase().replace(" ", " ,  ");
    StructType schema = new StructType().add("id", DataTypes.StringType).add("url", DataTypes.StringType)
        .add("warc_date", DataTypes.TimestampType).add("text", DataTypes.StringType);
    Timestamp older = Timestamp.valueOf("2024-01-01 00:00:00");
    Timestamp newer = Timestamp.valueOf("2025-01-01 00:00:00");
    List<Row> rows = List.of(
        RowFactory.create("b-base", "https://a.example/base", older, text(base)),
        RowFactory.create("c-near", "https://a.example/near", older, text(near) + " extra words here to be longer"),
        RowFactory.create("d-far", "https://a.example/far", older, text(far)),
        RowFactory.create("e-exact", "https://a.example/exact", older, exact),
        RowFactory.create("f-page-old", "http://www.b.example/page/", older, text(words(1000, 50))),
        RowFactory.create("g-page-new", "https://b.example/page#top", newer, text(words(2000, 50))),
        RowFactory.create("h-other", "https://c.example/", older, text(words(3000, 80))),
        RowFactory.create("i-empty", "https://d.example/", older, null));
    Path input = dir.resolve("input");
    spark.createDataFrame(rows, schema).coalesce(1).write().parquet(input.toString());
    return input;
  }

  private static Map<String, Row> kept(SparkSession spark, Path out) {
    Map<String, Row> byId = new TreeMap<>();
    spark.read().parquet(out.toString()).collectAsList().forEach(r -> byId.put(r.getAs("id"), r));
    return byId;
  }

  @Test
  void dropsUrlExactAndNearDuplicatesKeepingDeterministicSurvivors(@TempDir Path tmp) {
    SparkSession spark = SparkTestSupport.spark();
    Path input = writeInput(spark, tmp);
    Path out = tmp.resolve("dedup");

    assertThat(new CommandLine(new DedupCommand()).execute("--input", input.toString(), "--output", out.toString()))
        .isZero();

    JsonNode stats = StageOutput.assertConserved(out);
    assertThat(stats.get("in").asInt()).isEqualTo(8);
    assertThat(stats.get("dropped").get("dedup:url").asInt()).isEqualTo(1);
    assertThat(stats.get("dropped").get("dedup:exact").asInt()).isEqualTo(1);
    assertThat(stats.get("dropped").get("dedup:minhash").asInt()).isEqualTo(1);
    assertThat(stats.get("dropped").get("input:no-text").asInt()).isEqualTo(1);
    // The newest capture of the page survives; the hard negative (J ≈ 0.4) is not a duplicate.
    assertThat(kept(spark, out).keySet()).containsExactly("b-base", "d-far", "g-page-new", "h-other");

    List<Row> rejects = spark.read().parquet(out.resolve("_rejects").toString()).orderBy("id").collectAsList();
    assertThat(rejects).extracting(r -> r.getAs("id") + " " + r.getAs("reason") + " " + r.getAs("detail"))
        .containsExactly("c-near dedup:minhash near-duplicate of b-base", "e-exact dedup:exact duplicate of b-base",
            "f-page-old dedup:url same URL as g-page-new", "i-empty input:no-text null");

    List<Row> clusters = spark.read().parquet(out.resolve(DedupStage.CLUSTERS_DIR).toString()).orderBy("kind").collectAsList();
    assertThat(clusters).extracting(r -> r.getAs("kind") + " " + r.getAs("survivor") + " " + r.getList(3) + " " + r.getAs("size"))
        .containsExactly("exact b-base [b-base, e-exact] 2", "minhash b-base [b-base, c-near] 2");
  }

  @Test
  void twoRunsKeepTheSameSurvivorsAndTheSurvivorRuleIsConfigurable(@TempDir Path tmp) {
    SparkSession spark = SparkTestSupport.spark();
    Path input = writeInput(spark, tmp);
    DedupOptions longest = DedupOptions.DEFAULTS.withSurvivor(SurvivorChoice.LONGEST_TEXT, null);
    new DedupStage(longest).run(spark, List.of(input.toString()), tmp.resolve("one").toString());
    new DedupStage(longest).run(spark, List.of(input.toString()), tmp.resolve("two").toString());

    assertThat(kept(spark, tmp.resolve("one")).keySet()).isEqualTo(kept(spark, tmp.resolve("two")).keySet())
        .containsExactly("c-near", "d-far", "g-page-new", "h-other");
    List<Row> a = spark.read().parquet(tmp.resolve("one").resolve(DedupStage.CLUSTERS_DIR).toString()).orderBy("kind").collectAsList();
    List<Row> b = spark.read().parquet(tmp.resolve("two").resolve(DedupStage.CLUSTERS_DIR).toString()).orderBy("kind").collectAsList();
    assertThat(a).isEqualTo(b);
  }

  private static final StructType SCORED = new StructType().add("id", DataTypes.StringType).add("text", DataTypes.StringType)
      .add("lang_score", DataTypes.DoubleType).add("title", DataTypes.StringType).add("tags", DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType));
  private static final String SCORE_TAG = "quality_model.demo.score";

  private static Row scored(String id, String text, Double score) {
    Map<String, Double> tags = new TreeMap<>();
    if (score != null) {
      tags.put(SCORE_TAG, score);
    }
    tags.put("gopher_quality.word_count", 100.0);
    return RowFactory.create(id, text, 0.5, "t", tags);
  }

  /**
   * Three families: near-duplicates a1 (0.2), a2 (0.9), a3 (0.9); near-duplicates b1 (no score),
   * b2 (NaN), b3 (0.1); exact copies c1 (0.5), c2 (0.7).
   */
  private static Path writeScoredInput(SparkSession spark, Path dir) {
    List<String> a = words(0, 100);
    List<String> b = words(500, 100);
    List<String> c = words(900, 100);
    List<Row> rows = List.of(
        scored("a1", text(a), 0.2), scored("a2", text(replaced(a, 99)), 0.9), scored("a3", text(replaced(a, 98)), 0.9),
        scored("b1", text(b), null), scored("b2", text(replaced(b, 99)), Double.NaN), scored("b3", text(replaced(b, 98)), 0.1),
        scored("c1", text(c), 0.5), scored("c2", text(c).toUpperCase(), 0.7));
    Path input = dir.resolve("scored");
    spark.createDataFrame(rows, SCORED).coalesce(1).write().parquet(input.toString());
    return input;
  }

  private static List<String> replaced(List<String> words, int at) {
    List<String> out = new ArrayList<>(words);
    out.set(at, "zz" + at);
    return out;
  }

  @Test
  void bestScoreKeepsTheHighestTagValueTiesByIdAndMissingValuesLast(@TempDir Path tmp) {
    SparkSession spark = SparkTestSupport.spark();
    Path input = writeScoredInput(spark, tmp);
    Path out = tmp.resolve("best");

    assertThat(new CommandLine(new DedupCommand()).execute("--input", input.toString(), "--output", out.toString(),
        "--survivor", "best-score", "--survivor-score-column", SCORE_TAG)).isZero();

    StageOutput.assertConserved(out);
    // lowest-id would keep a1, b1 and c1.
    assertThat(kept(spark, out).keySet()).containsExactly("a2", "b3", "c2");
    List<Row> clusters = spark.read().parquet(out.resolve(DedupStage.CLUSTERS_DIR).toString()).orderBy("survivor").collectAsList();
    assertThat(clusters).extracting(r -> r.getAs("kind") + " " + r.getAs("survivor") + " " + r.getList(3))
        .containsExactly("minhash a2 [a1, a2, a3]", "minhash b3 [b1, b2, b3]", "exact c2 [c1, c2]");

    // The same through the tags. prefix; a numeric document column with equal values falls back to the id order.
    Path prefixed = tmp.resolve("prefixed");
    new DedupStage(DedupOptions.DEFAULTS.withSurvivor(SurvivorChoice.BEST_SCORE, "tags." + SCORE_TAG))
        .run(spark, List.of(input.toString()), prefixed.toString());
    assertThat(kept(spark, prefixed).keySet()).containsExactly("a2", "b3", "c2");
    Path byLangScore = tmp.resolve("lang");
    new DedupStage(DedupOptions.DEFAULTS.withSurvivor(SurvivorChoice.BEST_SCORE, "lang_score"))
        .run(spark, List.of(input.toString()), byLangScore.toString());
    assertThat(kept(spark, byLangScore).keySet()).containsExactly("a1", "b1", "c1");
  }

  @Test
  void bestScoreRejectsAMissingOrNonNumericColumnAndAMissingColumnName(@TempDir Path tmp) {
    SparkSession spark = SparkTestSupport.spark();
    Path input = writeScoredInput(spark, tmp);
    String out = tmp.resolve("out").toString();

    assertThatThrownBy(() -> new DedupStage(DedupOptions.DEFAULTS.withSurvivor(SurvivorChoice.BEST_SCORE, "quality_model.other.score"))
        .run(spark, List.of(input.toString()), out))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'quality_model.other.score' does not exist")
        .hasMessageContaining("lang_score")
        .hasMessageContaining("[gopher_quality.word_count, " + SCORE_TAG + "]");
    assertThatThrownBy(() -> new DedupStage(DedupOptions.DEFAULTS.withSurvivor(SurvivorChoice.BEST_SCORE, "title"))
        .run(spark, List.of(input.toString()), out))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'title' is not numeric");
    assertThatThrownBy(() -> DedupOptions.DEFAULTS.withSurvivor(SurvivorChoice.BEST_SCORE, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--survivor-score-column");
    assertThatThrownBy(() -> DedupOptions.DEFAULTS.withSurvivor(SurvivorChoice.NEWEST, SCORE_TAG))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only with survivor best-score");
    // On the command line the same mistakes exit non-zero before any Spark work.
    assertThat(new CommandLine(new DedupCommand()).execute("--input", input.toString(), "--output", out,
        "--survivor", "best-score")).isNotZero();
  }

  private static final String COOKIES = "We use cookies to improve your experience. By continuing you accept our 2024 policy.";
  private static final String COOKIES_RESTYLED = "WE USE COOKIES to improve your experience; by continuing, you accept our 2025 policy!";
  private static final String QUOTE = "As the old saying goes, a journey of a thousand miles begins with a single step.";
  private static final String REPEATED = "This sentence is repeated twice inside one document and nowhere else at all.";
  private static final String SHORT = "Share this page";

  /**
   * A planted boilerplate paragraph (cookie notice, one copy restyled) in four documents, one of
   * which has nothing else; a quotation in two documents plus an exact copy of one of them; a
   * paragraph repeated inside one document only; a short line everywhere.
   */
  private static Path writeBoilerplateInput(SparkSession spark, Path dir) {
    String d4 = text(words(4000, 60)) + "\n\n" + QUOTE + "\n\n" + REPEATED + "\n" + REPEATED + "\n" + SHORT;
    List<Row> rows = List.of(
        RowFactory.create("d1", SHORT + "\n" + text(words(1000, 60)) + "\n\n" + COOKIES + "\n\n" + QUOTE),
        RowFactory.create("d2", text(words(2000, 60)) + "\n" + COOKIES_RESTYLED + "\n" + SHORT),
        RowFactory.create("d3", COOKIES + "\n" + text(words(3000, 60))),
        RowFactory.create("d4", d4),
        RowFactory.create("d4-copy", d4.toUpperCase()),
        RowFactory.create("d5", "\n" + COOKIES + "\n\n"));
    Path input = dir.resolve("boilerplate");
    StructType schema = new StructType().add("id", DataTypes.StringType).add("text", DataTypes.StringType);
    spark.createDataFrame(rows, schema).coalesce(1).write().parquet(input.toString());
    return input;
  }

  private static Map<String, String> keptTexts(SparkSession spark, Path out) {
    Map<String, String> texts = new TreeMap<>();
    kept(spark, out).forEach((id, r) -> texts.put(id, r.getAs("text")));
    return texts;
  }

  @Test
  void paragraphDedupRemovesBoilerplateFoundInMoreThanKSurvivingDocuments(@TempDir Path tmp) {
    SparkSession spark = SparkTestSupport.spark();
    Path input = writeBoilerplateInput(spark, tmp);
    Path out = tmp.resolve("k2");

    assertThat(new CommandLine(new DedupCommand()).execute("--input", input.toString(), "--output", out.toString(),
        "--paragraphs", "--paragraph-max-docs", "2")).isZero();

    JsonNode stats = StageOutput.assertConserved(out);
    assertThat(stats.get("in").asInt()).isEqualTo(6);
    assertThat(stats.get("dropped").get("dedup:exact").asInt()).isEqualTo(1);
    assertThat(stats.get("dropped").get("dedup:paragraph").asInt()).isEqualTo(1);
    assertThat(stats.get("changed").get("dedup:paragraph").asInt()).isEqualTo(3);
    // The cookie notice (4 documents) goes everywhere; the quotation is in 2 surviving documents
    // (its third copy is an exact duplicate, dropped first), so it stays, as do the in-document
    // repeat and the short line.
    assertThat(keptTexts(spark, out)).containsExactly(
        Map.entry("d1", SHORT + "\n" + text(words(1000, 60)) + "\n\n" + QUOTE),
        Map.entry("d2", text(words(2000, 60)) + "\n" + SHORT),
        Map.entry("d3", text(words(3000, 60))),
        Map.entry("d4", text(words(4000, 60)) + "\n\n" + QUOTE + "\n\n" + REPEATED + "\n" + REPEATED + "\n" + SHORT));
    List<Row> rejects = spark.read().parquet(out.resolve("_rejects").toString()).orderBy("id").collectAsList();
    assertThat(rejects).extracting(r -> r.getAs("id") + " " + r.getAs("reason") + " " + r.getAs("detail"))
        .containsExactly("d4-copy dedup:exact duplicate of d4", "d5 dedup:paragraph every paragraph occurs in more than 2 document(s)");

    // Default K = 1: any paragraph repeated across documents goes, the quotation too.
    Path defaults = tmp.resolve("k1");
    assertThat(new CommandLine(new DedupCommand()).execute("--input", input.toString(), "--output", defaults.toString(),
        "--paragraphs")).isZero();
    assertThat(StageOutput.assertConserved(defaults).get("changed").get("dedup:paragraph").asInt()).isEqualTo(4);
    assertThat(keptTexts(spark, defaults)).containsEntry("d1", SHORT + "\n" + text(words(1000, 60)))
        .containsEntry("d4", text(words(4000, 60)) + "\n\n" + REPEATED + "\n" + REPEATED + "\n" + SHORT);

    // Off by default: the same input keeps every paragraph.
    Path off = tmp.resolve("off");
    new DedupStage(DedupOptions.DEFAULTS).run(spark, List.of(input.toString()), off.toString());
    assertThat(keptTexts(spark, off).get("d1")).contains(COOKIES);
  }

  @Test
  void theNewOptionsAreKeysOfTheDedupStageInThePipelineConfig() {
    String example = org.curate.jobs.cli.ConfigCommandAccess.example();
    String dedup = example.substring(example.indexOf("- stage: dedup"));
    assertThat(dedup).contains("# survivor_score_column: ", "# paragraphs: false", "# paragraph_min_chars: 50",
        "# paragraph_max_docs: 1");
  }
}
