package org.curate.core;

import java.util.Objects;

/**
 * A text document as it flows between stages: a stable id, where it came from, and its text.
 * Optional fields are {@code null} when unknown (a JSONL input without url, a page with no title).
 */
public record Document(String id, String url, String lang, String title, String text) {
  public Document {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
  }

  public Document withText(String newText) {
    return new Document(id, url, lang, title, newText);
  }
}
