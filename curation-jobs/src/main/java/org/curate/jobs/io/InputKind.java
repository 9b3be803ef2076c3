package org.curate.jobs.io;

import java.util.Locale;

/** What an input path holds, decided by name; crawl files are sniffed by content later. */
public enum InputKind {
  /** WARC, ARC or WET, plain or gzip (any other file name is tried as a crawl file too). */
  CRAWL,
  /** A Parquet file, or a directory of them written by a stage. */
  PARQUET,
  /** JSON Lines with a {@code text} field and optional {@code id}, {@code url}, {@code lang}; may be gzip. */
  JSONL;

  static InputKind ofFileName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith(".parquet")) {
      return PARQUET;
    }
    for (String ext : new String[] {".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", ".json", ".json.gz"}) {
      if (n.endsWith(ext)) {
        return JSONL;
      }
    }
    return CRAWL;
  }
}
