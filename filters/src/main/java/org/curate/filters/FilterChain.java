package org.curate.filters;

import java.util.ArrayList;
import java.util.List;
import org.curate.core.Document;
import org.curate.core.DocumentStep;
import org.curate.core.Outcome;

/**
 * Filters in order: the first drop wins, rewrites accumulate their change codes. A link in
 * tag-only mode never drops: its would-be drop reason becomes a tag ({@code <reason>} → 1) on
 * the document, together with whatever it measured, so thresholds can be tuned from the output.
 */
public final class FilterChain implements DocumentStep {
  /** One filter of the chain and whether it only tags. */
  public record Link(String name, DocumentStep step, boolean tagOnly) {}

  private final List<Link> links;

  public FilterChain(List<Link> links) {
    this.links = List.copyOf(links);
  }

  public List<Link> links() {
    return links;
  }

  @Override
  public String name() {
    return "filter_chain";
  }

  @Override
  public Outcome<Document> apply(Document document) {
    Document current = document;
    List<String> changes = new ArrayList<>();
    for (Link link : links) {
      Outcome<Document> outcome = link.step().apply(current);
      if (outcome instanceof Outcome.Kept<Document> kept) {
        current = kept.value();
        changes.addAll(kept.changes());
      } else if (outcome instanceof Outcome.Dropped<Document> dropped && link.tagOnly()) {
        Document measured = dropped.value() != null ? dropped.value() : current;
        current = measured.withTag(dropped.reason(), 1.0);
      } else {
        return outcome;
      }
    }
    return changes.isEmpty() && current == document ? Outcome.keep(current) : Outcome.changed(current, changes);
  }
}
