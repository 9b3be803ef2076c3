package org.curate.jobs.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.curate.filters.FilterRegistry;
import org.curate.jobs.filter.FilterConfig;
import org.curate.jobs.filter.FilterStage;
import org.curate.jobs.filter.FilterSpec;
import org.curate.jobs.spark.Stage;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.curate.jobs.report.StageReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "filter", mixinStandardHelpOptions = true,
    description = {
        "Filter documents with a chain of filters (language, quality heuristics, URL and word-list safety, PII redaction); every drop is counted under the filter's reason code, every rewrite under its change code.",
        "",
        "Inputs: a stage's Parquet output (usually extract/), JSONL, or crawl files (extracted on the fly).",
        "",
        "Output: OUTPUT/*.parquet (kept documents, with lang, lang_score and the filters' measures in the tags column), OUTPUT/_rejects/, OUTPUT/_stats.json.",
        "",
        "The chain: --filters FILE (YAML, see docs/ARCHITECTURE.md), else the built-in default chain (print it with --print-default-config).",
        ""})
public final class FilterCommand implements Callable<Integer>, StageCommand {
  static final String DEFAULT_CONFIG = "/org/curate/jobs/filter/default-filters.yaml";

  @Mixin InputOutputOptions io;
  @Mixin SparkOptions spark;

  @Option(names = "--filters", paramLabel = "FILE", description = "The filter chain (YAML).")
  Path filters;

  private FilterConfig inlineChain;

  @Option(names = "--list-filters", description = "Print the names of the available filters and exit.")
  boolean listFilters;

  @Option(names = "--print-default-config", description = "Print the built-in default chain and exit.")
  boolean printDefault;

  @Override
  public Integer call() throws IOException {
    if (listFilters) {
      new FilterRegistry().names().forEach(System.out::println);
      return 0;
    }
    if (printDefault) {
      try (InputStream in = FilterCommand.class.getResourceAsStream(DEFAULT_CONFIG)) {
        System.out.print(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
      }
      return 0;
    }
    io.requireInput();
    Stage stage = stage();
    SparkSession session = spark.session("curate filter");
    StageReport report = StageRunner.run(session, stage, io.inputs(), io.output());
    System.out.println("filter: in=" + report.in() + " out=" + report.out() + " dropped=" + report.dropped()
        + " failed=" + report.failed() + " changed=" + report.changed() + " -> " + io.output());
    return 0;
  }

  /** Uses {@code chain} instead of {@code --filters} (a pipeline config's inline chain). */
  public void useChain(FilterConfig chain) {
    this.inlineChain = chain;
  }

  @Override
  public Stage stage() {
    return new FilterStage(inlineChain != null ? inlineChain : config(filters));
  }

  @Override
  public List<Path> referencedFiles() {
    List<Path> files = new ArrayList<>();
    if (filters != null) {
      files.add(filters);
    }
    FilterConfig chain = inlineChain != null ? inlineChain : config(filters);
    for (FilterSpec spec : chain.filters()) {
      for (Object value : spec.params().values()) {
        for (Object item : value instanceof List<?> list ? list : List.of(value)) {
          if (item instanceof String s && !s.contains("://") && Files.exists(Path.of(s))) {
            files.add(Path.of(s));
          }
        }
      }
    }
    return files;
  }

  /** The chain from {@code file}, or the built-in default when null. */
  static FilterConfig config(Path file) {
    if (file != null) {
      return FilterConfig.load(file);
    }
    try (InputStream in = FilterCommand.class.getResourceAsStream(DEFAULT_CONFIG)) {
      return FilterConfig.parse(in, null, "built-in default-filters.yaml");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
