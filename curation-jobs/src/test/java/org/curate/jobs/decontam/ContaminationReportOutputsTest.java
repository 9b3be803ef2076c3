package org.curate.jobs.decontam;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.curate.jobs.Curate;
import org.curate.jobs.SparkTestSupport;
import org.curate.jobs.StageOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-benchmark contamination report (items loaded, items hit, documents dropped, top
 * colliding n-grams with the excused ones flagged) in all the places the issue asks for, on a
 * planted run (58 documents: 25 share a short benchmark item, above the threshold of 20, so it
 * is excused; 3 quote a long item, dropped): the {@code contamination} block of
 * {@code _stats.json}, the {@code _contamination/} Parquet table (and its export), and the run
 * report's {@code stats.json} and HTML.
 */
class ContaminationReportOutputsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EXCUSED = "what colour is the midnight sky over lisbon";

  @Test
  void reportsEachBenchmarkInStatsTableExportAndHtml(@TempDir Path tmp) throws IOException {
    SparkSession spark = SparkTestSupport.spark();
    Path docs = DecontaminateStageTest.corpus(tmp, spark);
    Path run = tmp.resolve("run");
    Path out = run.resolve("decontaminate");
    assertThat(Curate.execute("decontaminate", "--input", docs.toString(), "--benchmarks",
        tmp.resolve("benchmarks").toString(), "--threshold", "20", "--output", out.toString())).isZero();

    // _stats.json: the usual keys, then the contamination block.
    JsonNode stats = StageOutput.assertConserved(out);
    assertThat(stats.get("dropped").get("decontam:harbour_qa").asInt()).isEqualTo(3);
    JsonNode block = stats.get("contamination");
    assertThat(block).as("contamination block of _stats.json").isNotNull();
    assertThat(block.get("documents").asInt()).isEqualTo(58);
    assertThat(block.get("common_usage_ngrams").asInt()).isEqualTo(1);
    JsonNode harbour = block.get("benchmarks").get(0);
    assertThat(harbour.get("name").asText()).isEqualTo("harbour_qa");
    assertThat(harbour.get("items").asInt()).isEqualTo(2);
    assertThat(harbour.get("items_hit").asInt()).isEqualTo(1);
    assertThat(harbour.get("documents_dropped").asInt()).isEqualTo(3);
    List<String> top = new ArrayList<>();
    harbour.get("top_ngrams").forEach(n -> top.add(n.get("ngram").asText() + "|" + n.get("documents").asInt() + "|"
        + n.get("excused").asBoolean()));
    // The excused short item first (25 documents), then the long item's three 13-grams (3 documents each).
    assertThat(top).hasSize(4).first().isEqualTo(EXCUSED + "|25|true");
    assertThat(top.subList(1, 4)).allMatch(t -> t.endsWith("|3|false") && t.contains("keeper counted forty two"));

    // The Parquet table: one row per benchmark, its top n-grams nested.
    List<Row> rows = spark.read().parquet(out.resolve(DecontaminateStage.TABLE_DIR).toString()).collectAsList();
    assertThat(rows).hasSize(1);
    Row row = rows.get(0);
    assertThat(row.<String>getAs("benchmark")).isEqualTo("harbour_qa");
    assertThat(row.<String>getAs("reason")).isEqualTo("decontam:harbour_qa");
    assertThat(row.<Integer>getAs("items")).isEqualTo(2);
    assertThat(row.<Integer>getAs("items_hit")).isEqualTo(1);
    assertThat(row.<Long>getAs("documents_dropped")).isEqualTo(3L);
    List<Row> ngrams = row.getList(row.fieldIndex("top_ngrams"));
    assertThat(ngrams).hasSize(4);
    assertThat(ngrams.get(0).<String>getAs("ngram")).isEqualTo(EXCUSED);
    assertThat(ngrams.get(0).<Boolean>getAs("excused")).isTrue();
    assertThat(ngrams.get(1).<Boolean>getAs("excused")).isFalse();

    // ... which `curate export` turns into JSON Lines.
    Path exported = tmp.resolve("contamination.jsonl");
    assertThat(Curate.execute("export", "--input", out.resolve(DecontaminateStage.TABLE_DIR).toString(),
        "--output", exported.toString())).isZero();
    List<String> lines = Files.readAllLines(exported);
    assertThat(lines).hasSize(1);
    JsonNode exportedRow = JSON.readTree(lines.get(0));
    assertThat(exportedRow.get("benchmark").asText()).isEqualTo("harbour_qa");
    assertThat(exportedRow.get("top_ngrams").get(0).get("excused").asBoolean()).isTrue();

    // The run report carries the block in stats.json and shows the tables in the HTML.
    assertThat(Curate.execute("report", "--run", run.toString())).isZero();
    JsonNode runStats = JSON.readTree(run.resolve("report/stats.json").toFile());
    JsonNode stage = runStats.get("stages").get(0);
    assertThat(stage.get("name").asText()).isEqualTo("decontaminate");
    assertThat(stage.get("contamination")).isEqualTo(block);
    String html = Files.readString(run.resolve("report/index.html"));
    assertThat(html).contains("top colliding n-grams").contains("<th class=\"k\">excused</th>")
        .contains("<th class=\"k\">items hit</th>");
    assertThat(html).containsPattern("<tr><td class=\"k\">harbour_qa</td><td class=\"k\">" + EXCUSED
        + "</td><td>8</td><td>25</td><td class=\"k\">true</td></tr>");
    assertThat(html).containsPattern("<tr><td class=\"k\">harbour_qa</td><td class=\"k\">[a-z ]*keeper counted forty two[a-z ]*"
        + "</td><td>13</td><td>3</td><td class=\"k\">false</td></tr>");
  }
}
