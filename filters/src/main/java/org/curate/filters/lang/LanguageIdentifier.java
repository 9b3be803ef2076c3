package org.curate.filters.lang;

import java.util.List;
import org.curate.filters.fasttext.FastTextModel;
import org.curate.filters.fasttext.FastTextPredictor;
import org.curate.filters.fasttext.Prediction;

/**
 * Language of a text with a fastText LID model (lid.176). fastText predicts one line, so
 * newlines become spaces (as datatrove and DCLM do before calling it); only the first
 * {@code maxChars} characters are looked at, since the language is settled long before the end of
 * a page and the cost is linear in the length. Not thread-safe (one per thread): it reuses the
 * predictor's buffers and its own.
 */
public final class LanguageIdentifier {
  private static final String LABEL_PREFIX = "__label__";

  private final FastTextPredictor predictor;
  private final String[] codes;
  private final int maxChars;
  private final StringBuilder line = new StringBuilder();

  public LanguageIdentifier(FastTextModel model, int maxChars) {
    if (maxChars <= 0) {
      throw new IllegalArgumentException("maxChars must be positive, got " + maxChars);
    }
    this.predictor = model.newPredictor();
    this.maxChars = maxChars;
    int n = model.dictionary().nlabels();
    codes = new String[n];
    for (int i = 0; i < n; i++) {
      String label = model.dictionary().label(i);
      codes[i] = label.startsWith(LABEL_PREFIX) ? label.substring(LABEL_PREFIX.length()) : label;
    }
  }

  /** The language codes the model can predict, in the model's label order. */
  public List<String> languages() {
    return List.of(codes);
  }

  /**
   * The most probable language. The score is fastText's probability capped at 1 (fastText adds
   * 1e-5 to every probability, so a certain prediction reads 1.00001).
   */
  public LanguageGuess identify(CharSequence text) {
    int end = Math.min(text.length(), maxChars);
    if (end < text.length() && end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--; // do not cut a surrogate pair in half
    }
    line.setLength(0);
    line.append(text, 0, end);
    for (int i = line.indexOf("\n"); i >= 0; i = line.indexOf("\n", i + 1)) {
      line.setCharAt(i, ' ');
    }
    List<Prediction> best = predictor.predict(line, 1);
    if (best.isEmpty()) {
      return new LanguageGuess("und", 0.0);
    }
    Prediction p = best.get(0);
    return new LanguageGuess(codes[p.labelIndex()], Math.min(1.0, p.probability()));
  }
}
