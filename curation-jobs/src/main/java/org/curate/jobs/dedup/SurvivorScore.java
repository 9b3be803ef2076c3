package org.curate.jobs.dedup;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_keys;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;

/**
 * The value {@link SurvivorChoice#BEST_SCORE} ranks by: a numeric document column (such as
 * {@code lang_score}) or a tag (the {@code tags} map, where filters write their measures, e.g.
 * {@code gopher_quality.word_count}, and model filters their scores, e.g.
 * {@code quality_model.demo.score}); {@code tags.KEY} names a tag explicitly. A missing or NaN
 * value is null, which ranks last.
 */
final class SurvivorScore {
  private static final String TAG_PREFIX = "tags.";

  private SurvivorScore() {}

  /**
   * The score as a double column of {@code documents} (outcome rows), or an
   * {@link IllegalArgumentException} naming the numeric columns and some tags present when
   * {@code name} is neither a numeric column nor a tag of any kept document. The tag check
   * reads the input until it finds one document with the tag.
   */
  static Column resolve(Dataset<Row> documents, String name) {
    String trimmed = name.trim();
    StructField field = Arrays.stream(documents.schema().fields())
        .filter(f -> f.name().equals(trimmed)).findFirst().orElse(null);
    if (field != null) {
      if (!(field.dataType() instanceof NumericType)) {
        throw new IllegalArgumentException("survivor score column '" + trimmed + "' is not numeric (" + field.dataType().simpleString() + ")");
      }
      return notNaN(col(trimmed).cast(DataTypes.DoubleType));
    }
    String tag = trimmed.startsWith(TAG_PREFIX) ? trimmed.substring(TAG_PREFIX.length()) : trimmed;
    Column value = notNaN(col("tags").getItem(tag));
    if (documents.filter(col("outcome").equalTo(org.curate.jobs.spark.DocumentSchema.KEPT).and(value.isNotNull())).isEmpty()) {
      List<String> tags = documents.select(explode(map_keys(col("tags"))).as("k")).distinct().orderBy("k").limit(20)
          .as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
      List<String> numeric = Arrays.stream(documents.schema().fields())
          .filter(f -> f.dataType() instanceof NumericType).map(StructField::name).toList();
      throw new IllegalArgumentException("survivor score column '" + trimmed + "' does not exist: no input document has"
          + " a numeric column or tag of that name (numeric columns: " + numeric + "; tags: " + (tags.isEmpty() ? "none" : tags) + ")");
    }
    return value;
  }

  private static Column notNaN(Column c) {
    return when(c.isNull().or(isnan(c)), lit(null).cast(DataTypes.DoubleType)).otherwise(c);
  }
}
