package org.curate.jobs.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Row;
import org.curate.jobs.Curate;
import org.curate.jobs.SparkTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver of a {@code curate run} is killed (SIGKILL, no shutdown hooks) while the filter
 * stage is writing; the re-run reuses the committed extract stage, redoes the filter stage, and
 * ends with the same rows and counts as a run that was never disturbed.
 */
class KillAndResumeIT {
  @TempDir Path tmp;

  @Test
  void aRunKilledMidStageResumesToTheUndisturbedResult() throws Exception {
    Path killed = tmp.resolve("killed");
    Process driver = ChildRun.start(killed, tmp.resolve("driver.log"));
    try {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
      // Kill as soon as the filter stage has started writing: extract is committed, filter is not.
      while (!Files.exists(killed.resolve("_tmp/filter")) && driver.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(driver.isAlive()).as("driver still running when the filter stage started; log:%n%s", log()).isTrue();
      driver.destroyForcibly().waitFor(1, TimeUnit.MINUTES);
    } finally {
      driver.destroyForcibly();
    }
    assertThat(killed.resolve("extract/_manifest.json")).exists();
    assertThat(killed.resolve("filter/_manifest.json")).doesNotExist();
    List<String> extractFiles = RunResumeTest.partFiles(killed.resolve("extract"));

    SparkTestSupport.spark();
    assertThat(Curate.execute("run", "--output", killed.toString())).isZero();
    assertThat(RunResumeTest.partFiles(killed.resolve("extract"))).as("extract reused").isEqualTo(extractFiles);

    Path undisturbed = tmp.resolve("undisturbed");
    assertThat(Curate.execute("run", "--output", undisturbed.toString())).isZero();
    for (String stage : List.of("extract", "filter")) {
      List<Row> expected = rowsWithoutRunFolder(undisturbed.resolve(stage));
      assertThat(rowsWithoutRunFolder(killed.resolve(stage))).as(stage).isEqualTo(expected);
      assertThat(withoutSeconds(killed.resolve(stage + "/_stats.json"))).isEqualTo(withoutSeconds(undisturbed.resolve(stage + "/_stats.json")));
    }
  }

  /** The rows, with the source file (which lives under each run's own folder) reduced to its name. */
  private static List<Row> rowsWithoutRunFolder(Path stageDir) {
    var rows = SparkTestSupport.spark().read().parquet(stageDir.toString());
    return rows.withColumn("source", org.apache.spark.sql.functions.struct(
            org.apache.spark.sql.functions.substring_index(rows.col("source.file"), "/", -1).as("file"),
            rows.col("source.offset").as("offset")))
        .orderBy("id").collectAsList();
  }

  private String log() throws IOException {
    Path log = tmp.resolve("driver.log");
    return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
  }

  private static String withoutSeconds(Path stats) throws IOException {
    return Files.readString(stats).replaceAll("\"seconds\" : [0-9.E-]+", "\"seconds\" : _");
  }
}
