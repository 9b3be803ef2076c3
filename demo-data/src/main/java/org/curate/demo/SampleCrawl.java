package org.curate.demo;

import java.nio.file.Path;

/** TEMPORARY stub (not committed). */
public final class SampleCrawl {
  public static final String WARC_FILE_NAME = "sample-crawl.warc.gz";

  public static Object write(Path warc, Path benchmarks) {
    throw new UnsupportedOperationException();
  }
}
