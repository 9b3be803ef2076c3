package org.curate.extract.warc;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalLong;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.curate.extract.ByteSource;

/** Facts about the gzip members of a file, found without holding any member in memory. */
final class GzipMembers {
  private static final int FHCRC = 2;
  private static final int FEXTRA = 4;
  private static final int FNAME = 8;
  private static final int FCOMMENT = 16;

  private GzipMembers() {}

  static boolean startsWithMagic(ByteSource source, long offset) throws IOException {
    try (InputStream in = source.openAt(offset)) {
      return in.read() == 0x1f && in.read() == 0x8b;
    }
  }

  /**
   * The offset just past the first gzip member (after its 8-byte trailer), or empty when that
   * member is truncated or corrupt. Inflates the member once, streaming.
   */
  static OptionalLong firstMemberEnd(ByteSource source) throws IOException {
    try (InputStream raw = new BufferedInputStream(source.openAt(0), 1 << 16)) {
      long headerLength = skipHeader(raw);
      if (headerLength < 0) {
        return OptionalLong.empty();
      }
      Inflater inflater = new Inflater(true);
      try {
        byte[] in = new byte[1 << 16];
        byte[] out = new byte[1 << 16];
        long consumed = 0;
        while (!inflater.finished()) {
          if (inflater.needsInput()) {
            int n = raw.read(in);
            if (n < 0) {
              return OptionalLong.empty();
            }
            inflater.setInput(in, 0, n);
            consumed += n;
          }
          if (inflater.inflate(out) == 0 && inflater.needsDictionary()) {
            return OptionalLong.empty();
          }
        }
        long deflateEnd = headerLength + consumed - inflater.getRemaining();
        return OptionalLong.of(deflateEnd + 8);
      } catch (DataFormatException e) {
        return OptionalLong.empty();
      } finally {
        inflater.end();
      }
    }
  }

  /** Skips a gzip member header (RFC 1952) and returns its length, or -1 if it is not one. */
  private static long skipHeader(InputStream in) throws IOException {
    if (in.read() != 0x1f || in.read() != 0x8b || in.read() != 8) {
      return -1;
    }
    int flags = in.read();
    if (flags < 0 || in.skip(6) != 6) {
      return -1;
    }
    long length = 10;
    if ((flags & FEXTRA) != 0) {
      int lo = in.read();
      int hi = in.read();
      if (hi < 0) {
        return -1;
      }
      int extra = lo | (hi << 8);
      if (in.skip(extra) != extra) {
        return -1;
      }
      length += 2 + extra;
    }
    for (int flag : new int[] {FNAME, FCOMMENT}) {
      if ((flags & flag) != 0) {
        int c;
        do {
          c = in.read();
          length++;
        } while (c > 0);
        if (c < 0) {
          return -1;
        }
      }
    }
    if ((flags & FHCRC) != 0) {
      if (in.skip(2) != 2) {
        return -1;
      }
      length += 2;
    }
    return length;
  }
}
