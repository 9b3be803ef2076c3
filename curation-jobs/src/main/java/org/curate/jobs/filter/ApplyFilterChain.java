package org.curate.jobs.filter;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.curate.core.Document;
import org.curate.core.Outcome;
import org.curate.filters.FilterChain;
import org.curate.jobs.spark.DocumentSchema;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Executor side of the filter stage: builds the chain once per partition from the serialized
 * config and runs it on every kept document; rows already dropped or failed upstream pass
 * through. A filter that throws on one document fails that document ({@code filter:error}), not
 * the task.
 */
final class ApplyFilterChain implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;
  private static final int ID = DocumentSchema.OUTCOME.fieldIndex("id");
  private static final int URL = DocumentSchema.OUTCOME.fieldIndex("url");
  private static final int LANG = DocumentSchema.OUTCOME.fieldIndex("lang");
  private static final int LANG_SCORE = DocumentSchema.OUTCOME.fieldIndex("lang_score");
  private static final int TITLE = DocumentSchema.OUTCOME.fieldIndex("title");
  private static final int TEXT = DocumentSchema.OUTCOME.fieldIndex("text");
  private static final int TAGS = DocumentSchema.OUTCOME.fieldIndex("tags");
  private static final int OUTCOME = DocumentSchema.OUTCOME.fieldIndex("outcome");
  private static final int REASON = DocumentSchema.OUTCOME.fieldIndex("reason");
  private static final int DETAIL = DocumentSchema.OUTCOME.fieldIndex("detail");
  private static final int CHANGES = DocumentSchema.OUTCOME.fieldIndex("changes");

  private final FilterConfig config;

  ApplyFilterChain(FilterConfig config) {
    this.config = config;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    FilterChain chain = FilterChains.build(config);
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public Row next() {
        Row row = rows.next();
        return DocumentSchema.KEPT.equals(row.getString(OUTCOME)) ? filter(chain, row) : row;
      }
    };
  }

  static Row filter(FilterChain chain, Row row) {
    Document doc = toDocument(row);
    Outcome<Document> outcome;
    try {
      outcome = chain.apply(doc);
    } catch (RuntimeException e) {
      outcome = Outcome.fail("filter:error", e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    Object[] values = new Object[row.length()];
    for (int i = 0; i < values.length; i++) {
      values[i] = row.get(i);
    }
    if (outcome instanceof Outcome.Kept<Document> kept) {
      Document d = kept.value();
      values[LANG] = d.lang();
      values[LANG_SCORE] = d.langScore();
      values[TEXT] = d.text();
      values[TAGS] = d.tags().isEmpty() ? null : CollectionConverters.asScala(new TreeMap<>(d.tags()));
      List<String> changes = new ArrayList<>();
      if (row.get(CHANGES) != null) {
        changes.addAll(row.getList(CHANGES));
      }
      changes.addAll(kept.changes());
      values[CHANGES] = changes.isEmpty() ? null : CollectionConverters.asScala(changes).toSeq();
      return RowFactory.create(values);
    }
    boolean dropped = outcome instanceof Outcome.Dropped;
    values[OUTCOME] = dropped ? DocumentSchema.DROPPED : DocumentSchema.FAILED;
    values[REASON] = outcome.reason();
    values[DETAIL] = dropped ? ((Outcome.Dropped<Document>) outcome).detail() : ((Outcome.Failed<Document>) outcome).detail();
    return RowFactory.create(values);
  }

  static Document toDocument(Row row) {
    Map<String, Double> tags = row.isNullAt(TAGS) ? null : new TreeMap<>(row.<String, Double>getJavaMap(TAGS));
    return new Document(row.getString(ID), row.getString(URL), row.getString(LANG),
        row.isNullAt(LANG_SCORE) ? null : row.getDouble(LANG_SCORE), row.getString(TITLE),
        row.getString(TEXT), tags == null ? null : new TreeMap<>(tags));
  }
}
