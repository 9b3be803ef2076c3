package org.curate.jobs.extract;

import java.sql.Timestamp;
import java.time.Instant;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.curate.core.Outcome;
import org.curate.extract.ExtractedPage;
import org.curate.extract.RecordRef;
import org.curate.extract.RecordResult;
import org.curate.jobs.spark.DocumentSchema;

/** Turns one crawl record's result into an outcome row ({@link DocumentSchema#OUTCOME}). */
final class CrawlRecordRows {
  private CrawlRecordRows() {}

  static Row toRow(RecordResult result) {
    RecordRef ref = result.ref();
    Row source = ref == null ? null : RowFactory.create(ref.file(), ref.offset());
    Outcome<ExtractedPage> outcome = result.outcome();
    if (outcome instanceof Outcome.Kept<ExtractedPage> kept) {
      ExtractedPage p = kept.value();
      return RowFactory.create(p.id(), p.url(), p.host(), timestamp(p.warcDate()), timestamp(p.published()),
          p.contentType(), p.charset(), p.httpStatus() < 0 ? null : p.httpStatus(), p.lang(), null, p.langHint(),
          p.title(), p.text(),
          p.extractionMode() == null ? null : p.extractionMode().code(), source, null,
          DocumentSchema.KEPT, null, null, null);
    }
    String kind = outcome instanceof Outcome.Dropped ? DocumentSchema.DROPPED : DocumentSchema.FAILED;
    String detail = outcome instanceof Outcome.Dropped<ExtractedPage> d ? d.detail()
        : ((Outcome.Failed<ExtractedPage>) outcome).detail();
    String url = ref == null ? null : ref.url();
    return RowFactory.create(null, url, null, null, null, null, null, null, null, null, null, null, null, null, source, null,
        kind, outcome.reason(), detail, null);
  }

  /** Timestamps Spark can't hold (year > 9999 in a broken WARC-Date) become null, not a task failure. */
  static Timestamp timestamp(Instant instant) {
    if (instant == null) {
      return null;
    }
    try {
      return instant.getEpochSecond() > 253402300799L ? null : Timestamp.from(instant);
    } catch (IllegalArgumentException | ArithmeticException e) {
      return null;
    }
  }
}
