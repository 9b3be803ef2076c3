package org.curate.filters.safety;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.curate.core.Document;
import org.curate.core.DocumentStep;
import org.curate.core.Outcome;

/**
 * LDNOOBW-style bad-word filter (C4 rule C10), one word list per language, picked by the
 * document's {@code lang} ({@code pt-BR} falls back to {@code pt}; unknown or missing language
 * falls back to {@code defaultLang}).
 *
 * <p>Decision, always after tagging {@code bad_words.count} (entry occurrences) and
 * {@code bad_words.ratio} (covered words ÷ words; chars for substring languages, see
 * {@link WordListMatcher}):
 * <ul>
 *   <li>{@code strict}: C4 English, drop {@code bad_words:any} on the first occurrence. C4 did this
 *       for English; the research notes and Dodge et al. 2021 show it over-removes medical and
 *       LGBTQ+ text, hence not the default;
 *   <li>otherwise drop {@code bad_words:ratio} when the ratio exceeds {@code maxRatio}. The default
 *       0.045 is data-juicer's {@code flagged_words_filter} default, itself the BigScience ROOTS
 *       English cutoff for the flagged-word ratio: a page keeps a stray swear word but not a page
 *       where about one word in 22 is listed.
 * </ul>
 */
public final class BadWordsFilter implements DocumentStep {
  public static final String NAME = "bad_words";
  public static final String COUNT_TAG = "bad_words.count";
  public static final String RATIO_TAG = "bad_words.ratio";

  private final Map<String, WordListMatcher> byLang;
  private final String defaultLang;
  private final double maxRatio;
  private final boolean strict;

  public BadWordsFilter(Map<String, WordListMatcher> byLang, String defaultLang, double maxRatio, boolean strict) {
    this.byLang = new TreeMap<>(byLang);
    this.defaultLang = defaultLang;
    this.maxRatio = maxRatio;
    this.strict = strict;
    if (!this.byLang.containsKey(defaultLang)) {
      throw new IllegalArgumentException("filter '" + NAME + "': no word list for default_lang '" + defaultLang
          + "'; lists: " + this.byLang.keySet());
    }
    if (maxRatio < 0 || maxRatio > 1 || Double.isNaN(maxRatio)) {
      throw new IllegalArgumentException("filter '" + NAME + "': max_ratio must be in [0, 1], got " + maxRatio);
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  /** The list used for a document language: exact tag, then its primary subtag, then the default. */
  String resolveLang(String lang) {
    if (lang != null && !lang.isBlank()) {
      String tag = lang.strip().replace('_', '-');
      if (byLang.containsKey(tag)) {
        return tag;
      }
      String lower = tag.toLowerCase(Locale.ROOT);
      if (byLang.containsKey(lower)) {
        return lower;
      }
      int dash = lower.indexOf('-');
      if (dash > 0 && byLang.containsKey(lower.substring(0, dash))) {
        return lower.substring(0, dash);
      }
    }
    return defaultLang;
  }

  @Override
  public Outcome<Document> apply(Document document) {
    String lang = resolveLang(document.lang());
    WordListMatcher.Result r = byLang.get(lang).measure(document.text(), false);
    Document measured = document.withTags(Map.of(COUNT_TAG, (double) r.occurrences(), RATIO_TAG, r.ratio()));
    if (strict && r.occurrences() > 0) {
      return Outcome.drop(NAME + ":any", "lang=" + lang + " first='" + r.firstMatch() + "' count=" + r.occurrences(),
          measured);
    }
    if (!strict && r.ratio() > maxRatio) {
      return Outcome.drop(NAME + ":ratio", String.format(Locale.ROOT, "lang=%s ratio=%.4f>%s count=%d first='%s'",
          lang, r.ratio(), maxRatio, r.occurrences(), r.firstMatch()), measured);
    }
    return Outcome.keep(measured);
  }
}
