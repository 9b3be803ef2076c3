package org.curate.jobs.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.curate.jobs.report.ReportBuilder.Sample;
import org.curate.jobs.report.ReportData.CountRow;
import org.curate.jobs.report.ReportData.FunnelRow;
import org.curate.jobs.report.ReportData.PiiRow;

/**
 * Writes the small machine-readable files of a run (on any Hadoop filesystem): a stage's
 * {@code _stats.json}, and for the run the {@code report/} folder: {@code stats.json},
 * {@code index.html} and the exports a notebook reads without pyarrow ({@code funnel.csv},
 * {@code reasons.csv}, {@code languages.csv}, {@code pii.csv}, {@code histograms.csv},
 * {@code scores.csv}, {@code samples.jsonl}; columns in docs/ARCHITECTURE.md).
 */
public final class ReportWriter {
  public static final String STATS_FILE = "_stats.json";
  public static final String REPORT_DIR = "report";
  /** Pipeline order of the known stages, for finding a run's stages without its report/stats.json. */
  static final List<String> STAGE_ORDER = List.of("extract", "filter", "dedup", "decontaminate", "tokenizer-train",
      "tokenize");
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final ObjectMapper JSONL = new ObjectMapper();
  private final Configuration conf;

  public ReportWriter(Configuration conf) {
    this.conf = conf;
  }

  public void writeStageStats(String stageDir, StageReport report) {
    write(new Path(stageDir, STATS_FILE), json(report));
  }

  /** Builds and writes the run's report with the active Spark session and default options; returns the report folder. */
  public String writeRunReport(String runDir, List<StageReport> stages) {
    return writeRunReport(SparkSession.active(), runDir, stages, ReportBuilder.Options.defaults());
  }

  public String writeRunReport(SparkSession spark, String runDir, List<StageReport> stages, ReportBuilder.Options options) {
    ReportBuilder.Result result = new ReportBuilder(spark, options).build(runDir, stages);
    Path dir = new Path(runDir, REPORT_DIR);
    ReportData d = result.data();
    write(new Path(dir, "stats.json"), json(d));
    write(new Path(dir, "index.html"), HtmlReport.render(d, result.samples()).getBytes(StandardCharsets.UTF_8));

    StringBuilder funnel = new StringBuilder(Csv.row(List.of("stage", "documents", "bytes", "tokens", "percent_of_input")));
    for (FunnelRow f : d.funnel()) {
      funnel.append(Csv.row(java.util.Arrays.asList(f.stage(), f.documents(), f.bytes(), f.tokens(), f.percentOfInput())));
    }
    write(new Path(dir, "funnel.csv"), utf8(funnel));
    StringBuilder reasons = new StringBuilder(Csv.row(List.of("stage", "kind", "reason", "count", "percent")));
    for (List<CountRow> rows : List.of(d.reasons(), d.changes(), d.tagOnly())) {
      rows.forEach(r -> reasons.append(Csv.row(List.of(r.stage(), r.kind(), r.key(), r.count(), r.percent()))));
    }
    write(new Path(dir, "reasons.csv"), utf8(reasons));
    StringBuilder langs = new StringBuilder(Csv.row(List.of("stage", "lang", "documents", "percent")));
    d.languages().forEach(r -> langs.append(Csv.row(List.of(r.stage(), r.key(), r.count(), r.percent()))));
    write(new Path(dir, "languages.csv"), utf8(langs));
    StringBuilder pii = new StringBuilder(Csv.row(List.of("stage", "type", "documents", "hits")));
    for (PiiRow p : d.pii()) {
      pii.append(Csv.row(List.of(p.stage(), p.type(), p.documents(), p.hits())));
    }
    write(new Path(dir, "pii.csv"), utf8(pii));
    StringBuilder hist = new StringBuilder(Csv.row(List.of("stage", "metric", "scale", "bin", "lo", "hi", "count")));
    for (Histogram h : d.histograms()) {
      for (int i = 0; i < h.counts().size(); i++) {
        hist.append(Csv.row(List.of(h.stage(), h.metric(), h.scale(), i, h.edges().get(i), h.edges().get(i + 1),
            h.counts().get(i))));
      }
    }
    write(new Path(dir, "histograms.csv"), utf8(hist));
    StringBuilder scores = new StringBuilder(result.scoreColumns().isEmpty() ? ""
        : Csv.row(result.scoreColumns()));
    result.scoreRows().forEach(r -> scores.append(Csv.row(r)));
    write(new Path(dir, "scores.csv"), utf8(scores));
    StringBuilder samples = new StringBuilder();
    for (Sample s : result.samples()) {
      try {
        samples.append(JSONL.writeValueAsString(s)).append('\n');
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    write(new Path(dir, "samples.jsonl"), utf8(samples));
    return dir.toString();
  }

  /**
   * The stage reports of an existing run, from each stage's {@code _stats.json}: in the order of
   * {@code report/stats.json} when it exists, else every sub-folder holding a {@code _stats.json}
   * in pipeline order (unknown stages last, by name).
   */
  public List<StageReport> readStageReports(String runDir) {
    try {
      Path root = new Path(runDir);
      FileSystem fs = root.getFileSystem(conf);
      List<String> names = new ArrayList<>();
      Path previous = new Path(new Path(root, REPORT_DIR), "stats.json");
      if (fs.exists(previous)) {
        try (InputStream in = fs.open(previous)) {
          JSON.readTree(in).path("stages").forEach(s -> names.add(s.path("name").asText()));
        }
      }
      if (names.isEmpty()) {
        for (FileStatus st : fs.listStatus(root)) {
          if (st.isDirectory() && fs.exists(new Path(st.getPath(), STATS_FILE))) {
            names.add(st.getPath().getName());
          }
        }
        names.sort(Comparator.comparingInt((String n) -> STAGE_ORDER.contains(n) ? STAGE_ORDER.indexOf(n) : STAGE_ORDER.size())
            .thenComparing(Comparator.naturalOrder()));
      }
      List<StageReport> reports = new ArrayList<>();
      for (String name : names) {
        Path stats = new Path(new Path(root, name), STATS_FILE);
        if (!fs.exists(stats)) {
          throw new IllegalArgumentException("no " + STATS_FILE + " in " + new Path(root, name) + " (listed in report/stats.json)");
        }
        try (InputStream in = fs.open(stats)) {
          reports.add(JSON.readValue(in, StageReport.class));
        }
      }
      if (reports.isEmpty()) {
        throw new IllegalArgumentException("no stage folder with " + STATS_FILE + " under " + runDir);
      }
      return reports;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the stages of " + runDir, e);
    }
  }

  private static byte[] utf8(CharSequence s) {
    return s.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] json(Object value) {
    try {
      return (JSON.writeValueAsString(value) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void write(Path path, byte[] bytes) {
    try {
      FileSystem fs = path.getFileSystem(conf);
      try (FSDataOutputStream out = fs.create(path, true)) {
        ((OutputStream) out).write(bytes);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }
}
