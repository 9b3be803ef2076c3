package org.curate.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.split;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.curate.core.Outcome;
import org.curate.extract.CrawlFileExtractor;
import org.curate.extract.ExtractOptions;
import org.curate.extract.LocalFileSource;
import org.curate.extract.RecordStream;
import org.curate.extract.html.JsoupMainTextExtractor;

/** Issue 10 item 1: what every {@code curate run} output must satisfy, whatever its input. */
public final class RunAssertions {
  /** The stages of `curate run --input ...` without a config (conf/default-pipeline.yaml). */
  public static final List<String> STAGES = List.of("extract", "filter");
  /** The stages of `curate run` on the built-in sample (conf/sample-pipeline.yaml). */
  public static final List<String> SAMPLE_STAGES = List.of("extract", "filter", "dedup", "decontaminate", "train-tokenizer", "tokenize");

  private RunAssertions() {}

  /**
   * Each stage's {@code _stats.json} conserves its records (in = out + Σdropped + Σfailed), a
   * document stage's Parquet holds exactly {@code out} rows, the run report repeats the stage's
   * counts, and the stages chain: in of each stage = out of the last document stage before it (a
   * tokenizer or shard stage passes its input on). {@code expectedStages} is the pipeline's
   * stage list. Returns the extract stage's stats.
   */
  public static JsonNode assertConservedAndChained(Path runDir) {
    return assertConservedAndChained(runDir, STAGES);
  }

  public static JsonNode assertConservedAndChained(Path runDir, List<String> expectedStages) {
    JsonNode report;
    try {
      report = new ObjectMapper().readTree(runDir.resolve("report/stats.json").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(report.get("stages")).extracting(s -> s.get("name").asText()).containsExactlyElementsOf(expectedStages);
    JsonNode previous = null;
    for (int i = 0; i < expectedStages.size(); i++) {
      String stage = expectedStages.get(i);
      JsonNode stats = StageOutput.assertConserved(runDir.resolve(stage));
      JsonNode reported = report.get("stages").get(i);
      assertThat(reported.get("in").asLong()).as("report in of %s", stage).isEqualTo(stats.get("in").asLong());
      assertThat(reported.get("out").asLong()).as("report out of %s", stage).isEqualTo(stats.get("out").asLong());
      assertThat(reasons(reported.get("dropped"))).as("report dropped of %s", stage).isEqualTo(reasons(stats.get("dropped")));
      assertThat(reasons(reported.get("failed"))).as("report failed of %s", stage).isEqualTo(reasons(stats.get("failed")));
      if (previous != null) {
        assertThat(stats.get("in").asLong()).as("in of %s = out of the document stage before", stage)
            .isEqualTo(previous.get("out").asLong());
      }
      boolean documents;
      try (var files = java.nio.file.Files.list(runDir.resolve(stage))) {
        documents = files.anyMatch(f -> f.getFileName().toString().endsWith(".parquet"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (documents) {
        long rows = SparkTestSupport.spark().read().parquet(runDir.resolve(stage).toString()).count();
        assertThat(rows).as("Parquet rows of %s", stage).isEqualTo(stats.get("out").asLong());
        previous = stats;
      }
    }
    return StageOutput.stats(runDir.resolve("extract"));
  }

  /** Results per file name (kept + rejected) of an extract stage's output, from Parquet. */
  public static Map<String, Long> resultsPerFile(Path extractDir) {
    Dataset<Row> kept = SparkTestSupport.spark().read().parquet(extractDir.toString()).select(col("source.file").as("f"));
    Dataset<Row> rejected = SparkTestSupport.spark().read().parquet(extractDir.resolve("_rejects").toString())
        .select(col("source.file").as("f"));
    Map<String, Long> perFile = new TreeMap<>();
    for (Row r : kept.union(rejected).select(element_at(split(col("f"), "/"), -1).as("name")).groupBy("name").count()
        .collectAsList()) {
      perFile.put(r.getString(0), r.getLong(1));
    }
    return perFile;
  }

  /** Results of the plain (single-threaded, local-file) extractor for {@code file}: count and failures. */
  public static long plainResults(Path file, Map<String, Long> failuresOut) {
    CrawlFileExtractor plain = new CrawlFileExtractor(ExtractOptions.defaults(), new JsoupMainTextExtractor());
    long n = 0;
    try (RecordStream records = plain.open(new LocalFileSource(file))) {
      while (records.hasNext()) {
        Outcome<?> outcome = records.next().outcome();
        if (outcome instanceof Outcome.Failed<?> f) {
          failuresOut.merge(f.reason(), 1L, Long::sum);
        }
        n++;
      }
    }
    return n;
  }

  public static Map<String, Long> reasons(JsonNode node) {
    Map<String, Long> map = new TreeMap<>();
    if (node != null) {
      node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asLong()));
    }
    return map;
  }
}
