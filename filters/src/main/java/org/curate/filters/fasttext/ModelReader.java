package org.curate.filters.fasttext;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Sequential reader of a fastText model file. fastText writes its structs with raw
 * {@code ostream::write} on x86, so every number is little-endian; strings are NUL-terminated.
 * Every read checks the remaining length so a truncated file fails with the offset, not garbage.
 */
final class ModelReader {
  private final Path path;
  private final ByteBuffer buffer;

  private ModelReader(Path path, ByteBuffer buffer) {
    this.path = path;
    this.buffer = buffer.order(ByteOrder.LITTLE_ENDIAN);
  }

  static ModelReader open(Path path) throws IOException {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      if (channel.size() > Integer.MAX_VALUE) {
        throw new IOException(path + ": model files over 2 GiB are not supported");
      }
      return new ModelReader(path, channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size()));
    }
  }

  int readInt() throws IOException {
    need(4, "int32");
    return buffer.getInt();
  }

  long readLong() throws IOException {
    need(8, "int64");
    return buffer.getLong();
  }

  double readDouble() throws IOException {
    need(8, "double");
    return buffer.getDouble();
  }

  byte readByte() throws IOException {
    need(1, "int8");
    return buffer.get();
  }

  boolean readBool() throws IOException {
    return readByte() != 0;
  }

  void readBytes(byte[] into) throws IOException {
    need(into.length, "byte[" + into.length + "]");
    buffer.get(into);
  }

  float[] readFloats(long count) throws IOException {
    if (count < 0 || count > Integer.MAX_VALUE - 8) {
      throw corrupt("float array of " + count + " elements");
    }
    need(count * 4L, "float[" + count + "]");
    float[] out = new float[(int) count];
    buffer.asFloatBuffer().get(out);
    buffer.position(buffer.position() + out.length * 4);
    return out;
  }

  /** The bytes of a NUL-terminated string, without the terminator. */
  byte[] readCString() throws IOException {
    int start = buffer.position();
    int end = start;
    while (end < buffer.limit() && buffer.get(end) != 0) {
      end++;
    }
    if (end == buffer.limit()) {
      throw corrupt("unterminated string");
    }
    byte[] out = new byte[end - start];
    buffer.get(out);
    buffer.get(); // the NUL
    return out;
  }

  static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  int position() {
    return buffer.position();
  }

  int remaining() {
    return buffer.remaining();
  }

  IOException corrupt(String what) {
    return new IOException(path + ": not a valid fastText model (" + what + " at byte " + buffer.position() + ")");
  }

  private void need(long bytes, String what) throws IOException {
    if (bytes > buffer.remaining()) {
      throw corrupt("file ends before " + what);
    }
  }
}
