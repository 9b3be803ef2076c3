package org.curate.jobs.dedup;

import java.io.Serializable;

/**
 * Cross-document paragraph dedup ({@link BoilerplateParagraphs}): when {@code enabled}, every
 * paragraph (line) of at least {@code minChars} normalised characters that occurs in more than
 * {@code maxDocs} of the documents surviving URL, exact and MinHash dedup is removed from all of
 * them. Off by default: FineWeb found line-level dedup lowered downstream scores, so it is a
 * choice to make with an ablation, not a default.
 */
public record ParagraphOptions(boolean enabled, int minChars, int maxDocs) implements Serializable {
  public static final ParagraphOptions OFF = new ParagraphOptions(false, 50, 1);

  public ParagraphOptions {
    if (minChars < 1) {
      throw new IllegalArgumentException("paragraph minimum length must be at least 1 character, got " + minChars);
    }
    if (maxDocs < 1) {
      throw new IllegalArgumentException("paragraph document limit must be at least 1, got " + maxDocs);
    }
  }

  public ParagraphOptions on() {
    return new ParagraphOptions(true, minChars, maxDocs);
  }
}
