package org.curate.jobs.dedup;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Column;

/**
 * Which member of a duplicate group is kept. Each choice is a total order on documents (ties
 * broken by id, then by input position), so the survivor never depends on partitioning or
 * timing: two runs over the same input keep the same documents.
 */
public enum SurvivorChoice {
  /** Smallest document id: stable and needs no other column (the default). */
  LOWEST_ID,
  /** Most normalised characters: the copy with the most content. */
  LONGEST_TEXT,
  /** Latest crawl date (documents without one come last). */
  NEWEST;

  /** Sort columns over the fingerprint table, preferred survivor first. */
  Column[] order() {
    return switch (this) {
      case LOWEST_ID -> new Column[] {col("id").asc_nulls_last(), col("_row").asc()};
      case LONGEST_TEXT -> new Column[] {col("length").desc(), col("id").asc_nulls_last(), col("_row").asc()};
      case NEWEST -> new Column[] {col("warc_date").desc_nulls_last(), col("id").asc_nulls_last(), col("_row").asc()};
    };
  }

  /** Parses {@code lowest-id}, {@code longest_text}, {@code NEWEST}... */
  public static SurvivorChoice parse(String name) {
    return valueOf(name.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
  }
}
