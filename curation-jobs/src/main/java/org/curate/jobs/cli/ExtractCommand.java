package org.curate.jobs.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.curate.extract.ExtractOptions;
import org.curate.extract.document.DocumentLimits;
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

  @Option(names = "--max-document-bytes", paramLabel = "N",
      description = "PDF and office files larger than this are not parsed (payload:too-large): their parsers hold several times the file in memory. Default: ${DEFAULT-VALUE}.")
  long maxDocumentBytes = DocumentLimits.DEFAULT_MAX_BYTES;

  @Option(names = "--max-document-chars", paramLabel = "N",
      description = "Text of a PDF or office file beyond this many characters is cut off. Default: ${DEFAULT-VALUE}.")
  int maxDocumentChars = DocumentLimits.DEFAULT_MAX_CHARS;

  @Option(names = "--document-timeout-ms", paramLabel = "MS",
      description = "A PDF or office file whose parse takes longer fails as tika:timeout and the file goes on. Default: ${DEFAULT-VALUE}.")
  long documentTimeoutMs = DocumentLimits.DEFAULT_TIMEOUT_MILLIS;

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
    requirePositive("--max-document-bytes", maxDocumentBytes);
    requirePositive("--max-document-chars", maxDocumentChars);
    requirePositive("--document-timeout-ms", documentTimeoutMs);
    return new ExtractStage(new ExtractOptions(maxPayloadBytes)
        .withDocuments(new DocumentLimits(maxDocumentBytes, maxDocumentChars, documentTimeoutMs)));
  }

  private static void requirePositive(String option, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(option + " must be positive, got " + value);
    }
  }

}
