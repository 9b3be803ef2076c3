package org.curate.jobs.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.curate.jobs.Curate;
import org.curate.jobs.cli.ConfigCommandAccess;
import org.curate.jobs.pipeline.PipelinePlanner.PlannedStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline config is checked before any Spark work; every error names file, line and key. */
class PipelinePlannerTest {
  @TempDir Path dir;

  private List<PlannedStage> plan(String yaml) throws IOException {
    Path file = dir.resolve("pipeline.yaml");
    Files.writeString(file, yaml);
    return new PipelinePlanner(ConfigCommandAccess.stageCommands()).plan(PipelineConfig.load(file), "out");
  }

  private String error(String yaml) {
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> plan(yaml));
    assertThat(t).isInstanceOf(IllegalArgumentException.class);
    return t.getMessage();
  }

  @Test
  void aValidConfigPlansItsStagesInOrderAndResolvesPathsAgainstTheConfigFolder() throws IOException {
    Files.writeString(dir.resolve("chain.yaml"), "filters:\n  - filter: gopher_quality\n");
    Path file = dir.resolve("pipeline.yaml");
    Files.writeString(file, """
        input: [crawl/a.warc.gz, hdfs://nn/crawl/b.warc.gz]
        output: out/run1
        spark:
          master: local[2]
          conf: {spark.sql.shuffle.partitions: 4}
        stages:
          - stage: extract
            max_payload_bytes: 1000000
          - stage: filter
            filters: chain.yaml
        """);
    PipelineConfig config = PipelineConfig.load(file);
    assertThat(config.inputs()).containsExactly(dir.resolve("crawl/a.warc.gz").toString(), "hdfs://nn/crawl/b.warc.gz");
    assertThat(config.output()).isEqualTo(dir.resolve("out/run1").toString());
    assertThat(config.master()).isEqualTo("local[2]");
    assertThat(config.sparkConf()).containsEntry("spark.sql.shuffle.partitions", "4");
    List<PlannedStage> plan = new PipelinePlanner(ConfigCommandAccess.stageCommands()).plan(config, "out");
    assertThat(plan).extracting(PlannedStage::name).containsExactly("extract", "filter");
    assertThat(plan.get(0).fingerprint()).contains("--max-payload-bytes=1000000");
    assertThat(plan.get(1).fingerprint()).contains(dir.resolve("chain.yaml").toString());
  }

  @Test
  void unknownKeysAndStagesAreNamedWithTheirLine() {
    assertThat(error("stages:\n  - stage: extract\nouptut: x\n")).isEqualTo(dir.resolve("pipeline.yaml") + ":3: unknown key 'ouptut' (expected: input, output, spark, stages)");
    assertThat(error("stages:\n  - stage: extract\n  - stage: extrakt\n")).contains("pipeline.yaml:3: unknown stage 'extrakt'").contains("extract", "filter");
    assertThat(error("stages:\n  - stage: extract\n    max_payload: 5\n")).contains("pipeline.yaml:3: stage 'extract': unknown key 'max_payload' (keys: max_payload_bytes, max_document_bytes, max_document_chars, document_timeout_ms)");
    assertThat(error("spark:\n  mastr: x\nstages:\n  - stage: extract\n")).contains("pipeline.yaml:2: unknown key 'spark.mastr'");
    assertThat(error("stages:\n  - stage: extract\n  - stage: extract\n")).contains("pipeline.yaml:3: stage 'extract' appears twice (also on line 2)");
    assertThat(error("stages:\n  - stage: extract\n    input: x\n")).contains("pipeline.yaml:3:").contains("set by the pipeline");
  }

  @Test
  void wrongTypesMissingFilesAndBadValuesAreNamedWithTheirLine() {
    assertThat(error("stages:\n  - stage: extract\n    max_payload_bytes: lots\n")).contains("pipeline.yaml:3: stage 'extract':").contains("lots");
    assertThat(error("stages:\n  - stage: extract\n    max_payload_bytes: -1\n")).contains("pipeline.yaml:2: stage 'extract': --max-payload-bytes must be positive");
    assertThat(error("stages:\n  - stage: extract\n    document_timeout_ms: 0\n")).contains("pipeline.yaml:2: stage 'extract': --document-timeout-ms must be positive");
    assertThat(error("stages:\n  - stage: extract\n  - stage: filter\n    filters: nowhere.yaml\n"))
        .isEqualTo(dir.resolve("pipeline.yaml") + ":4: 'filter.filters': no such file or folder: " + dir.resolve("nowhere.yaml"));
    assertThat(error("output: [a, b]\nstages:\n  - stage: extract\n")).contains("pipeline.yaml:1: 'output' must be text, got a list");
    assertThat(error("stages: extract\n")).contains("pipeline.yaml:1: 'stages' must be a non-empty list");
    assertThat(error("input: x\n")).contains("missing key 'stages'");
    assertThat(error("stages:\n  - stage: extract\n   bad indent: [\n")).contains("not valid YAML");
  }

  @Test
  void anInlineFilterChainIsCheckedLikeAFilterConfigFile() throws IOException {
    List<PlannedStage> plan = plan("""
        stages:
          - stage: filter
            filters:
              - filter: gopher_quality
                min_doc_words: 20
              - filter: pii
        """);
    assertThat(plan.get(0).fingerprint()).contains("gopher_quality").contains("min_doc_words=20");
    assertThat(error("""
        stages:
          - stage: filter
            filters:
              - filter: no_such_filter
        """)).contains("no_such_filter");
    assertThat(error("""
        stages:
          - stage: filter
            filters:
              - filter: gopher_quality
                min_doc_wordz: 20
        """)).contains("min_doc_wordz");
  }

  @Test
  void theFingerprintChangesWithSettingsAndWithTheContentOfReferencedFiles() throws IOException {
    Path chain = dir.resolve("chain.yaml");
    Files.writeString(chain, "filters:\n  - filter: gopher_quality\n");
    String yaml = "stages:\n  - stage: filter\n    filters: chain.yaml\n";
    String first = plan(yaml).get(0).fingerprint();
    assertThat(plan(yaml).get(0).fingerprint()).isEqualTo(first);
    Files.writeString(chain, "filters:\n  - filter: gopher_quality\n    min_doc_words: 10\n");
    assertThat(plan(yaml).get(0).fingerprint()).isNotEqualTo(first);
    assertThat(plan("stages:\n  - stage: extract\n    max_payload_bytes: 10\n").get(0).fingerprint())
        .isNotEqualTo(plan("stages:\n  - stage: extract\n    max_payload_bytes: 11\n").get(0).fingerprint());
  }

  @Test
  void theGeneratedExampleListsEveryStageAndIsItselfAValidConfigOnceUncommented() throws IOException {
    String example = ConfigCommandAccess.example();
    assertThat(example).contains("- stage: extract", "- stage: filter", "# max_payload_bytes: 20971520");
    // The example's own skeleton (keys left commented) plans, apart from its placeholder input.
    assertThat(example).contains("    benchmarks: DIR");
    Files.createDirectories(dir.resolve("benchmarks"));
    assertThat(plan(example.replace("input:\n  - crawl/*.warc.gz\n", "").replace("benchmarks: DIR", "benchmarks: benchmarks")))
        .extracting(PlannedStage::name)
        .containsExactly("extract", "filter", "dedup", "decontaminate", "train-tokenizer", "tokenize");
    assertThat(Curate.execute("config", "--check", dir.resolve("pipeline.yaml").toString())).isZero();
  }
}
