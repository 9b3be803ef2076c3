package org.curate.extract.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Removes HTTP/1.1 chunked transfer coding. Chunk extensions and trailer headers are skipped; a
 * body cut off inside a chunk ends early instead of failing, since archived bodies are often
 * truncated by the crawler on purpose.
 */
public final class ChunkedInputStream extends InputStream {
  private final InputStream in;
  private long remainingInChunk;
  private boolean finished;

  public ChunkedInputStream(InputStream in) {
    this.in = in;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (finished) {
      return -1;
    }
    if (remainingInChunk == 0 && !startNextChunk()) {
      return -1;
    }
    int n = in.read(buffer, offset, (int) Math.min(length, remainingInChunk));
    if (n < 0) {
      finished = true;
      return -1;
    }
    remainingInChunk -= n;
    if (remainingInChunk == 0) {
      readLine(); // the CRLF that ends the chunk data
    }
    return n;
  }

  private boolean startNextChunk() throws IOException {
    String line = readLine();
    while (line != null && line.isBlank()) {
      line = readLine();
    }
    if (line == null) {
      finished = true;
      return false;
    }
    long size = parseChunkSize(line);
    if (size == 0) {
      finished = true; // trailers, if any, follow; nothing of the body is left
      return false;
    }
    remainingInChunk = size;
    return true;
  }

  /** The size of a chunk-size line ({@code 1a3f;ext=1}); throws if the line is not one. */
  static long parseChunkSize(String line) throws IOException {
    String digits = line.trim();
    int semicolon = digits.indexOf(';');
    if (semicolon >= 0) {
      digits = digits.substring(0, semicolon).trim();
    }
    if (digits.isEmpty() || digits.length() > 15 || !digits.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      throw new IOException("invalid chunk size line: " + line);
    }
    return Long.parseLong(digits, 16);
  }

  /** Whether {@code head} (the first bytes of a body) starts with a chunk-size line. */
  public static boolean looksChunked(byte[] head, int length) {
    int end = 0;
    while (end < length && end < 64 && head[end] != '\n') {
      end++;
    }
    if (end >= length || head[end] != '\n') {
      return false;
    }
    String line = new String(head, 0, end, java.nio.charset.StandardCharsets.ISO_8859_1);
    try {
      parseChunkSize(line);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private String readLine() throws IOException {
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0) {
      if (c == '\n') {
        return line.toString();
      }
      if (c != '\r') {
        line.append((char) c);
      }
      if (line.length() > 8192) {
        throw new EOFException("chunk-size line too long");
      }
    }
    return line.length() == 0 ? null : line.toString();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
