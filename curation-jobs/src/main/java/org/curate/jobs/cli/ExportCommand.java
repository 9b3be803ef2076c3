package org.curate.jobs.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "export", mixinStandardHelpOptions = true,
    description = {
        "Export a stage's Parquet output (or its _rejects/) to one JSON Lines file, for inspection and for tools that want JSONL. Rows are sorted by id so exports can be diffed. An output name ending in .gz is gzip-compressed.",
        ""})
public final class ExportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin SparkOptions spark;

  @Option(names = "--input", paramLabel = "PATH", arity = "1..*", required = true,
      description = "Parquet directories or files written by a stage.")
  List<String> inputs;

  @Option(names = "--output", paramLabel = "FILE", required = true, description = "The JSONL file to write.")
  String output;

  @Option(names = "--limit", paramLabel = "N", description = "Export at most N rows (default: all).")
  Long limit;

  @Override
  public Integer call() {
    if (limit != null && limit < 0) {
      throw new ParameterException(spec.commandLine(), "--limit must be >= 0");
    }
    SparkSession session = spark.session("curate export");
    Dataset<Row> rows = session.read().parquet(inputs.toArray(String[]::new));
    if (List.of(rows.columns()).contains("id")) {
      rows = rows.orderBy("id");
    }
    if (limit != null) {
      rows = rows.limit(limit.intValue());
    }
    long n = 0;
    Path path = new Path(output);
    try {
      FileSystem fs = path.getFileSystem(session.sparkContext().hadoopConfiguration());
      OutputStream raw = fs.create(path, true);
      OutputStream stream = output.endsWith(".gz") ? new GZIPOutputStream(raw, 1 << 16) : raw;
      try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16)) {
        for (Iterator<Row> it = rows.toLocalIterator(); it.hasNext(); n++) {
          out.write(it.next().json());
          out.write('\n');
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + output + ": " + e.getMessage(), e);
    }
    System.out.println("export: " + n + " rows -> " + output);
    return 0;
  }
}
