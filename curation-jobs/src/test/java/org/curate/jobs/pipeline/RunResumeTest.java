package org.curate.jobs.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.curate.jobs.Curate;
import org.curate.jobs.SparkTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Atomic stage commits and resume: a re-run skips what is up to date and redoes what changed. */
class RunResumeTest {
  @TempDir Path tmp;

  /** The Parquet part files of a stage: new names (Spark puts a UUID in each) mean it ran again. */
  static List<String> partFiles(Path stageDir) throws IOException {
    try (Stream<Path> files = Files.list(stageDir)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("part-")).sorted().toList();
    }
  }

  /** The per-stage counts of the run report (the rest holds timings and run metadata). */
  static String stagesOfReport(Path run) throws IOException {
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.resolve("report/stats.json").toFile()).get("stages").toString();
  }

  static List<Row> sortedRows(Path stageDir) {
    return SparkTestSupport.spark().read().parquet(stageDir.toString()).orderBy("id").collectAsList();
  }

  @Test
  void aRerunSkipsUpToDateStagesAndRedoesChangedOrForcedOnes() throws IOException {
    SparkTestSupport.spark();
    Path out = tmp.resolve("run");
    Path config = tmp.resolve("pipeline.yaml");
    Files.writeString(config, """
        stages:
          - stage: extract
          - stage: filter
            filters:
              - filter: gopher_quality
        """);
    assertThat(Curate.execute("run", "--config", config.toString(), "--output", out.toString())).isZero();
    assertThat(out.resolve("extract/_manifest.json")).exists();
    assertThat(out.resolve("filter/_manifest.json")).exists();
    assertThat(out.resolve("_tmp")).doesNotExist();
    List<String> extractFiles = partFiles(out.resolve("extract"));
    List<String> filterFiles = partFiles(out.resolve("filter"));
    List<Row> filterRows = sortedRows(out.resolve("filter"));
    String stats = stagesOfReport(out);

    // Same config, same input: nothing runs, the report is rebuilt from the committed stats.
    assertThat(Curate.execute("run", "--config", config.toString(), "--output", out.toString())).isZero();
    assertThat(partFiles(out.resolve("extract"))).isEqualTo(extractFiles);
    assertThat(partFiles(out.resolve("filter"))).isEqualTo(filterFiles);
    assertThat(stagesOfReport(out)).isEqualTo(stats);

    // A changed filter setting redoes the filter stage only.
    Files.writeString(config, """
        stages:
          - stage: extract
          - stage: filter
            filters:
              - filter: gopher_quality
                min_doc_words: 10
        """);
    assertThat(Curate.execute("run", "--config", config.toString(), "--output", out.toString())).isZero();
    assertThat(partFiles(out.resolve("extract"))).isEqualTo(extractFiles);
    assertThat(partFiles(out.resolve("filter"))).isNotEqualTo(filterFiles);
    assertThat(sortedRows(out.resolve("filter")).size()).isGreaterThanOrEqualTo(filterRows.size());

    // --force redoes a stage; its output is the same rows (the run is deterministic), so the next
    // stage, whose inputs did not change, stays.
    List<Row> extractRows = sortedRows(out.resolve("extract"));
    List<String> filterFiles2 = partFiles(out.resolve("filter"));
    assertThat(Curate.execute("run", "--config", config.toString(), "--output", out.toString(), "--force", "extract")).isZero();
    assertThat(partFiles(out.resolve("extract"))).isNotEqualTo(extractFiles);
    assertThat(sortedRows(out.resolve("extract"))).isEqualTo(extractRows);
    assertThat(partFiles(out.resolve("filter"))).isEqualTo(filterFiles2);

    assertThat(Curate.execute("run", "--config", config.toString(), "--output", out.toString(), "--force", "dedupe")).isEqualTo(2);
  }

  @Test
  void aStageLeftHalfWrittenIsRedoneNotReused() throws IOException {
    SparkTestSupport.spark();
    Path out = tmp.resolve("run");
    assertThat(Curate.execute("run", "--output", out.toString())).isZero();
    List<Row> rows = sortedRows(out.resolve("filter"));
    // What a killed run leaves: a temp folder mid-write, and a stage folder without its manifest.
    Files.createDirectories(out.resolve("_tmp/filter"));
    Files.writeString(out.resolve("_tmp/filter/part-00000-garbage.parquet"), "half written");
    Files.delete(out.resolve("filter/_manifest.json"));
    List<String> before = partFiles(out.resolve("filter"));

    assertThat(Curate.execute("run", "--output", out.toString())).isZero();
    assertThat(partFiles(out.resolve("filter"))).isNotEqualTo(before).noneMatch(n -> n.contains("garbage"));
    assertThat(sortedRows(out.resolve("filter"))).isEqualTo(rows);
    assertThat(out.resolve("filter/_manifest.json")).exists();
    assertThat(out.resolve("_tmp")).doesNotExist();
  }
}
