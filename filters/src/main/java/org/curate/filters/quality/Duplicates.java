package org.curate.filters.quality;

import org.curate.filters.text.LongCounter;
import org.curate.filters.text.SpanHash;
import org.curate.filters.text.TextLines;

/**
 * Repeated lines or paragraphs, counted as datatrove's {@code find_duplicates} does: only the
 * second and later copies count, both as elements and as characters (the first copy is the
 * original). Spans are compared trimmed, through 64-bit hashes ({@link SpanHash}).
 */
record Duplicates(int copies, long chars) {

  static Duplicates of(CharSequence text, TextLines spans, LongCounter scratch) {
    scratch.clear();
    int copies = 0;
    long chars = 0;
    for (int i = 0; i < spans.count(); i++) {
      if (scratch.increment(SpanHash.of(text, spans.start(i), spans.end(i))) > 1) {
        copies++;
        chars += spans.length(i);
      }
    }
    return new Duplicates(copies, chars);
  }
}
