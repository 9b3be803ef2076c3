package org.curate.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.curate.jobs.Curate;
import org.curate.jobs.SparkTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {

  @Test
  void exportsAStageOutputAsJsonLinesSortedById(@TempDir Path tmp) throws IOException {
    SparkTestSupport.spark();
    Path jsonl = tmp.resolve("in.jsonl");
    Files.write(jsonl, List.of("{\"id\":\"b\",\"text\":\"second\",\"url\":\"https://example.org/b\"}",
        "{\"id\":\"a\",\"text\":\"first — ünïcödé\"}", "{\"id\":\"c\"}"), StandardCharsets.UTF_8);
    Path stage = tmp.resolve("extract");
    assertThat(Curate.execute("extract", "--input", jsonl.toString(), "--output", stage.toString())).isZero();

    Path out = tmp.resolve("docs.jsonl.gz");
    assertThat(Curate.execute("export", "--input", stage.toString(), "--output", out.toString())).isZero();
    List<JsonNode> rows = readGzipJsonl(out);
    assertThat(rows).extracting(r -> r.get("id").asText()).containsExactly("a", "b");
    assertThat(rows.get(0).get("text").asText()).isEqualTo("first — ünïcödé");
    assertThat(rows.get(1).get("url").asText()).isEqualTo("https://example.org/b");

    Path rejects = tmp.resolve("rejects.jsonl");
    assertThat(Curate.execute("export", "--input", stage.resolve("_rejects").toString(), "--output",
        rejects.toString(), "--limit", "5")).isZero();
    List<String> lines = Files.readAllLines(rejects, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(1);
    assertThat(new ObjectMapper().readTree(lines.get(0)).get("reason").asText()).isEqualTo("input:no-text");
  }

  private static List<JsonNode> readGzipJsonl(Path file) throws IOException {
    List<JsonNode> rows = new ArrayList<>();
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        rows.add(new ObjectMapper().readTree(line));
      }
    }
    return rows;
  }
}
