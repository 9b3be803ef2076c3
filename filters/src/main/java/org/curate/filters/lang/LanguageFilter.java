package org.curate.filters.lang;

import java.util.Set;
import org.curate.core.Document;
import org.curate.core.DocumentStep;
import org.curate.core.Outcome;

/**
 * Sets the document's {@code lang} and {@code langScore} from a {@link LanguageIdentifier} and
 * keeps it when the score reaches {@code minScore} (0.65 in datatrove/FineWeb) and the language is
 * allowed (an empty set allows all). A low score is reported before a disallowed language: an
 * unsure guess says "we do not know the language", not "it is the wrong one". Drops carry the
 * measured document so that tag-only mode keeps its language. Not thread-safe (one per thread).
 */
public final class LanguageFilter implements DocumentStep {
  public static final String NAME = "language";
  public static final String NOT_ALLOWED = "language:not_allowed";
  public static final String LOW_SCORE = "language:low_score";

  private final LanguageIdentifier identifier;
  private final Set<String> languages;
  private final double minScore;

  public LanguageFilter(LanguageIdentifier identifier, Set<String> languages, double minScore) {
    this.identifier = identifier;
    this.languages = Set.copyOf(languages);
    this.minScore = minScore;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Outcome<Document> apply(Document document) {
    LanguageGuess guess = identifier.identify(document.text());
    Document measured = document.withLang(guess.lang(), guess.score());
    if (guess.score() < minScore) {
      return Outcome.drop(LOW_SCORE, detail(guess), measured);
    }
    if (!languages.isEmpty() && !languages.contains(guess.lang())) {
      return Outcome.drop(NOT_ALLOWED, detail(guess), measured);
    }
    return Outcome.keep(measured);
  }

  private String detail(LanguageGuess guess) {
    return String.format(java.util.Locale.ROOT, "lang=%s score=%.4f min_score=%s", guess.lang(), guess.score(),
        minScore);
  }
}
