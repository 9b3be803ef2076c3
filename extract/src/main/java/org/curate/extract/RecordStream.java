package org.curate.extract;

import java.util.Iterator;

/** The records of one crawl file, one {@link RecordResult} each, streamed; close when done. */
public interface RecordStream extends Iterator<RecordResult>, AutoCloseable {
  @Override
  void close();
}
