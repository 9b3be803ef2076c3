package org.curate.jobs.dedup;

import java.nio.ByteBuffer;
import java.util.Iterator;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.curate.dedup.CompactShingles;
import org.curate.dedup.Fingerprint;
import org.curate.dedup.Fingerprinter;
import org.curate.dedup.MinHashParams;
import org.curate.dedup.ParagraphKeys;
import org.curate.dedup.UrlKey;

/**
 * Document rows {@code (_row, id, url, warc_date, text, score)} → the narrow fingerprint rows
 * every later dedup step works on, so that the texts are read once for all decisions and never
 * shuffled. {@code score} (double, nullable) is the survivor score, passed through;
 * {@code paragraphs} holds the document's distinct paragraph keys when paragraph dedup is on
 * (null otherwise). One
 * {@link Fingerprinter} per partition (it reuses buffers). Band keys and shingles are packed
 * into binary columns (big-endian longs and ints): flat bytes in Spark's rows, no per-value
 * boxing on the way in or out.
 */
final class FingerprintRows implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  static final StructType SCHEMA = new StructType()
      .add("_row", DataTypes.LongType, false)
      .add("id", DataTypes.StringType, true)
      .add("url_key", DataTypes.StringType, true)
      .add("warc_date", DataTypes.TimestampType, true)
      .add("length", DataTypes.IntegerType, false)
      .add("exact_hi", DataTypes.LongType, true)
      .add("exact_lo", DataTypes.LongType, true)
      .add("band_keys", DataTypes.BinaryType, false)
      .add("shingles", DataTypes.BinaryType, false)
      .add("score", DataTypes.DoubleType, true)
      .add("paragraphs", DataTypes.BinaryType, true);

  private final MinHashParams params;
  private final ParagraphKeys paragraphKeys;

  /** {@code paragraphKeys}: null when paragraph dedup is off. */
  FingerprintRows(MinHashParams params, ParagraphKeys paragraphKeys) {
    this.params = params;
    this.paragraphKeys = paragraphKeys;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    Fingerprinter fingerprinter = new Fingerprinter(params);
    UrlKey urlKey = new UrlKey();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public Row next() {
        Row r = rows.next();
        String text = r.getString(4);
        Fingerprint f = fingerprinter.fingerprint(text);
        return RowFactory.create(r.getLong(0), r.getString(1), urlKey.of(r.getString(2)), r.get(3),
            f.normalizedLength(), f.empty() ? null : f.exactHigh(), f.empty() ? null : f.exactLow(),
            packLongs(f.bandKeys()), CompactShingles.pack(f.shingles()), r.get(5),
            paragraphKeys == null ? null : packLongs(paragraphKeys.distinct(text)));
      }
    };
  }

  static byte[] packLongs(long[] values) {
    ByteBuffer out = ByteBuffer.allocate(values.length * 8);
    for (long v : values) {
      out.putLong(v);
    }
    return out.array();
  }
}
