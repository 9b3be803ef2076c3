package org.curate.jobs.filter;

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

class FilterStageTest {

  @Test
  void dropsRewritesAndTagsWithEveryDocumentAccountedFor(@TempDir Path tmp) throws IOException {
    SparkTestSupport.spark();
    Path input = tmp.resolve("docs.jsonl");
    Files.write(input, List.of("{\"id\":\"a\",\"text\":\"long enough text with 42 in it\"}",
        "{\"id\":\"b\",\"text\":\"short\"}", "{\"id\":\"c\",\"text\":\"another long enough text\"}",
        "{\"id\":\"d\"}"), StandardCharsets.UTF_8);
    Path config = tmp.resolve("filters.yaml");
    Files.writeString(config, "filters:\n  - filter: test_mask_digits\n  - filter: test_min_chars\n    min_chars: 10\n");
    Path out = tmp.resolve("filter");

    assertThat(Curate.execute("filter", "--input", input.toString(), "--output", out.toString(),
        "--filters", config.toString())).isZero();

    JsonNode stats = StageOutput.assertConserved(out);
    assertThat(stats.get("in").asInt()).isEqualTo(4);
    assertThat(stats.get("out").asInt()).isEqualTo(2);
    assertThat(stats.get("dropped").get("test_min_chars:too_short").asInt()).isEqualTo(1);
    assertThat(stats.get("dropped").get("input:no-text").asInt()).isEqualTo(1);
    assertThat(stats.get("changed").get("test_mask_digits:digits").asInt()).isEqualTo(1);
    List<Row> kept = SparkTestSupport.spark().read().parquet(out.toString()).orderBy("id").collectAsList();
    assertThat(kept.get(0).<String>getAs("text")).isEqualTo("long enough text with ## in it");
    assertThat(kept.get(0).<scala.collection.Map<String, Double>>getAs("tags").get("test_min_chars.chars").get())
        .isEqualTo(30.0);
  }

  @Test
  void tagOnlyKeepsWhatWouldBeDroppedAndRecordsWhy(@TempDir Path tmp) throws IOException {
    SparkTestSupport.spark();
    Path input = tmp.resolve("docs.jsonl");
    Files.write(input, List.of("{\"id\":\"b\",\"text\":\"short\"}"), StandardCharsets.UTF_8);
    Path config = tmp.resolve("filters.yaml");
    Files.writeString(config, "filters:\n  - filter: test_min_chars\n    tag_only: true\n");
    Path out = tmp.resolve("filter");

    assertThat(Curate.execute("filter", "--input", input.toString(), "--output", out.toString(),
        "--filters", config.toString())).isZero();

    assertThat(StageOutput.assertConserved(out).get("out").asInt()).isEqualTo(1);
    Row row = SparkTestSupport.spark().read().parquet(out.toString()).collectAsList().get(0);
    scala.collection.Map<String, Double> tags = row.getAs("tags");
    assertThat(tags.get("test_min_chars:too_short").get()).isEqualTo(1.0);
    assertThat(tags.get("test_min_chars.chars").get()).isEqualTo(5.0);
  }

  @Test
  void badConfigIsAClearErrorBeforeAnySparkWork(@TempDir Path tmp) throws IOException {
    Path config = tmp.resolve("filters.yaml");
    Files.writeString(config, "filters:\n  - filter: test_min_chars\n    min_char: 10\n");
    Path input = tmp.resolve("docs.jsonl");
    Files.writeString(input, "{\"text\":\"x\"}\n");
    assertThat(Curate.execute("filter", "--input", input.toString(), "--output", tmp.resolve("o").toString(),
        "--filters", config.toString())).isEqualTo(2);
    Files.writeString(config, "filters:\n  - filter: no_such_filter\n");
    assertThat(Curate.execute("filter", "--input", input.toString(), "--output", tmp.resolve("o").toString(),
        "--filters", config.toString())).isEqualTo(2);
  }
}
