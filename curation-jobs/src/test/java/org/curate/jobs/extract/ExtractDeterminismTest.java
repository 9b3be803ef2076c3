package org.curate.jobs.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.curate.jobs.Curate;
import org.curate.jobs.SparkTestSupport;
import org.curate.jobs.StageOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same input and options give the same documents, row for row, and the same counts. */
class ExtractDeterminismTest {

  @Test
  void twoRunsWriteIdenticalRows(@TempDir Path tmp) {
    Path shared = SparkTestSupport.sharedData();
    assumeTrue(shared != null, "shared data folder not present");
    SparkTestSupport.spark();
    String[] inputs = {shared.resolve("warc/commoncrawl").toString(), shared.resolve("warc/webarchives").toString(),
        shared.resolve("warc/edge-cases").toString()};
    Path first = tmp.resolve("first");
    Path second = tmp.resolve("second");
    for (Path out : List.of(first, second)) {
      assertThat(Curate.execute("extract", "--input", inputs[0], inputs[1], inputs[2], "--output", out.toString())).isZero();
    }

    List<Row> a = sortedRows(first);
    List<Row> b = sortedRows(second);
    assertThat(a).hasSizeGreaterThan(50);
    assertThat(b).isEqualTo(a);
    Object firstStats = ((com.fasterxml.jackson.databind.node.ObjectNode) StageOutput.stats(first)).without("seconds");
    Object secondStats = ((com.fasterxml.jackson.databind.node.ObjectNode) StageOutput.stats(second)).without("seconds");
    assertThat(secondStats).isEqualTo(firstStats);
  }

  private static List<Row> sortedRows(Path dir) {
    return SparkTestSupport.spark().read().parquet(dir.toString()).orderBy("id", "source.file", "source.offset")
        .collectAsList();
  }
}
