package org.curate.extract.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Bytes read from a stream up to a limit. Reading stops at limit + 1 bytes so that an oversized
 * payload is recognised without ever being held whole.
 */
public record BoundedBytes(byte[] bytes, int length, boolean overLimit, boolean cutShort) {

  /**
   * Reads {@code in} to its end or past {@code limit}. With {@code tolerateEof}, an
   * {@link EOFException} (a compressed stream that ends early) keeps what was read and sets
   * {@code cutShort}; otherwise it propagates.
   */
  public static BoundedBytes read(InputStream in, long limit, boolean tolerateEof) throws IOException {
    int cap = (int) Math.min(Integer.MAX_VALUE - 16, limit + 1);
    byte[] buffer = new byte[Math.min(cap, 8192)];
    int length = 0;
    try {
      while (length < cap) {
        if (length == buffer.length) {
          buffer = Arrays.copyOf(buffer, (int) Math.min(cap, (long) buffer.length * 2));
        }
        int n = in.read(buffer, length, buffer.length - length);
        if (n < 0) {
          break;
        }
        length += n;
      }
    } catch (EOFException e) {
      if (!tolerateEof) {
        throw e;
      }
      return new BoundedBytes(buffer, length, false, true);
    }
    return new BoundedBytes(buffer, Math.min(length, cap), length > limit, false);
  }
}
