package org.curate.filters.quality;

import java.util.Map;
import org.curate.core.Document;
import org.curate.core.DocumentStep;
import org.curate.core.Outcome;
import org.curate.filters.FilterParams;

/** Builders of hand-written test texts whose measures are easy to count by hand. */
final class SampleTexts {
  /** Ten words without stop words, mean length 4.3. */
  static final String[] FILLER = {"quick", "brown", "fox", "jumps", "over", "lazy", "dog", "runs", "far", "away"};

  private SampleTexts() {}

  /** {@code n} words: "the and" then filler words, separated by spaces. */
  static String words(int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append(i == 0 ? "" : " ").append(i == 0 ? "the" : i == 1 ? "and" : FILLER[i % FILLER.length]);
    }
    return b.toString();
  }

  static Document doc(String text) {
    return Document.of("t", null, text);
  }

  static String reason(DocumentStep step, String text) {
    return step.apply(doc(text)).reason();
  }

  static Outcome.Kept<Document> kept(Outcome<Document> o) {
    if (!(o instanceof Outcome.Kept<Document> k)) {
      throw new AssertionError("expected kept, got " + o);
    }
    return k;
  }

  static FilterParams params(String filter, Object... keyValues) {
    java.util.Map<String, Object> m = new java.util.HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put((String) keyValues[i], keyValues[i + 1]);
    }
    return new FilterParams(filter, Map.copyOf(m));
  }
}
