package org.curate.jobs.dedup;

import static org.assertj.core.api.Assertions.assertThat;

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
    DedupOptions longest = new DedupOptions(DedupOptions.DEFAULTS.minHash(), 0.8, true, SurvivorChoice.LONGEST_TEXT,
        true, true, true, 40, false, DedupOptions.DEFAULTS.broadcastDropsUpTo());
    new DedupStage(longest).run(spark, List.of(input.toString()), tmp.resolve("one").toString());
    new DedupStage(longest).run(spark, List.of(input.toString()), tmp.resolve("two").toString());

    assertThat(kept(spark, tmp.resolve("one")).keySet()).isEqualTo(kept(spark, tmp.resolve("two")).keySet())
        .containsExactly("c-near", "d-far", "g-page-new", "h-other");
    List<Row> a = spark.read().parquet(tmp.resolve("one").resolve(DedupStage.CLUSTERS_DIR).toString()).orderBy("kind").collectAsList();
    List<Row> b = spark.read().parquet(tmp.resolve("two").resolve(DedupStage.CLUSTERS_DIR).toString()).orderBy("kind").collectAsList();
    assertThat(a).isEqualTo(b);
  }
}
