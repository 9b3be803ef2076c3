package org.curate.jobs.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Writes the small machine-readable files of a run (on any Hadoop filesystem): a stage's
 * {@code _stats.json}, and {@code report/stats.json} plus {@code report/index.html} for the run.
 */
public final class ReportWriter {
  public static final String STATS_FILE = "_stats.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private final Configuration conf;

  public ReportWriter(Configuration conf) {
    this.conf = conf;
  }

  public void writeStageStats(String stageDir, StageReport report) {
    write(new Path(stageDir, STATS_FILE), json(report));
  }

  /** Writes {@code report/stats.json} and {@code report/index.html}; returns the report folder. */
  public String writeRunReport(String runDir, List<StageReport> stages) {
    Path dir = new Path(runDir, "report");
    write(new Path(dir, "stats.json"), json(Map.of("stages", stages)));
    write(new Path(dir, "index.html"), HtmlReport.render(stages).getBytes(StandardCharsets.UTF_8));
    return dir.toString();
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
