package org.curate.jobs.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Reads documents users already have: Parquet written by a stage (or anyone, with at least a
 * {@code text} column) and JSON Lines with {@code text} and optional {@code id}, {@code url},
 * {@code lang}, {@code title}. Both come out as outcome rows ({@link DocumentSchema#OUTCOME}):
 * a row without text is dropped as {@code input:no-text}; a JSONL line that is not JSON fails
 * as {@code input:malformed-json}. A missing id is derived from url and text, so it is stable.
 */
public final class DocumentInputs {
  private static final String CORRUPT = "_corrupt_record";

  private static final StructType JSONL = new StructType()
      .add("id", DataTypes.StringType)
      .add("url", DataTypes.StringType)
      .add("lang", DataTypes.StringType)
      .add("title", DataTypes.StringType)
      .add("text", DataTypes.StringType)
      .add(CORRUPT, DataTypes.StringType);

  private DocumentInputs() {}

  public static Dataset<Row> parquet(SparkSession spark, List<String> paths) {
    Dataset<Row> raw = spark.read().parquet(paths.toArray(String[]::new));
    return toOutcomes(raw, Set.of(raw.columns()), null);
  }

  public static Dataset<Row> jsonl(SparkSession spark, List<String> paths) {
    Dataset<Row> raw = spark.read().schema(JSONL).option("mode", "PERMISSIVE")
        .option("columnNameOfCorruptRecord", CORRUPT).json(paths.toArray(String[]::new));
    return toOutcomes(raw, Set.of(raw.columns()), col(CORRUPT).isNotNull());
  }

  private static Dataset<Row> toOutcomes(Dataset<Row> raw, Set<String> present, Column malformed) {
    List<Column> cols = new ArrayList<>();
    Column text = present.contains("text") ? col("text").cast(DataTypes.StringType) : lit(null).cast(DataTypes.StringType);
    Column url = present.contains("url") ? col("url").cast(DataTypes.StringType) : lit(null).cast(DataTypes.StringType);
    Column derivedId = substring(sha2(concat(coalesce(url, lit("")), lit("\n"), coalesce(text, lit(""))), 256), 1, 32);
    for (StructField f : DocumentSchema.DOCUMENT.fields()) {
      Column c;
      if (f.name().equals("id")) {
        c = present.contains("id") ? coalesce(col("id").cast(DataTypes.StringType), derivedId) : derivedId;
      } else if (present.contains(f.name()) && isCompatible(raw, f)) {
        c = col(f.name()).cast(f.dataType());
      } else {
        c = lit(null).cast(f.dataType());
      }
      cols.add(c.as(f.name()));
    }
    Column failed = malformed == null ? lit(false) : malformed;
    cols.add(when(failed, lit(DocumentSchema.FAILED)).when(text.isNull(), lit(DocumentSchema.DROPPED))
        .otherwise(lit(DocumentSchema.KEPT)).as("outcome"));
    cols.add(when(failed, lit("input:malformed-json")).when(text.isNull(), lit("input:no-text")).as("reason"));
    Column detail = malformed == null ? lit(null).cast(DataTypes.StringType) : when(failed, substring(col(CORRUPT), 1, 200));
    cols.add(detail.as("detail"));
    cols.add(lit(null).cast(DataTypes.createArrayType(DataTypes.StringType, false)).as("changes"));
    return raw.select(cols.toArray(Column[]::new));
  }

  /** Struct and map columns are taken only when their type matches ours; scalars are cast. */
  private static boolean isCompatible(Dataset<Row> raw, StructField wanted) {
    if (!(wanted.dataType() instanceof StructType) && !(wanted.dataType() instanceof org.apache.spark.sql.types.MapType)) {
      return true;
    }
    return Arrays.stream(raw.schema().fields())
        .anyMatch(f -> f.name().equals(wanted.name()) && sameShape(f.dataType(), wanted.dataType()));
  }

  /** Same type ignoring nullability (Parquet round trips make every field nullable). */
  private static boolean sameShape(org.apache.spark.sql.types.DataType a, org.apache.spark.sql.types.DataType b) {
    if (a instanceof StructType sa && b instanceof StructType sb) {
      if (sa.fields().length != sb.fields().length) {
        return false;
      }
      for (int i = 0; i < sa.fields().length; i++) {
        if (!sa.fields()[i].name().equals(sb.fields()[i].name())
            || !sameShape(sa.fields()[i].dataType(), sb.fields()[i].dataType())) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof org.apache.spark.sql.types.MapType ma && b instanceof org.apache.spark.sql.types.MapType mb) {
      return sameShape(ma.keyType(), mb.keyType()) && sameShape(ma.valueType(), mb.valueType());
    }
    return a.equals(b);
  }
}
