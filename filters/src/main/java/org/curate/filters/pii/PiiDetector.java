package org.curate.filters.pii;

import java.util.List;

/**
 * Finds one kind of PII in a text. Implementations are cheap to call on text without their kind
 * (each starts with a pre-check such as "is there an '@' at all") and may keep mutable state, so
 * an instance is confined to one thread, like the filter chain that holds it.
 */
public interface PiiDetector {
  PiiType type();

  /**
   * Adds the spans found in {@code text} to {@code out}, in any order; spans of one detector do
   * not overlap each other. {@code lang} is the document's language code or {@code null}.
   */
  void find(String text, String lang, List<PiiSpan> out);
}
