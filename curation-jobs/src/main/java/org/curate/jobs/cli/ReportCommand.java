package org.curate.jobs.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.curate.jobs.report.ReportBuilder;
import org.curate.jobs.report.ReportWriter;
import org.curate.jobs.report.StageReport;
import org.curate.jobs.report.SeededSample;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "report", mixinStandardHelpOptions = true,
    description = {
        "Re-render the data-quality report of an existing run from its stage outputs (curate run writes it too).",
        "",
        "Reads RUN/<stage>/ (Parquet, _stats.json, _rejects/, optional _report.json) for the stages listed in RUN/report/stats.json, or else for every sub-folder with a _stats.json.",
        "",
        "Writes RUN/report/: index.html (self-contained), stats.json, funnel.csv, reasons.csv, languages.csv, pii.csv, histograms.csv, scores.csv, samples.jsonl. Rendering twice from the same outputs gives the same files except the run-metadata part (timings, versions, date).",
        ""})
public final class ReportCommand implements Callable<Integer> {
  @Option(names = "--run", required = true, paramLabel = "DIR", description = "The run's output folder (curate run --output).")
  String run;

  @Option(names = "--seed", paramLabel = "N", description = "Sampling seed. Default: ${DEFAULT-VALUE}.")
  long seed = SeededSample.DEFAULT_SEED;

  @Option(names = "--samples", paramLabel = "N", description = "Kept documents sampled per stage. Default: ${DEFAULT-VALUE}.")
  int kept = ReportBuilder.Options.defaults().keptPerStage();

  @Option(names = "--samples-per-reason", paramLabel = "N", description = "Rejected documents sampled per reason. Default: ${DEFAULT-VALUE}.")
  int perReason = ReportBuilder.Options.defaults().perReason();

  @Option(names = "--score-rows", paramLabel = "N", description = "Documents in scores.csv (seeded sample of the last stage with measures). Default: ${DEFAULT-VALUE}.")
  int scoreRows = ReportBuilder.Options.defaults().scoreRows();

  @Mixin SparkOptions spark;

  @Override
  public Integer call() {
    if (kept < 0 || perReason < 0 || scoreRows < 0) {
      throw new IllegalArgumentException("--samples, --samples-per-reason and --score-rows must be >= 0");
    }
    SparkSession session = spark.session("curate report");
    ReportWriter writer = new ReportWriter(session.sparkContext().hadoopConfiguration());
    List<StageReport> stages = writer.readStageReports(run);
    ReportBuilder.Options defaults = ReportBuilder.Options.defaults();
    String dir = writer.writeRunReport(session, run, stages,
        new ReportBuilder.Options(seed, kept, perReason, defaults.textChars(), defaults.bins(), scoreRows));
    System.out.println("report: " + dir + "/index.html");
    System.out.println("stats:  " + dir + "/stats.json");
    return 0;
  }
}
