package org.curate.jobs.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Expands {@code --input} arguments (files, directories, globs, on any Hadoop filesystem) into
 * crawl files, Parquet datasets and JSONL files. A directory holding Parquet files (a stage's
 * output) is one Parquet dataset; any other directory is listed recursively. Hidden entries
 * ({@code _x}, {@code .x}) are skipped, as Spark does. A path that matches nothing is an error
 * raised before any Spark work starts.
 */
public final class InputResolver {
  private final Configuration conf;

  public InputResolver(Configuration conf) {
    this.conf = conf;
  }

  public ResolvedInputs resolve(List<String> inputs) {
    TreeSet<String> crawl = new TreeSet<>();
    TreeSet<String> parquet = new TreeSet<>();
    TreeSet<String> jsonl = new TreeSet<>();
    for (String input : inputs) {
      try {
        Path pattern = new Path(input);
        FileSystem fs = pattern.getFileSystem(conf);
        FileStatus[] matches = fs.globStatus(pattern);
        if (matches == null || matches.length == 0) {
          throw new InputException("input not found: " + input);
        }
        for (FileStatus match : matches) {
          if (match.isDirectory()) {
            addDirectory(fs, match.getPath(), crawl, parquet, jsonl);
          } else {
            add(match.getPath(), crawl, parquet, jsonl);
          }
        }
      } catch (IOException e) {
        throw new InputException("cannot list input " + input + ": " + e.getMessage(), e);
      }
    }
    return new ResolvedInputs(new ArrayList<>(crawl), new ArrayList<>(parquet), new ArrayList<>(jsonl));
  }

  private void addDirectory(FileSystem fs, Path dir, TreeSet<String> crawl, TreeSet<String> parquet,
      TreeSet<String> jsonl) throws IOException {
    if (isParquetDataset(fs, dir)) {
      parquet.add(dir.toString());
      return;
    }
    RemoteIterator<LocatedFileStatus> files = fs.listFiles(dir, true);
    while (files.hasNext()) {
      LocatedFileStatus file = files.next();
      if (!isHidden(dir, file.getPath())) {
        add(file.getPath(), crawl, parquet, jsonl);
      }
    }
  }

  private static boolean isParquetDataset(FileSystem fs, Path dir) throws IOException {
    for (FileStatus child : fs.listStatus(dir)) {
      String name = child.getPath().getName();
      if (name.equals("_SUCCESS") || (child.isFile() && name.endsWith(".parquet"))) {
        return true;
      }
    }
    return false;
  }

  /** Hidden if any path component below the listed directory starts with '_' or '.'. */
  private static boolean isHidden(Path root, Path file) {
    for (Path p = file; p != null && !p.equals(root) && p.depth() > root.depth(); p = p.getParent()) {
      String name = p.getName();
      if (name.startsWith("_") || name.startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static void add(Path file, TreeSet<String> crawl, TreeSet<String> parquet, TreeSet<String> jsonl) {
    switch (InputKind.ofFileName(file.getName())) {
      case PARQUET -> parquet.add(file.toString());
      case JSONL -> jsonl.add(file.toString());
      case CRAWL -> crawl.add(file.toString());
    }
  }

  /** A bad {@code --input}: the message names the path; the CLI reports it and exits with status 2. */
  public static final class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InputException(String message) {
      super(message);
    }

    public InputException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
