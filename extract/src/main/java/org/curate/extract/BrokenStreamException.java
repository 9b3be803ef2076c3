package org.curate.extract;

import java.io.IOException;

/** The crawl file broke while a record's content was being read (e.g. gzip ends mid-record). */
final class BrokenStreamException extends Exception {
  BrokenStreamException(IOException cause) {
    super(cause);
  }
}
