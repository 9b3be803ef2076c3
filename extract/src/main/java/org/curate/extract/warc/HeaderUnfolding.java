package org.curate.extract.warc;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** Finds a record's header block and unfolds its continuation lines without changing its length. */
final class HeaderUnfolding {
  static final int MAX_HEADER_BYTES = 64 * 1024;

  private HeaderUnfolding() {}

  /**
   * The bytes of {@code in} up to and including the first empty line (CRLF CRLF or LF LF), or null
   * when there is none within {@link #MAX_HEADER_BYTES}.
   */
  static byte[] headerBlock(InputStream in) throws IOException {
    byte[] buffer = in.readNBytes(MAX_HEADER_BYTES);
    for (int i = 1; i < buffer.length; i++) {
      if (buffer[i] == '\n' && (buffer[i - 1] == '\n' || (i >= 3 && buffer[i - 1] == '\r' && buffer[i - 2] == '\n'))) {
        return Arrays.copyOf(buffer, i + 1);
      }
    }
    return null;
  }

  /**
   * Replaces every line break that is followed by a space or TAB (a folded header line) with
   * spaces, in place. Returns whether anything was unfolded.
   */
  static boolean unfoldInPlace(byte[] header) {
    boolean changed = false;
    // the last line break ends the block and is never followed by a continuation
    for (int i = 0; i + 1 < header.length - 2; i++) {
      if (header[i] == '\n' && (header[i + 1] == ' ' || header[i + 1] == '\t')) {
        header[i] = ' ';
        if (i > 0 && header[i - 1] == '\r') {
          header[i - 1] = ' ';
        }
        changed = true;
      }
    }
    return changed;
  }
}
