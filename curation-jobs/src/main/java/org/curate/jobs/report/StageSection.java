package org.curate.jobs.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Builds and writes a stage's {@code _report.json} section (title, metrics, tables, tokens), the
 * contract {@link ReportBuilder} reads; one writer so every stage's section has the same shape.
 */
public final class StageSection {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private final Map<String, Object> root = new LinkedHashMap<>();
  private final Map<String, Object> metrics = new LinkedHashMap<>();
  private final List<Object> tables = new java.util.ArrayList<>();

  public StageSection(String title) {
    root.put("title", title);
  }

  public StageSection metric(String name, Object value) {
    metrics.put(name, value);
    return this;
  }

  public StageSection table(String title, List<String> columns, List<List<Object>> rows) {
    // An ordered map: Map.of iterates in a per-JVM random order, and _report.json must come out the same every run.
    Map<String, Object> table = new LinkedHashMap<>();
    table.put("title", title);
    table.put("columns", columns);
    table.put("rows", rows);
    tables.add(table);
    return this;
  }

  public StageSection tokens(long tokens) {
    root.put("funnel", Map.of("tokens", tokens));
    return this;
  }

  public void write(Configuration conf, String stageDir) {
    Path path = new Path(stageDir, ReportBuilder.SECTION_FILE);
    Map<String, Object> out = new LinkedHashMap<>(root);
    out.put("metrics", metrics);
    out.put("tables", tables);
    try {
      FileSystem fs = path.getFileSystem(conf);
      try (OutputStream o = fs.create(path, true)) {
        o.write(JSON.writeValueAsBytes(out));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }
}
