package org.curate.filters.fasttext;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a dense supervised model in fastText's {@code .bin} format, version 12, the layout
 * {@link FastTextModel#load} reads and {@code fasttext predict} loads: magic, version, the 12 int
 * arguments and the sampling threshold, the dictionary (size, nwords, nlabels, ntokens,
 * pruneidx_size -1, then per entry the NUL-terminated word, int64 count, int8 type), a false
 * quantization flag and the input matrix (int64 rows, int64 cols, floats), a false flag and the
 * output matrix. Little-endian throughout. The file is written next to the target and renamed.
 */
public final class ModelWriter {
  private ModelWriter() {}

  public static void write(FastTextModel model, Path path) throws IOException {
    if (model.quantized() || !(model.input() instanceof DenseMatrix input)
        || !(model.output() instanceof DenseMatrix output)) {
      throw new IllegalArgumentException("only dense (unquantized) models can be written");
    }
    FastTextDictionary dict = model.dictionary();
    if (dict.prunedBuckets()) {
      throw new IllegalArgumentException("pruned dictionaries belong to quantized models and are not written");
    }
    Path parent = path.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempFile(parent, path.getFileName().toString(), ".tmp");
    try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
      LittleEndian out = new LittleEndian(os);
      out.writeInt(FastTextModel.MAGIC);
      out.writeInt(FastTextModel.VERSION);
      FastTextArgs a = model.args();
      for (int v : new int[] {a.dim(), a.ws(), a.epoch(), a.minCount(), a.neg(), a.wordNgrams(), a.loss().code(),
          a.model().code(), a.bucket(), a.minn(), a.maxn(), a.lrUpdateRate()}) {
        out.writeInt(v);
      }
      out.writeDouble(a.samplingThreshold());
      out.writeInt(dict.size());
      out.writeInt(dict.nwords());
      out.writeInt(dict.nlabels());
      out.writeLong(dict.ntokens());
      out.writeLong(-1); // pruneidx_size: not pruned
      for (int id = 0; id < dict.size(); id++) {
        byte[] e = dict.entry(id);
        for (byte b : e) {
          if (b == 0) {
            throw new IllegalArgumentException("dictionary entry " + id + " contains a NUL byte");
          }
        }
        out.write(e);
        out.writeByte(0);
        out.writeLong(dict.count(id));
        out.writeByte(dict.isLabelEntry(id) ? 1 : 0);
      }
      writeMatrix(out, input);
      writeMatrix(out, output);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void writeMatrix(LittleEndian out, DenseMatrix m) throws IOException {
    out.writeByte(0); // not quantized
    out.writeLong(m.rows());
    out.writeLong(m.cols());
    out.writeFloats(m.data());
  }

  /** A small little-endian writer over a buffered stream. */
  private static final class LittleEndian {
    private final OutputStream os;
    private final ByteBuffer scratch = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);

    LittleEndian(OutputStream os) {
      this.os = os;
    }

    void writeByte(int b) throws IOException {
      os.write(b);
    }

    void write(byte[] bytes) throws IOException {
      os.write(bytes);
    }

    void writeInt(int v) throws IOException {
      scratch.clear();
      scratch.putInt(v);
      os.write(scratch.array(), 0, 4);
    }

    void writeLong(long v) throws IOException {
      scratch.clear();
      scratch.putLong(v);
      os.write(scratch.array(), 0, 8);
    }

    void writeDouble(double v) throws IOException {
      scratch.clear();
      scratch.putDouble(v);
      os.write(scratch.array(), 0, 8);
    }

    void writeFloats(float[] data) throws IOException {
      int perChunk = scratch.capacity() / 4;
      for (int off = 0; off < data.length; off += perChunk) {
        int n = Math.min(perChunk, data.length - off);
        scratch.clear();
        scratch.asFloatBuffer().put(data, off, n);
        os.write(scratch.array(), 0, n * 4);
      }
    }
  }
}
