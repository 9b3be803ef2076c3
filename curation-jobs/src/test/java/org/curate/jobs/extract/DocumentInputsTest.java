package org.curate.jobs.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.curate.jobs.Curate;
import org.curate.jobs.SparkTestSupport;
import org.curate.jobs.StageOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Datasets users already have (JSONL, Parquet) enter any stage in the document schema. */
class DocumentInputsTest {

  @Test
  void jsonlLinesBecomeDocumentsAndBadLinesAreCounted(@TempDir Path tmp) throws IOException {
    SparkTestSupport.spark();
    Path jsonl = tmp.resolve("mine.jsonl");
    Files.write(jsonl, List.of(
        "{\"id\":\"d1\",\"url\":\"https://example.org/a\",\"lang\":\"en\",\"text\":\"First document.\"}",
        "{\"text\":\"No id here, one is derived.\"}",
        "{\"id\":\"d3\",\"url\":\"https://example.org/c\"}",
        "{this is not json"), StandardCharsets.UTF_8);
    Path out = tmp.resolve("extract");

    assertThat(Curate.execute("extract", "--input", jsonl.toString(), "--output", out.toString())).isZero();

    JsonNode stats = StageOutput.assertConserved(out);
    assertThat(stats.get("in").asLong()).isEqualTo(4);
    assertThat(stats.get("out").asLong()).isEqualTo(2);
    assertThat(stats.get("dropped").get("input:no-text").asLong()).isEqualTo(1);
    assertThat(stats.get("failed").get("input:malformed-json").asLong()).isEqualTo(1);
    List<Row> docs = SparkTestSupport.spark().read().parquet(out.toString()).orderBy("text").collectAsList();
    assertThat(docs.get(0).<String>getAs("id")).isEqualTo("d1");
    assertThat(docs.get(0).<String>getAs("lang")).isEqualTo("en");
    assertThat(docs.get(1).<String>getAs("id")).matches("[0-9a-f]{32}");
    assertThat(docs).allSatisfy(d -> assertThat(d.<String>getAs("extraction_mode")).as("no extraction for JSONL text").isNull());
    assertThat(docs).allSatisfy(d -> assertThat(d.<String>getAs("lang_hint")).as("no markup to declare a language").isNull());
    assertThat(docs).allSatisfy(d -> assertThat(d.<java.sql.Timestamp>getAs("published")).as("nor a date").isNull());

    // A stage's Parquet output is a valid input of the next stage, with nothing lost.
    Path again = tmp.resolve("again");
    assertThat(Curate.execute("extract", "--input", out.toString(), "--output", again.toString())).isZero();
    assertThat(StageOutput.assertConserved(again).get("out").asLong()).isEqualTo(2);
    assertThat(SparkTestSupport.spark().read().parquet(again.toString()).orderBy("text").collectAsList()).isEqualTo(docs);
  }

  @Test
  void missingInputExitsWithStatusTwo(@TempDir Path tmp) {
    assertThat(Curate.execute("extract", "--input", tmp.resolve("absent.warc.gz").toString(),
        "--output", tmp.resolve("out").toString())).isEqualTo(2);
  }
}
