package org.curate.extract;

import java.io.IOException;
import java.io.InputStream;

/**
 * A readable file of crawl data, on any filesystem. The extractor streams it and may reopen it
 * at a later offset to resynchronise after a broken record, so implementations must support
 * opening at an arbitrary byte offset without reading what comes before it.
 * Local files: {@link LocalFileSource}; Hadoop filesystems (hdfs:, s3a:) live in curation-jobs.
 */
public interface ByteSource {
  /** The name used in logs, reject listings and the {@code source} column: a path or URI. */
  String name();

  /** Total length in bytes. */
  long length() throws IOException;

  /** A fresh stream positioned at {@code offset}; the caller closes it. */
  InputStream openAt(long offset) throws IOException;
}
