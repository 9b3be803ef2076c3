package org.curate.jobs.decontam;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.curate.jobs.Curate;
import org.curate.jobs.SparkTestSupport;
import org.curate.jobs.StageOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Broadcast when it fits, a join otherwise": with {@code --max-broadcast-ngrams 1} the stage
 * must take the join path and still give exactly the broadcast path's outputs (kept rows, drop
 * reasons and details, counts, the contamination report and table), in drop and window mode.
 * Two benchmarks share an item, so hits have several owners and the reason depends on who owns
 * what: leaks of the shared item go to the first loaded benchmark (a tie), documents that also
 * quote the second benchmark's own item go to it.
 */
class JoinFallbackTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String OWN_ITEM = "Every morning the baker on Rua Augusta sells exactly ninety seven custard tarts to tourists";

  @Test
  void joinModeGivesTheBroadcastModesOutputs(@TempDir Path tmp) throws IOException {
    SparkSession spark = SparkTestSupport.spark();
    Path docs = DecontaminateStageTest.corpus(tmp, spark);
    Path bench = tmp.resolve("benchmarks");
    Files.write(bench.resolve("lighthouse_qa.jsonl"), List.of(
        JSON.createObjectNode().put("question", DecontaminateStageTest.LONG_ITEM).toString(),
        JSON.createObjectNode().put("question", OWN_ITEM).toString()));
    String filler = "Trams climbed the hill past the cathedral while the river ferries crossed to the southern bank. ";
    Path mixed = tmp.resolve("mixed.jsonl");
    Files.write(mixed, List.of(
        DecontaminateStageTest.json("mixed-0", filler.repeat(3) + DecontaminateStageTest.LONG_ITEM + ". " + filler
            + OWN_ITEM + ". " + filler.repeat(3)),
        DecontaminateStageTest.json("mixed-1", filler.repeat(4) + OWN_ITEM.toLowerCase() + "! " + filler.repeat(4))));

    for (String mode : List.of("drop", "window")) {
      Path broadcast = tmp.resolve(mode + "-broadcast");
      Path join = tmp.resolve(mode + "-join");
      for (Path out : List.of(broadcast, join)) {
        List<String> args = new ArrayList<>(List.of("decontaminate", "--input", docs.toString(), mixed.toString(),
            "--benchmarks", bench.toString(), "--threshold", "20", "--mode", mode, "--output", out.toString()));
        if (out.equals(join)) {
          args.addAll(List.of("--max-broadcast-ngrams", "1"));
        }
        assertThat(Curate.execute(args.toArray(String[]::new))).isZero();
      }
      assertThat(delivery(broadcast)).isEqualTo("broadcast");
      assertThat(delivery(join)).isEqualTo("join");

      JsonNode stats = StageOutput.assertConserved(broadcast);
      assertThat(stats.get("in").asInt()).isEqualTo(60);
      if (mode.equals("drop")) {
        assertThat(stats.get("dropped").get("decontam:harbour_qa").asInt()).isEqualTo(3);
        assertThat(stats.get("dropped").get("decontam:lighthouse_qa").asInt()).isEqualTo(2);
      } else {
        // The leaks are cut; the short mixed documents have no piece of 200+ characters left, so they go.
        assertThat(stats.get("changed").get("decontam_cut:harbour_qa").asInt()).isEqualTo(3);
        assertThat(stats.get("dropped").get("decontam:lighthouse_qa").asInt()).isEqualTo(2);
      }
      assertThat(withoutSeconds(StageOutput.assertConserved(join))).as(mode + ": _stats.json")
          .isEqualTo(withoutSeconds(stats));
      assertThat(rows(spark, join)).as(mode + ": kept rows").isEqualTo(rows(spark, broadcast));
      assertThat(rows(spark, join.resolve("_rejects"))).as(mode + ": rejects").isEqualTo(rows(spark, broadcast.resolve("_rejects")));
      assertThat(Files.readString(join.resolve(DecontaminateStage.REPORT_FILE))).as(mode + ": _contamination.json")
          .isEqualTo(Files.readString(broadcast.resolve(DecontaminateStage.REPORT_FILE)));
      assertThat(rows(spark, join.resolve(DecontaminateStage.TABLE_DIR))).as(mode + ": contamination table")
          .isEqualTo(rows(spark, broadcast.resolve(DecontaminateStage.TABLE_DIR)));
    }
  }

  private static String delivery(Path out) throws IOException {
    return JSON.readTree(out.resolve("_report.json").toFile()).get("metrics").get("index delivered by").asText();
  }

  private static JsonNode withoutSeconds(JsonNode stats) {
    ObjectNode copy = stats.deepCopy();
    copy.remove("seconds");
    return copy;
  }

  /** Every column of every row as JSON, sorted (row order is not part of the output's meaning). */
  private static List<String> rows(SparkSession spark, Path dir) {
    List<String> out = new ArrayList<>(spark.read().parquet(dir.toString()).toJSON().collectAsList());
    out.sort(null);
    assertThat(out).as("rows in " + dir).isNotEmpty();
    return out;
  }
}
