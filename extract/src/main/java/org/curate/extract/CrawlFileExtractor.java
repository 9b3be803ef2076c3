package org.curate.extract;

import org.curate.extract.html.MainTextExtractor;

/**
 * Reads one crawl file (WARC 0.17-1.1, ARC, WET; plain, per-record gzip or whole-file gzip) and
 * yields exactly one {@link RecordResult} per record. Bad data never throws: it becomes a failed
 * outcome with a reason code, and reading resumes at the next record where the format allows.
 * (API placeholder: implementation in progress.)
 */
public final class CrawlFileExtractor {
  private final ExtractOptions options;
  private final MainTextExtractor html;

  public CrawlFileExtractor(ExtractOptions options, MainTextExtractor html) {
    this.options = options;
    this.html = html;
  }

  public RecordStream open(ByteSource source) {
    throw new UnsupportedOperationException("not implemented yet: " + source.name() + options + html);
  }
}
