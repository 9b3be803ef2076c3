package org.curate.jobs.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.curate.extract.ExtractOptions;
import org.curate.jobs.extract.ExtractStage;
import org.curate.jobs.spark.Stage;
import org.curate.jobs.report.StageReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "extract", mixinStandardHelpOptions = true,
    description = {
        "Extract main text and title from crawl files into Parquet.",
        "",
        "Inputs: WARC (0.17-1.1), ARC and WET files, plain, per-record gzip or whole-file gzip, on any Hadoop filesystem (file:, hdfs:, s3a:); files, directories (listed recursively) or globs. Every HTML response becomes one document (any HTTP status; later stages filter); WET conversion records are taken as text. Parquet directories and JSONL(.gz) files with a 'text' field (optional id, url, lang, title) pass through into the same schema.",
        "",
        "Output: OUTPUT/*.parquet (documents), OUTPUT/_rejects/ (every record not kept, with its reason and source file/offset), OUTPUT/_stats.json (in, out, dropped and failed by reason).",
        ""})
public final class ExtractCommand implements Callable<Integer>, StageCommand {
  @Mixin InputOutputOptions io;
  @Mixin SparkOptions spark;

  @Option(names = "--max-payload-bytes", paramLabel = "N",
      description = "Skip payloads larger than this (counted as payload:too-large). Default: ${DEFAULT-VALUE}.")
  long maxPayloadBytes = ExtractOptions.DEFAULT_MAX_PAYLOAD_BYTES;

  @Override
  public Integer call() {
    io.requireInput();
    SparkSession session = spark.session("curate extract");
    StageReport report = StageRunner.run(session, stage(), io.inputs(), io.output());
    System.out.println("extract: in=" + report.in() + " out=" + report.out() + " dropped=" + report.dropped()
        + " failed=" + report.failed() + " -> " + io.output());
    return 0;
  }

  @Override
  public Stage stage() {
    if (maxPayloadBytes <= 0) {
      throw new IllegalArgumentException("--max-payload-bytes must be positive, got " + maxPayloadBytes);
    }
    return new ExtractStage(new ExtractOptions(maxPayloadBytes));
  }

}
