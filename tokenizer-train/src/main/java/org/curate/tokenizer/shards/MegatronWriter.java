package org.curate.tokenizer.shards;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes one Megatron-LM indexed dataset ({@code PREFIX.bin} + {@code PREFIX.idx}), the layout of
 * {@code megatron/core/datasets/indexed_dataset.py}: {@code .bin} is every sequence's tokens
 * concatenated, little-endian, in the index dtype (uint16 when the vocabulary has at most 65,536
 * ids, else int32); {@code .idx} is the header {@code MMIDIDX\0\0}, version u64 = 1, dtype code u8
 * (8 = uint16, 4 = int32), sequence count u64, document count u64 (documents + 1), then int32
 * sequence lengths, int64 byte pointers into {@code .bin}, and int64 document indices. One
 * sequence per document.
 */
public final class MegatronWriter implements AutoCloseable {
  public static final byte[] MAGIC = {'M', 'M', 'I', 'D', 'I', 'D', 'X', 0, 0};
  public static final int DTYPE_INT32 = 4;
  public static final int DTYPE_UINT16 = 8;

  private final OutputStream bin;
  private final OutputStream idx;
  private final int dtype;
  private final int itemSize;
  private int[] lengths = new int[1024];
  private int sequences;
  private long tokens;
  private final byte[] buf = new byte[1 << 16];
  private boolean closed;

  public MegatronWriter(OutputStream bin, OutputStream idx, int vocabSize) {
    this.bin = new BufferedOutputStream(bin, 1 << 16);
    this.idx = idx;
    this.dtype = dtypeFor(vocabSize);
    this.itemSize = dtype == DTYPE_UINT16 ? 2 : 4;
  }

  public static int dtypeFor(int vocabSize) {
    return vocabSize <= 65_536 ? DTYPE_UINT16 : DTYPE_INT32;
  }

  public static int itemSize(int dtype) {
    return switch (dtype) {
      case DTYPE_UINT16 -> 2;
      case DTYPE_INT32 -> 4;
      default -> throw new IllegalArgumentException("unsupported Megatron dtype code " + dtype);
    };
  }

  /** Appends one document (one sequence) of {@code ids[from..to)}. */
  public void add(int[] ids, int from, int to) throws IOException {
    if (sequences == lengths.length) {
      lengths = java.util.Arrays.copyOf(lengths, sequences * 2);
    }
    lengths[sequences++] = to - from;
    tokens += to - from;
    int n = 0;
    for (int i = from; i < to; i++) {
      int v = ids[i];
      if (itemSize == 2) {
        if (v < 0 || v > 0xFFFF) {
          throw new IllegalArgumentException("token id " + v + " does not fit uint16");
        }
        buf[n++] = (byte) v;
        buf[n++] = (byte) (v >>> 8);
      } else {
        buf[n++] = (byte) v;
        buf[n++] = (byte) (v >>> 8);
        buf[n++] = (byte) (v >>> 16);
        buf[n++] = (byte) (v >>> 24);
      }
      if (n > buf.length - 4) {
        bin.write(buf, 0, n);
        n = 0;
      }
    }
    bin.write(buf, 0, n);
  }

  public int sequences() {
    return sequences;
  }

  public long tokens() {
    return tokens;
  }

  public long binBytes() {
    return tokens * itemSize;
  }

  /** The size of the index this writer will write. */
  public long idxBytes() {
    return 34L + 12L * sequences + 8L * (sequences + 1);
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    bin.close();
    ByteBuffer b = ByteBuffer.allocate((int) idxBytes()).order(ByteOrder.LITTLE_ENDIAN);
    b.put(MAGIC).putLong(1L).put((byte) dtype).putLong(sequences).putLong(sequences + 1L);
    for (int i = 0; i < sequences; i++) {
      b.putInt(lengths[i]);
    }
    long pointer = 0;
    for (int i = 0; i < sequences; i++) {
      b.putLong(pointer);
      pointer += (long) lengths[i] * itemSize;
    }
    for (long d = 0; d <= sequences; d++) {
      b.putLong(d);
    }
    idx.write(b.array());
    idx.close();
  }
}
