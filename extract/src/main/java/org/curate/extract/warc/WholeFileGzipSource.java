package org.curate.extract.warc;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.curate.extract.ByteSource;

/**
 * The decompressed bytes of a file compressed as one gzip stream, seen as a {@link ByteSource} so
 * that resynchronisation can work on record boundaries inside it. Opening at an offset inflates
 * from the start and discards what comes before; that is slow, but only happens on resync.
 */
final class WholeFileGzipSource implements ByteSource {
  private final ByteSource compressed;

  WholeFileGzipSource(ByteSource compressed) {
    this.compressed = compressed;
  }

  @Override
  public String name() {
    return compressed.name();
  }

  @Override
  public long length() {
    return Long.MAX_VALUE; // unknown without inflating everything
  }

  @Override
  public InputStream openAt(long offset) throws IOException {
    InputStream in = new GZIPInputStream(compressed.openAt(0), 1 << 16);
    try {
      in.skipNBytes(offset);
      return in;
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }
}
