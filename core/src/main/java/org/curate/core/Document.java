package org.curate.core;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A text document as it flows through document steps: a stable id, where it came from, its
 * text, and the measures steps attached to it ({@code tags}, e.g. {@code gopher_quality.word_count}
 * → 57), which become a Parquet map column so thresholds can be tuned from the data.
 * Optional fields are {@code null} when unknown. Immutable: steps return modified copies.
 */
public record Document(String id, String url, String lang, Double langScore, String title, String text,
    SortedMap<String, Double> tags) {

  public Document {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    tags = tags == null || tags.isEmpty() ? Collections.emptySortedMap()
        : Collections.unmodifiableSortedMap(new TreeMap<>(tags));
  }

  public static Document of(String id, String url, String text) {
    return new Document(id, url, null, null, null, text, null);
  }

  public Document withText(String newText) {
    return new Document(id, url, lang, langScore, title, newText, tags);
  }

  public Document withLang(String newLang, Double score) {
    return new Document(id, url, newLang, score, title, text, tags);
  }

  /** A copy with {@code more} added to the tags (same names are overwritten). */
  public Document withTags(Map<String, Double> more) {
    if (more.isEmpty()) {
      return this;
    }
    TreeMap<String, Double> merged = new TreeMap<>(tags);
    merged.putAll(more);
    return new Document(id, url, lang, langScore, title, text, merged);
  }

  public Document withTag(String name, double value) {
    return withTags(Map.of(name, value));
  }
}
