package org.curate.extract;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

/** Bytes built in a test, as a {@link ByteSource}. */
public record InMemorySource(String name, byte[] bytes) implements ByteSource {
  @Override
  public long length() {
    return bytes.length;
  }

  @Override
  public InputStream openAt(long offset) {
    int start = (int) Math.min(offset, bytes.length);
    return new ByteArrayInputStream(bytes, start, bytes.length - start);
  }
}
