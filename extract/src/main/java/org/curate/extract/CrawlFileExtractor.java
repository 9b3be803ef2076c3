package org.curate.extract;

import java.util.Iterator;
import java.util.List;
import org.curate.core.Outcome;
import org.curate.extract.document.TikaDocumentExtractor;
import org.curate.extract.html.MainTextExtractor;
import org.curate.extract.warc.LenientWarcReader;

/**
 * Reads one crawl file (WARC 0.17-1.1, ARC, WET; plain, per-record gzip or whole-file gzip) and
 * yields exactly one {@link RecordResult} per record. Bad data never throws: it becomes a failed
 * outcome with a reason code, and reading resumes at the next record where the format allows.
 *
 * <p>Reason codes: drops {@code warc:warcinfo} (also ARC filedesc records, which jwarc presents as
 * warcinfo), {@code warc:request}, {@code warc:metadata}, {@code warc:revisit},
 * {@code warc:resource}, {@code warc:continuation}, {@code warc:conversion} (non-text),
 * {@code warc:unknown-type}, {@code non-http:dns}, {@code non-html:<family>} (see
 * {@link org.curate.extract.http.MimeFamily}; PDF and office documents other than spreadsheets
 * are parsed instead, see {@link org.curate.extract.document.DocumentTypes}, and so is declared
 * text/plain that is not HTML, binary or a robots.txt), {@code payload:too-large},
 * {@code tika:encrypted}, {@code tika:empty}; failures
 * {@code file:unreadable}, {@code warc:truncated-gzip}, {@code warc:corrupt-gzip},
 * {@code warc:trailing-garbage}, {@code warc:parse-error}, {@code warc:bad-content-length},
 * {@code http:parse-error}, {@code http:undecodable-body}, {@code extract:timeout} (main-text
 * extraction of one record exceeded {@link ExtractOptions#recordTimeoutMillis()}),
 * {@code extract:too-deep} (it overflowed the stack), {@code extract:error}, {@code tika:unparseable}, {@code tika:timeout} (see
 * {@link org.curate.extract.document.TikaDocumentExtractor}).
 */
public final class CrawlFileExtractor {
  private static final System.Logger LOG = System.getLogger(CrawlFileExtractor.class.getName());

  private final ExtractOptions options;
  private final MainTextExtractor html;
  private final TikaDocumentExtractor documents;

  public CrawlFileExtractor(ExtractOptions options, MainTextExtractor html) {
    this.options = options;
    this.html = html;
    this.documents = new TikaDocumentExtractor(options.documents().maxChars());
  }

  /** The records of {@code source}, lazily; a file that cannot be opened gives one failure. */
  public RecordStream open(ByteSource source) {
    String name = source.name();
    try {
      LenientWarcReader reader = LenientWarcReader.open(source);
      DeadlineHtmlExtractor bounded = new DeadlineHtmlExtractor(html, options.recordTimeoutMillis());
      DeadlineDocumentExtractor parsed = new DeadlineDocumentExtractor(documents, options.documents().timeoutMillis());
      return new ExtractingRecordStream(name, reader, new RecordProcessor(options, bounded, parsed), () -> {
        bounded.close();
        parsed.close();
      });
    } catch (Exception e) {
      LOG.log(System.Logger.Level.WARNING, () -> name + "@0: file:unreadable: " + e);
      RecordResult failure = new RecordResult(new RecordRef(name, 0, null, null),
          Outcome.fail("file:unreadable", name + ": " + e));
      return new SingleResultStream(List.of(failure).iterator());
    }
  }

  private record SingleResultStream(Iterator<RecordResult> results) implements RecordStream {
    @Override
    public boolean hasNext() {
      return results.hasNext();
    }

    @Override
    public RecordResult next() {
      return results.next();
    }

    @Override
    public void close() {}
  }
}
