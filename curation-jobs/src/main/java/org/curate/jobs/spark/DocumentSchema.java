package org.curate.jobs.spark;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The Parquet schema of documents between stages (documented in docs/ARCHITECTURE.md).
 * Stages after extract keep these columns and may add their own.
 */
public final class DocumentSchema {
  private DocumentSchema() {}

  public static final StructType SOURCE = new StructType(new StructField[] {
      field("file", StringType, true),
      field("offset", LongType, true)});

  /** Measures filters attached to a document (e.g. gopher_quality.word_count), for tuning thresholds. */
  public static final MapType TAGS = DataTypes.createMapType(StringType, DoubleType, true);

  public static final StructType DOCUMENT = new StructType(new StructField[] {
      field("id", StringType, false),
      field("url", StringType, true),
      field("host", StringType, true),
      field("warc_date", TimestampType, true),
      // the publication date the page declares (UTC), at most a day after warc_date; null when none or not HTML
      field("published", TimestampType, true),
      field("content_type", StringType, true),
      field("charset", StringType, true),
      field("http_status", IntegerType, true),
      field("lang", StringType, true),
      field("lang_score", DoubleType, true),
      // the language the page declares (<html lang>, meta), normalised (en, pt-br); a hint, apart from lang
      field("lang_hint", StringType, true),
      field("title", StringType, true),
      field("text", StringType, false),
      // article | fallback | document | plain-text (ExtractionMode); null for documents read from JSONL or older Parquet
      field("extraction_mode", StringType, true),
      field("source", SOURCE, true),
      field("tags", TAGS, true)});

  /** One row per input record of a stage that did not make it: why, and where it came from. */
  public static final StructType REJECT = new StructType(new StructField[] {
      field("id", StringType, true),
      field("url", StringType, true),
      field("source", SOURCE, true),
      field("outcome", StringType, false),
      field("reason", StringType, false),
      field("detail", StringType, true)});

  private static StructField field(String name, org.apache.spark.sql.types.DataType type, boolean nullable) {
    return new StructField(name, type, nullable, Metadata.empty());
  }

  /**
   * The internal per-record outcome rows of a stage: document columns (all nullable, since a
   * failed record may have no id or text) plus outcome ({@code kept|dropped|failed}), reason,
   * detail, and the change codes of rewrites applied to a kept document (e.g. {@code pii:email}).
   */
  public static final StructType OUTCOME = outcomeSchema();

  public static final String KEPT = "kept";
  public static final String DROPPED = "dropped";
  public static final String FAILED = "failed";

  private static StructType outcomeSchema() {
    StructType s = new StructType();
    for (StructField f : DOCUMENT.fields()) {
      s = s.add(f.name(), f.dataType(), true);
    }
    return s.add("outcome", StringType, false).add("reason", StringType, true).add("detail", StringType, true)
        .add("changes", DataTypes.createArrayType(StringType, false), true);
  }
}
