package org.curate.extract.html;

import java.time.Instant;

/**
 * The title and main text of a page, how the text was found, and what the page declares about
 * itself (found by {@link PageMetadataFinder}); {@code title} may be empty, never null.
 *
 * @param langHint the page's declared language, normalised by {@link LanguageTags} ({@code en},
 *     {@code pt-br}), or null; a hint only: the language filter identifies the text's language
 * @param published the publication date the page declares (UTC), or null; not checked against
 *     the capture date here (see {@link PublicationDates#notAfterCapture})
 */
public record MainText(String title, String text, ExtractionMode mode, String langHint, Instant published) {
  /** A page that declares neither language nor date. */
  public MainText(String title, String text, ExtractionMode mode) {
    this(title, text, mode, null, null);
  }
}
