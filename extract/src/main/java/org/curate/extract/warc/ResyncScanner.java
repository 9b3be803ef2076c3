package org.curate.extract.warc;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.curate.extract.ByteSource;

/** Finds where a record could start after a broken one: the candidates a resync then tries. */
final class ResyncScanner {
  private static final int MAX_LINE = 4096;
  /** ARC v1/v2 header line: URL, IP, 14-digit date, content type, then (last) the length. */
  private static final Pattern ARC_HEADER =
      Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:\\S+ \\S+ \\d{12,14} .*\\d+\\r?");

  /**
   * A candidate offset, and whether only whitespace or NUL padding (nothing lost) precedes it from
   * the scan start: the same bytes {@link #onlyPaddingFrom} accepts at the end of a file.
   */
  record Candidate(long offset, boolean onlyWhitespaceBefore) {}

  private ResyncScanner() {}

  /** The next offset at or after {@code from} holding gzip magic with deflate method (1f 8b 08); -1 if none. */
  static long nextGzipMember(ByteSource source, long from) throws IOException {
    try (InputStream in = new BufferedInputStream(source.openAt(from), 1 << 16)) {
      long position = from;
      int a = -1;
      int b = -1;
      int c;
      while ((c = in.read()) >= 0) {
        if (a == 0x1f && b == 0x8b && c == 0x08) {
          return position - 2;
        }
        a = b;
        b = c;
        position++;
      }
      return -1;
    }
  }

  /**
   * The next line start at or after {@code from} that begins a WARC header ({@code WARC/}) or an
   * ARC header line; null if none before the end.
   */
  static Candidate nextHeaderLine(ByteSource source, long from) throws IOException {
    long start = Math.max(0, from - 1);
    try (InputStream in = new BufferedInputStream(source.openAt(start), 1 << 16)) {
      long position = start;
      boolean lineStart = from == 0;
      boolean whitespaceOnly = true;
      if (from > 0) {
        int previous = in.read();
        if (previous < 0) {
          return null;
        }
        lineStart = previous == '\n';
        position++;
      }
      byte[] line = new byte[MAX_LINE];
      while (true) {
        long lineOffset = position;
        int length = 0;
        int c;
        boolean sawByte = false;
        while ((c = in.read()) >= 0) {
          sawByte = true;
          position++;
          if (length < MAX_LINE) {
            line[length++] = (byte) c;
          }
          if (c == '\n') {
            break;
          }
        }
        if (!sawByte) {
          return null;
        }
        if (lineStart && isHeaderLine(line, length)) {
          return new Candidate(lineOffset, whitespaceOnly);
        }
        if (whitespaceOnly && !isBlank(line, length)) {
          whitespaceOnly = false;
        }
        lineStart = c == '\n';
      }
    }
  }

  static boolean isHeaderLine(byte[] line, int length) {
    String text = new String(line, 0, Math.min(length, 512), StandardCharsets.ISO_8859_1).stripTrailing();
    return text.startsWith("WARC/") || ARC_HEADER.matcher(text).matches();
  }

  private static boolean isBlank(byte[] line, int length) {
    for (int i = 0; i < length; i++) {
      if (line[i] != '\r' && line[i] != '\n' && line[i] != ' ' && line[i] != '\t' && line[i] != 0) {
        return false;
      }
    }
    return true;
  }

  /** Whether everything from {@code from} to the end is whitespace or NUL padding (at most 64 KiB checked). */
  static boolean onlyPaddingFrom(ByteSource source, long from) throws IOException {
    try (InputStream in = new BufferedInputStream(source.openAt(from))) {
      int c;
      int seen = 0;
      while ((c = in.read()) >= 0) {
        if (c != '\r' && c != '\n' && c != ' ' && c != '\t' && c != 0) {
          return false;
        }
        if (++seen > 65536) {
          return false;
        }
      }
      return true;
    }
  }
}
