package org.curate.jobs.filter;

import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.curate.core.Document;
import org.curate.core.Outcome;
import org.curate.filters.FilterChain;
import org.curate.filters.model.ModelFilter;
import org.curate.jobs.spark.DocumentSchema;

/**
 * Executor side of a top-fraction pre-pass: the model scores of the documents that reach chain
 * link {@code link}, i.e. kept upstream and kept (or only tagged) by the links before it, scored
 * on their text as those links left it, exactly as the real pass will see them. One row per such
 * document: the score and its float bits (fastText probabilities are floats, so the bits order
 * the scores and the exact threshold search can count by them).
 */
final class ScoresAtLink implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;
  static final StructType SCHEMA = new StructType().add("score", DataTypes.DoubleType, false)
      .add("bits", DataTypes.IntegerType, false);
  private static final int OUTCOME = DocumentSchema.OUTCOME.fieldIndex("outcome");

  private final FilterConfig config;
  private final int link;

  ScoresAtLink(FilterConfig config, int link) {
    this.config = config;
    this.link = link;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    List<FilterChain.Link> links = FilterChains.build(config).links();
    FilterChain before = new FilterChain(links.subList(0, link));
    ModelFilter model = (ModelFilter) links.get(link).step();
    return new Iterator<>() {
      private Row next;

      @Override
      public boolean hasNext() {
        while (next == null && rows.hasNext()) {
          next = score(rows.next(), before, model);
        }
        return next != null;
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new java.util.NoSuchElementException();
        }
        Row r = next;
        next = null;
        return r;
      }
    };
  }

  /** The row's score at the link, or null when it does not reach it. */
  private static Row score(Row row, FilterChain before, ModelFilter model) {
    if (!DocumentSchema.KEPT.equals(row.getString(OUTCOME))) {
      return null;
    }
    Outcome<Document> reached;
    try {
      reached = before.apply(ApplyFilterChain.toDocument(row));
    } catch (RuntimeException e) {
      return null; // the real pass fails this document (filter:error) before it reaches the model
    }
    if (!(reached instanceof Outcome.Kept<Document> kept)) {
      return null;
    }
    float score = (float) model.score(kept.value().text());
    return RowFactory.create((double) score, Float.floatToIntBits(score));
  }
}