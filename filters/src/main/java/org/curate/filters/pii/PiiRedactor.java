package org.curate.filters.pii;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.curate.core.Document;
import org.curate.core.DocumentStep;
import org.curate.core.Outcome;

/**
 * The {@code pii} rewrite: replaces every detected value with its type's placeholder
 * ({@code <EMAIL>}, {@code <PHONE>}, ...), tags the document with {@code pii.<type>} = count and
 * lists the types found as changes ({@code pii:email}). Documents without PII are kept as they
 * are. With {@code maxHits} set (≥ 0), a document with more hits than that is dropped as
 * {@code pii:too_many}, Dolma's rule for pages that are mostly contact lists or dumps; the
 * measured document attached to that drop is the redacted one, so a tag-only run never lets
 * the raw values through.
 */
public final class PiiRedactor implements DocumentStep {
  public static final String NAME = "pii";
  public static final String TOO_MANY = "pii:too_many";
  /** {@code maxHits} value that turns the drop rule off. */
  public static final int UNLIMITED = -1;

  private final PiiScanner scanner;
  private final int maxHits;

  public PiiRedactor(PiiScanner scanner, int maxHits) {
    this.scanner = scanner;
    this.maxHits = maxHits;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Outcome<Document> apply(Document document) {
    String text = document.text();
    List<PiiSpan> spans = scanner.scan(text, document.lang());
    if (spans.isEmpty()) {
      return Outcome.keep(document);
    }
    Map<PiiType, Integer> counts = new EnumMap<>(PiiType.class);
    StringBuilder redacted = new StringBuilder(text.length());
    int copied = 0;
    for (PiiSpan span : spans) {
      redacted.append(text, copied, span.start()).append(span.type().placeholder());
      copied = span.end();
      counts.merge(span.type(), 1, Integer::sum);
    }
    redacted.append(text, copied, text.length());

    Map<String, Double> tags = new TreeMap<>();
    List<String> changes = new ArrayList<>();
    counts.forEach((type, count) -> {
      tags.put(NAME + "." + type.code(), count.doubleValue());
      changes.add(NAME + ":" + type.code());
    });
    Document result = document.withText(redacted.toString()).withTags(tags);
    if (maxHits >= 0 && spans.size() > maxHits) {
      return Outcome.drop(TOO_MANY, "hits=" + spans.size() + " > max_hits=" + maxHits + " " + counts, result);
    }
    return Outcome.changed(result, changes);
  }
}
