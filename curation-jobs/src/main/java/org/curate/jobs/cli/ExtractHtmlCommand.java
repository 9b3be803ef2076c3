package org.curate.jobs.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.curate.extract.ExtractOptions;
import org.curate.extract.HtmlFolderExtractor;
import org.curate.extract.html.JsoupMainTextExtractor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** A folder of HTML pages → one main-text file per page, in plain Java (no Spark): how extraction is scored. */
@Command(name = "extract-html", mixinStandardHelpOptions = true,
    description = {
        "Extract the main text of every *.html and *.html.gz file under --input-dir (recursively) into --output-dir/<same relative name without .html[.gz]>.txt, with the extract stage's extractor. No Spark.",
        "",
        "Charsets are detected as for a crawled page without HTTP headers (BOM, <meta>, valid UTF-8, statistical detection, windows-1252). Exactly one output file per input: empty when nothing is extracted, and also when the file cannot be read (corrupt gzip, over --max-payload-bytes, extraction timeout), which is reported on stderr with the file's name. Files in the output folder with other names are left alone.",
        "",
        "Prints files, non-empty and failed counts at the end. Exit status 0 even when some files failed; 2 for bad arguments.",
        ""})
public final class ExtractHtmlCommand implements Callable<Integer> {
  @Option(names = "--input-dir", paramLabel = "DIR", required = true, description = "Folder of *.html / *.html.gz pages (local).")
  Path inputDir;

  @Option(names = "--output-dir", paramLabel = "DIR", required = true, description = "Where the .txt files go (created if missing).")
  Path outputDir;

  @Option(names = "--max-payload-bytes", paramLabel = "N",
      description = "Pages larger than this (after gunzip) fail with an empty output. Default: ${DEFAULT-VALUE}.")
  long maxPayloadBytes = ExtractOptions.DEFAULT_MAX_PAYLOAD_BYTES;

  @Override
  public Integer call() {
    if (maxPayloadBytes <= 0) {
      throw new IllegalArgumentException("--max-payload-bytes must be positive, got " + maxPayloadBytes);
    }
    HtmlFolderExtractor extractor = new HtmlFolderExtractor(new ExtractOptions(maxPayloadBytes), new JsoupMainTextExtractor());
    HtmlFolderExtractor.Summary s;
    try {
      s = extractor.run(inputDir, outputDir, line -> System.err.println("extract-html: failed: " + line));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.out.println("extract-html: files=" + s.files() + " non-empty=" + s.nonEmpty() + " failed=" + s.failed()
        + " -> " + outputDir);
    return 0;
  }
}
