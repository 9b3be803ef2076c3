package org.curate.extract;

import java.util.NoSuchElementException;
import java.util.Optional;
import org.curate.core.Outcome;
import org.curate.extract.warc.LenientWarcReader;
import org.curate.extract.warc.ReadFailures;
import org.curate.extract.warc.TargetUris;

/** Pulls units from a {@link LenientWarcReader} one at a time and turns each into a result. */
final class ExtractingRecordStream implements RecordStream {
  private static final System.Logger LOG = System.getLogger(ExtractingRecordStream.class.getName());

  private final String fileName;
  private final LenientWarcReader reader;
  private final RecordProcessor processor;
  private final AutoCloseable resources;
  private RecordResult lookahead;
  private boolean done;

  ExtractingRecordStream(String fileName, LenientWarcReader reader, RecordProcessor processor, AutoCloseable resources) {
    this.fileName = fileName;
    this.reader = reader;
    this.processor = processor;
    this.resources = resources;
  }

  @Override
  public boolean hasNext() {
    if (lookahead == null && !done) {
      lookahead = pull();
      done = lookahead == null;
    }
    return lookahead != null;
  }

  @Override
  public RecordResult next() {
    if (!hasNext()) {
      throw new NoSuchElementException(fileName);
    }
    RecordResult result = lookahead;
    lookahead = null;
    return result;
  }

  private RecordResult pull() {
    Optional<LenientWarcReader.Unit> unit = reader.next();
    if (unit.isEmpty()) {
      return null;
    }
    if (unit.get() instanceof LenientWarcReader.FailureUnit failure) {
      return new RecordResult(new RecordRef(fileName, failure.offset(), null, null),
          Outcome.fail(failure.reason(), failure.detail()));
    }
    LenientWarcReader.RecordUnit record = (LenientWarcReader.RecordUnit) unit.get();
    RecordRef ref = new RecordRef(fileName, record.offset(),
        record.record().headers().first("WARC-Record-ID").orElse(null),
        TargetUris.clean(record.record().headers().first("WARC-Target-URI").orElse(null)));
    Outcome<ExtractedPage> outcome;
    try {
      outcome = processor.process(record.record(), ref);
    } catch (BrokenStreamException e) {
      String reason = ReadFailures.ofStreamError(e.getCause());
      LOG.log(System.Logger.Level.WARNING, () -> ref + ": " + reason + ": " + e.getCause());
      outcome = Outcome.fail(reason, ref + ": " + e.getCause());
      reader.abandonCurrent(e.getCause());
    } catch (RecordFailure e) {
      LOG.log(System.Logger.Level.WARNING, () -> ref + ": " + e.reason() + ": " + e.getMessage());
      outcome = Outcome.fail(e.reason(), ref + ": " + e.getMessage());
    } catch (RuntimeException | StackOverflowError e) {
      LOG.log(System.Logger.Level.WARNING, () -> ref + ": extract:error: " + e);
      outcome = Outcome.fail("extract:error", ref + ": " + e);
    }
    return new RecordResult(ref, outcome);
  }

  @Override
  public void close() {
    reader.close();
    try {
      resources.close();
    } catch (Exception e) {
      LOG.log(System.Logger.Level.DEBUG, () -> fileName + ": closing: " + e);
    }
  }
}
