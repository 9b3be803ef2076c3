package org.curate.jobs.decontam;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.curate.demo.BenchmarkQa;
import org.curate.demo.Manifest;
import org.curate.demo.SampleCrawl;
import org.curate.jobs.Curate;
import org.curate.jobs.SparkTestSupport;
import org.curate.jobs.StageOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code curate decontaminate} on Spark local[2]: the demo sample, and a generated corpus for the threshold. */
class DecontaminateStageTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void dropsTheSamplePagesThatQuoteTheDemoBenchmark(@TempDir Path tmp) throws IOException {
    SparkSession spark = SparkTestSupport.spark();
    Path input = tmp.resolve("input");
    Manifest manifest = SampleCrawl.write(input.resolve(SampleCrawl.WARC_NAME), input.resolve("benchmarks"));
    Path extract = tmp.resolve("extract");
    Path out = tmp.resolve("decontaminate");
    assertThat(Curate.execute("extract", "--input", input.resolve(SampleCrawl.WARC_NAME).toString(),
        "--output", extract.toString())).isZero();
    assertThat(Curate.execute("decontaminate", "--input", extract.toString(),
        "--benchmarks", input.resolve("benchmarks").toString(), "--output", out.toString())).isZero();

    // The oracle, independent of n-grams: documents whose text holds a demo question verbatim.
    Set<String> expected = new TreeSet<>();
    Set<String> quotedItems = new TreeSet<>();
    for (Row r : spark.read().parquet(extract.toString()).select("id", "text").collectAsList()) {
      for (BenchmarkQa.Item item : BenchmarkQa.ITEMS) {
        if (r.getString(1).contains(item.question())) {
          expected.add(r.getString(0));
          quotedItems.add(item.id());
        }
      }
    }
    assertThat(expected).hasSizeGreaterThanOrEqualTo(manifest.contaminatedPages());
    assertThat(quotedItems).containsExactlyInAnyOrderElementsOf(manifest.contaminatedQaIds());

    JsonNode stats = StageOutput.assertConserved(out);
    long in = spark.read().parquet(extract.toString()).count();
    assertThat(stats.get("in").asLong()).isEqualTo(in);
    assertThat(stats.get("dropped").get("decontam:demo_qa").asInt()).isEqualTo(expected.size());
    assertThat(StageOutput.sum(stats.get("dropped"))).isEqualTo(expected.size());
    assertThat(stats.get("out").asLong()).isEqualTo(in - expected.size());
    List<String> rejected = spark.read().parquet(out.resolve("_rejects").toString())
        .filter("reason = 'decontam:demo_qa'").select("id").as(Encoders.STRING()).collectAsList();
    assertThat(new TreeSet<>(rejected)).isEqualTo(expected);
    List<String> kept = spark.read().parquet(out.toString()).select("id").as(Encoders.STRING()).collectAsList();
    assertThat(kept).doesNotContainAnyElementsOf(expected);

    JsonNode report = JSON.readTree(out.resolve(DecontaminateStage.REPORT_FILE).toFile());
    assertThat(report.get("n").asInt()).isEqualTo(13);
    assertThat(report.get("common_usage_threshold").asInt()).isEqualTo(1000);
    assertThat(report.get("documents").asLong()).isEqualTo(in);
    JsonNode demo = report.get("benchmarks").get(0);
    assertThat(demo.get("reason").asText()).isEqualTo("decontam:demo_qa");
    assertThat(demo.get("items").asInt()).isEqualTo(BenchmarkQa.ITEMS.size());
    assertThat(demo.get("items_hit").asInt()).isEqualTo(manifest.contaminatedQaIds().size());
    assertThat(demo.get("documents_dropped").asInt()).isEqualTo(expected.size());
    assertThat(demo.get("top_ngrams")).isNotEmpty();
    assertThat(report.get("common_usage")).isEmpty();
  }

  static final String LONG_ITEM = "The lighthouse keeper counted forty two ships passing the northern cape before dawn on Sunday";
  static final String SHORT_ITEM = "What colour is the midnight sky over Lisbon";

  /** A Parquet benchmark (read through Spark), 25 documents sharing the short item, 3 quoting the long one, 30 clean. */
  static Path corpus(Path tmp, SparkSession spark) throws IOException {
    Path bench = Files.createDirectories(tmp.resolve("benchmarks"));
    StructType schema = new StructType().add("question", DataTypes.StringType).add("answer", DataTypes.StringType);
    spark.createDataFrame(List.of(RowFactory.create(LONG_ITEM, "42"), RowFactory.create(SHORT_ITEM, "dark blue")), schema)
        .coalesce(1).write().parquet(bench.resolve("harbour_qa").toString());
    String filler = "Fishing boats returned to the harbour while gulls circled above the market stalls and the old church. ";
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      lines.add(json("common-" + i, filler.repeat(3) + "Poem " + i + " asks: " + SHORT_ITEM.toUpperCase() + "? " + filler.repeat(3)));
    }
    for (int i = 0; i < 3; i++) {
      lines.add(json("leak-" + i, filler.repeat(4) + LONG_ITEM.replace(" ", "  ") + ". " + filler.repeat(4)));
    }
    for (int i = 0; i < 30; i++) {
      lines.add(json("clean-" + i, "Entry " + i + ". " + filler.repeat(2)));
    }
    Path docs = tmp.resolve("docs.jsonl");
    Files.write(docs, lines);
    return docs;
  }

  static String json(String id, String text) {
    return JSON.createObjectNode().put("id", id).put("text", text).toString();
  }

  @Test
  void countsCollisionsAcrossTheCorpusBeforeDropping(@TempDir Path tmp) throws IOException {
    SparkSession spark = SparkTestSupport.spark();
    Path docs = corpus(tmp, spark);
    String bench = tmp.resolve("benchmarks").toString();

    // Threshold 20: the short item is in 25 documents, so it is common usage; the 3 leaks are dropped.
    Path out20 = tmp.resolve("t20");
    assertThat(Curate.execute("decontaminate", "--input", docs.toString(), "--benchmarks", bench,
        "--threshold", "20", "--output", out20.toString())).isZero();
    JsonNode stats = StageOutput.assertConserved(out20);
    assertThat(stats.get("in").asInt()).isEqualTo(58);
    assertThat(stats.get("dropped").get("decontam:harbour_qa").asInt()).isEqualTo(3);
    assertThat(stats.get("out").asInt()).isEqualTo(55);
    JsonNode report = JSON.readTree(out20.resolve(DecontaminateStage.REPORT_FILE).toFile());
    assertThat(report.get("common_usage")).hasSize(1);
    assertThat(report.get("common_usage").get(0).get("ngram").asText()).isEqualTo("what colour is the midnight sky over lisbon");
    assertThat(report.get("common_usage").get(0).get("documents").asInt()).isEqualTo(25);
    JsonNode harbour = report.get("benchmarks").get(0);
    assertThat(harbour.get("items").asInt()).isEqualTo(2);
    assertThat(harbour.get("items_hit").asInt()).isEqualTo(1);
    assertThat(harbour.get("ngrams_excused").asInt()).isEqualTo(1);
    assertThat(harbour.get("ngrams_hit").asInt()).isEqualTo(3);

    // Threshold 26: 25 documents do not reach it, so all 28 are dropped.
    Path out26 = tmp.resolve("t26");
    assertThat(Curate.execute("decontaminate", "--input", docs.toString(), "--benchmarks", bench,
        "--threshold", "26", "--output", out26.toString())).isZero();
    assertThat(StageOutput.assertConserved(out26).get("dropped").get("decontam:harbour_qa").asInt()).isEqualTo(28);

    // Window mode (GPT-3): the leaks are cut out instead, the rest of the text kept.
    Path window = tmp.resolve("window");
    assertThat(Curate.execute("decontaminate", "--input", docs.toString(), "--benchmarks", bench,
        "--threshold", "20", "--mode", "window", "--output", window.toString())).isZero();
    JsonNode w = StageOutput.assertConserved(window);
    assertThat(w.get("out").asInt()).isEqualTo(58);
    assertThat(w.get("changed").get("decontam_cut:harbour_qa").asInt()).isEqualTo(3);
    List<String> leaks = spark.read().parquet(window.toString()).filter("id like 'leak-%'").select("text")
        .as(Encoders.STRING()).collectAsList();
    assertThat(leaks).hasSize(3).allMatch(t -> !t.contains("lighthouse") && t.contains("Fishing boats"));
  }
}
