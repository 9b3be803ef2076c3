package org.curate.jobs.dedup;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.negate;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.unix_micros;

import org.apache.spark.sql.Column;

/**
 * Which member of a duplicate group is kept. Each choice is a total order on documents (ties
 * broken by id, then by input row), so the survivor never depends on partitioning or timing: two
 * runs over the same input keep the same documents.
 */
public enum SurvivorChoice {
  /** Smallest document id: stable and needs no other column (the default). */
  LOWEST_ID,
  /** Most normalised characters: the copy with the most content. */
  LONGEST_TEXT,
  /** Latest crawl date (documents without one come last). */
  NEWEST,
  /**
   * Highest value of a numeric column or tag named by the user (a quality classifier's score,
   * a filter measure; {@link SurvivorScore}); documents without a value come last.
   */
  BEST_SCORE;

  /**
   * A struct over the fingerprint columns ({@code _row}, {@code id}, {@code length},
   * {@code warc_date}, {@code score}) whose minimum is the preferred survivor; it ends with fields {@code id}
   * and {@code _row}, which callers read back from the minimum. Every leading field is non-null,
   * so Spark's struct order (nulls first) never decides by a missing value.
   */
  Column rankKey() {
    Column idMissing = col("id").isNull().as("id_missing");
    Column id = col("id").as("id");
    Column row = col("_row").as("_row");
    return switch (this) {
      case LOWEST_ID -> struct(idMissing, id, row);
      case LONGEST_TEXT -> struct(negate(col("length")).as("neg_length"), idMissing, id, row);
      case NEWEST -> struct(col("warc_date").isNull().as("date_missing"),
          coalesce(negate(unix_micros(col("warc_date"))), lit(0L)).as("neg_date"),
          idMissing, id, row);
      case BEST_SCORE -> struct(col("score").isNull().as("score_missing"),
          coalesce(negate(col("score")), lit(0.0)).as("neg_score"),
          idMissing, id, row);
    };
  }

  /** Parses {@code lowest-id}, {@code longest_text}, {@code NEWEST}, {@code best-score}... */
  public static SurvivorChoice parse(String name) {
    try {
      return valueOf(name.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown survivor choice '" + name + "' (expected lowest-id, longest-text, newest or best-score)", e);
    }
  }
}
