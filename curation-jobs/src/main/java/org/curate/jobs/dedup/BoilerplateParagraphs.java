package org.curate.jobs.dedup;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.udf;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.curate.dedup.ParagraphKeys;

/**
 * Cross-document paragraph dedup (CCNet, Dolma): paragraphs ({@link ParagraphKeys}) that occur
 * in more than {@code maxDocs} documents are boilerplate that survived extraction (cookie
 * notices, newsletter prompts, site footers) and are removed from every document that has them.
 *
 * <p>No copy is kept, as in CCNet (its paper and {@code mine.py} remove every occurrence of a
 * paragraph seen more than once): a footer repeated on a thousand pages is not the content of
 * any of them, and a kept "first" copy would depend on input order. Counts are of documents,
 * not occurrences (keys are distinct per document), and only of the documents that survive URL,
 * exact and MinHash dedup, so copies of one page never make its paragraphs look like
 * boilerplate.
 *
 * <p>Distributed: (key, row) pairs from the persisted fingerprint rows are counted per key with
 * one aggregation, the keys above the limit joined back to their rows (the frequent keys are few
 * and small, so adaptive execution can broadcast them), and grouped per document into the sorted
 * keys to remove. Nothing is collected to the driver; texts are rewritten where they are read.
 */
final class BoilerplateParagraphs {
  private static final StructType OCCURRENCE = new StructType()
      .add("key", DataTypes.LongType, false).add("_row", DataTypes.LongType, false);

  private BoilerplateParagraphs() {}

  /**
   * {@code survivors}: ({@code _row}, {@code paragraphs}: packed distinct keys). Returns
   * ({@code _row}, {@code remove_keys}: sorted array of longs) for the documents holding at least
   * one paragraph found in more than {@code maxDocs} documents.
   */
  static Dataset<Row> edits(Dataset<Row> survivors, int maxDocs) {
    Dataset<Row> occurrences = survivors.select("_row", "paragraphs").filter(col("paragraphs").isNotNull())
        .flatMap((FlatMapFunction<Row, Row>) r -> {
          long row = r.getLong(0);
          ByteBuffer keys = ByteBuffer.wrap((byte[]) r.get(1));
          List<Row> out = new ArrayList<>(keys.remaining() / 8);
          while (keys.remaining() >= 8) {
            out.add(RowFactory.create(keys.getLong(), row));
          }
          return out.iterator();
        }, Encoders.row(OCCURRENCE));
    Dataset<Row> frequent = occurrences.groupBy("key").count().filter(col("count").gt(maxDocs)).select("key");
    return occurrences.join(frequent, "key").groupBy("_row").agg(array_sort(collect_list("key")).as("remove_keys"));
  }

  /**
   * (text, remove_keys) → the text without those paragraphs, or null when nothing but blank
   * lines is left (the document is dropped).
   */
  static UserDefinedFunction remover(ParagraphKeys paragraphKeys) {
    return udf((UDF2<String, scala.collection.Seq<Object>, String>) (text, keys) -> {
      long[] sorted = new long[keys.size()];
      scala.collection.Iterator<Object> it = keys.iterator();
      for (int i = 0; it.hasNext(); i++) {
        sorted[i] = ((Number) it.next()).longValue();
      }
      String kept = paragraphKeys.remove(text, sorted);
      return kept == null || kept.isBlank() ? null : kept;
    }, DataTypes.StringType);
  }
}
