package org.curate.jobs.cli;

import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.curate.core.StageCounts;
import org.curate.jobs.report.ReportWriter;
import org.curate.jobs.report.StageReport;
import org.curate.jobs.spark.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs one stage, times it, writes its {@code _stats.json} and logs a one-line summary. */
final class StageRunner {
  private static final Logger LOG = LoggerFactory.getLogger(StageRunner.class);

  private StageRunner() {}

  static StageReport run(SparkSession spark, Stage stage, List<String> inputs, String outputDir) {
    LOG.info("stage {}: starting, output {}", stage.name(), outputDir);
    long start = System.nanoTime();
    StageCounts counts = stage.run(spark, inputs, outputDir);
    StageReport report = StageReport.of(stage.name(), counts, (System.nanoTime() - start) / 1e9)
        .withBlocks(stage.statsBlocks());
    new ReportWriter(spark.sparkContext().hadoopConfiguration()).writeStageStats(outputDir, report);
    LOG.info("stage {}: {} in {}s", stage.name(), counts, report.seconds());
    return report;
  }
}
