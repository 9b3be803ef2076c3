package org.curate.tokenizer.shards;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A parsed and checked {@code .idx} file. {@link #parse} rejects a bad magic or version, an
 * unknown dtype, a size that does not match the counts, pointers that are not the running sum
 * of lengths, and document indices that do not start at 0, rise, and end at the sequence count.
 */
public record MegatronIndex(int dtype, int[] lengths, long[] pointers, long[] documentIndices) {

  public int itemSize() {
    return MegatronWriter.itemSize(dtype);
  }

  public int sequences() {
    return lengths.length;
  }

  public long tokens() {
    long t = 0;
    for (int l : lengths) {
      t += l;
    }
    return t;
  }

  /** The size the matching {@code .bin} must have. */
  public long expectedBinBytes() {
    return tokens() * itemSize();
  }

  public static MegatronIndex parse(byte[] bytes) {
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    if (bytes.length < 34) {
      throw new IllegalArgumentException("idx too short: " + bytes.length + " bytes");
    }
    byte[] magic = new byte[9];
    b.get(magic);
    if (!Arrays.equals(magic, MegatronWriter.MAGIC)) {
      throw new IllegalArgumentException("bad idx magic");
    }
    long version = b.getLong();
    if (version != 1) {
      throw new IllegalArgumentException("unsupported idx version " + version);
    }
    int dtype = b.get();
    MegatronWriter.itemSize(dtype);
    long s = b.getLong();
    long d = b.getLong();
    long expected = 34 + 12 * s + 8 * d;
    if (s < 0 || d < 1 || (bytes.length != expected && bytes.length != expected + s)) {
      throw new IllegalArgumentException("idx size " + bytes.length + " does not match " + s + " sequences and "
          + d + " document indices (" + expected + " bytes)");
    }
    int[] lengths = new int[(int) s];
    long[] pointers = new long[(int) s];
    long[] docs = new long[(int) d];
    for (int i = 0; i < s; i++) {
      lengths[i] = b.getInt();
      if (lengths[i] < 0) {
        throw new IllegalArgumentException("negative sequence length at " + i);
      }
    }
    long running = 0;
    int item = MegatronWriter.itemSize(dtype);
    for (int i = 0; i < s; i++) {
      pointers[i] = b.getLong();
      if (pointers[i] != running) {
        throw new IllegalArgumentException("sequence pointer " + i + " is " + pointers[i] + ", expected " + running);
      }
      running += (long) lengths[i] * item;
    }
    for (int i = 0; i < d; i++) {
      docs[i] = b.getLong();
      if ((i == 0 && docs[i] != 0) || (i > 0 && docs[i] < docs[i - 1])) {
        throw new IllegalArgumentException("document indices must start at 0 and not decrease (at " + i + ")");
      }
    }
    if (docs[(int) d - 1] != s) {
      throw new IllegalArgumentException("last document index " + docs[(int) d - 1] + " != sequence count " + s);
    }
    return new MegatronIndex(dtype, lengths, pointers, docs);
  }

  /** The tokens of sequence {@code i}, read from the whole {@code .bin} contents. */
  public int[] sequence(byte[] bin, int i) {
    return decode(bin, (int) pointers[i], lengths[i]);
  }

  /** {@code count} tokens of this index's dtype starting at byte {@code offset} of {@code bin}. */
  public int[] decode(byte[] bin, int offset, int count) {
    ByteBuffer b = ByteBuffer.wrap(bin, offset, count * itemSize()).order(ByteOrder.LITTLE_ENDIAN);
    int[] out = new int[count];
    for (int k = 0; k < count; k++) {
      out[k] = itemSize() == 2 ? Short.toUnsignedInt(b.getShort()) : b.getInt();
    }
    return out;
  }

  /** All sequences (tests, small shards). */
  public List<int[]> sequences(byte[] bin) {
    if (bin.length != expectedBinBytes()) {
      throw new IllegalArgumentException("bin has " + bin.length + " bytes, index says " + expectedBinBytes());
    }
    List<int[]> out = new ArrayList<>(lengths.length);
    for (int i = 0; i < lengths.length; i++) {
      out.add(sequence(bin, i));
    }
    return out;
  }
}
