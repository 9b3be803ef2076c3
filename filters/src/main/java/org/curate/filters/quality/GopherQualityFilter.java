package org.curate.filters.quality;

import java.util.List;
import java.util.Locale;
import org.curate.core.Document;
import org.curate.core.DocumentStep;
import org.curate.core.Outcome;
import org.curate.filters.FilterParams;
import org.curate.filters.text.SentenceEnds;
import org.curate.filters.text.TextLines;
import org.curate.filters.text.WordSegmenter;

/**
 * Gopher / MassiveText quality rules (Rae et al. 2021, App. A.1.1; rules G1–G7), with datatrove's
 * definitions except where noted. Tokens come from {@link WordSegmenter}: <em>words</em> are the
 * "non-symbol words" of datatrove (tokens with a letter or digit), <em>tokens</em> also include
 * punctuation and symbols, as NLTK's tokenizer does.
 *
 * <ul>
 *   <li>{@code word_count_low}/{@code word_count_high}: words &lt; 50 or &gt; 100,000.
 *   <li>{@code mean_word_length}: mean chars per word outside [3, 10].
 *   <li>{@code hash_ratio}: count of {@code #} ÷ tokens &gt; 0.1.
 *   <li>{@code ellipsis_ratio}: count of {@code ...} (non-overlapping) and {@code …} ÷ tokens &gt; 0.1.
 *   <li>{@code bullet_lines}: fraction of non-blank lines starting with a bullet &gt; 0.9. Bullets
 *       are datatrove's {@code •} and {@code -} plus Dolma's {@code *} and the other common bullet
 *       glyphs {@code ‣ ◦ ▪ ●}. Blank lines are not counted (datatrove counts them, which lets
 *       blank lines dilute a bullet list).
 *   <li>{@code ellipsis_lines}: fraction of non-blank lines ending in {@code ...} or {@code …} &gt; 0.3.
 *   <li>{@code alpha_words}: fraction of <em>words</em> containing a letter &lt; 0.8 (datatrove calls
 *       this parameter {@code max_non_alpha_words_ratio}; it is a minimum). Deliberately not
 *       datatrove's definition, which divides by all tokens, punctuation included: with it, 44 of
 *       232 clean ~2 KB news pieces of the extraction benchmark fell below 0.8 (commas, quotes and
 *       dashes count as non-alpha "words"). Over words, only numbers and codes lower the ratio,
 *       which is what the paper's "words with an alphabetic character" aims at.
 *   <li>{@code stop_words}: fewer than 2 of "the be to of and that have with", compared
 *       case-insensitively; counted as distinct words (datatrove) by default, or as occurrences
 *       (Dolma, DCLM) with {@code stop_words_count=occurrences}. The list is English, so the rule
 *       is skipped for documents whose {@code lang} is known and not {@code stop_words_lang}.
 * </ul>
 * The other rules are calibrated on English too (the mean word length of Chinese is below 3):
 * run this filter on English, or set thresholds per language.
 */
public final class GopherQualityFilter implements DocumentStep {
  public static final String NAME = "gopher_quality";
  static final List<String> ENGLISH_STOP_WORDS = List.of("the", "be", "to", "of", "and", "that", "have", "with");
  private static final String BULLETS = "•-*‣◦▪●";

  private final int minWords;
  private final int maxWords;
  private final double minMeanWordLength;
  private final double maxMeanWordLength;
  private final double maxSymbolRatio;
  private final double maxBulletLines;
  private final double maxEllipsisLines;
  private final double minAlphaWords;
  private final int minStopWords;
  private final String[] stopWords;
  private final boolean countStopWordOccurrences;
  private final String stopWordsLang;

  public GopherQualityFilter(FilterParams p) {
    minWords = p.getInt("min_doc_words", 50);
    maxWords = p.getInt("max_doc_words", 100_000);
    minMeanWordLength = p.getDouble("min_avg_word_length", 3);
    maxMeanWordLength = p.getDouble("max_avg_word_length", 10);
    maxSymbolRatio = p.getDouble("max_symbol_word_ratio", 0.1);
    maxBulletLines = p.getDouble("max_bullet_lines_ratio", 0.9);
    maxEllipsisLines = p.getDouble("max_ellipsis_lines_ratio", 0.3);
    minAlphaWords = p.getDouble("min_alpha_words_ratio", 0.8);
    minStopWords = p.getInt("min_stop_words", 2);
    stopWords = p.getStringList("stop_words", ENGLISH_STOP_WORDS).stream()
        .map(w -> w.toLowerCase(Locale.ROOT)).distinct().toArray(String[]::new);
    String counting = p.getString("stop_words_count", "distinct");
    if (!counting.equals("distinct") && !counting.equals("occurrences")) {
      throw new IllegalArgumentException("filter '" + NAME + "': parameter 'stop_words_count' must be distinct or occurrences, got '" + counting + "'");
    }
    countStopWordOccurrences = counting.equals("occurrences");
    stopWordsLang = p.getString("stop_words_lang", "en").toLowerCase(Locale.ROOT);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Outcome<Document> apply(Document document) {
    String text = document.text();
    Tally t = new Tally(text, stopWords);
    WordSegmenter.forCurrentThread().forEachToken(text, t);
    TextLines lines = TextLines.linesOf(text);
    int bulletLines = 0;
    int ellipsisLines = 0;
    for (int i = 0; i < lines.count(); i++) {
      if (BULLETS.indexOf(text.charAt(lines.start(i))) >= 0) {
        bulletLines++;
      }
      if (SentenceEnds.endsWithEllipsis(text, lines.start(i), lines.end(i))) {
        ellipsisLines++;
      }
    }
    int tokens = t.tokens;
    double meanWordLength = t.words == 0 ? 0 : (double) t.wordChars / t.words;
    double hashRatio = ratio(count(text, '#'), tokens);
    double ellipsisRatio = ratio(countEllipses(text), tokens);
    double bulletRatio = ratio(bulletLines, lines.count());
    double ellipsisLineRatio = ratio(ellipsisLines, lines.count());
    double alphaRatio = ratio(t.alphaTokens, t.words);
    int stop = countStopWordOccurrences ? t.stopOccurrences : Long.bitCount(t.stopSeen) + t.stopSeenBeyond64();

    Measures m = new Measures(NAME)
        .put("word_count", t.words).put("mean_word_length", meanWordLength).put("hash_ratio", hashRatio)
        .put("ellipsis_ratio", ellipsisRatio).put("bullet_lines", bulletRatio).put("ellipsis_lines", ellipsisLineRatio)
        .put("alpha_words", alphaRatio);
    m.check(t.words < minWords, "word_count_low", "word_count", t.words, minWords);
    m.check(t.words > maxWords, "word_count_high", "word_count", t.words, maxWords);
    m.check(meanWordLength < minMeanWordLength, "mean_word_length", "mean_word_length", meanWordLength, minMeanWordLength);
    m.check(meanWordLength > maxMeanWordLength, "mean_word_length", "mean_word_length", meanWordLength, maxMeanWordLength);
    m.check(hashRatio > maxSymbolRatio, "hash_ratio", "hash_ratio", hashRatio, maxSymbolRatio);
    m.check(ellipsisRatio > maxSymbolRatio, "ellipsis_ratio", "ellipsis_ratio", ellipsisRatio, maxSymbolRatio);
    m.check(bulletRatio > maxBulletLines, "bullet_lines", "bullet_lines", bulletRatio, maxBulletLines);
    m.check(ellipsisLineRatio > maxEllipsisLines, "ellipsis_lines", "ellipsis_lines", ellipsisLineRatio, maxEllipsisLines);
    m.check(alphaRatio < minAlphaWords, "alpha_words", "alpha_words", alphaRatio, minAlphaWords);
    if (appliesStopWords(document.lang())) {
      m.put("stop_words", stop);
      m.check(stop < minStopWords, "stop_words", "stop_words", stop, minStopWords);
    }
    return m.outcome(document);
  }

  /** Unknown language: the defaults assume English, so the rule applies. */
  private boolean appliesStopWords(String lang) {
    if (lang == null || lang.isEmpty()) {
      return true;
    }
    String l = lang.toLowerCase(Locale.ROOT);
    return l.equals(stopWordsLang) || l.startsWith(stopWordsLang + "-") || l.startsWith(stopWordsLang + "_");
  }

  static double ratio(double part, double whole) {
    return whole == 0 ? 0 : part / whole;
  }

  static int count(String text, char c) {
    int n = 0;
    for (int i = text.indexOf(c); i >= 0; i = text.indexOf(c, i + 1)) {
      n++;
    }
    return n;
  }

  /** Non-overlapping "..." plus "…", as Python's {@code str.count} counts them. */
  static int countEllipses(String text) {
    int n = count(text, '\u2026');
    for (int i = text.indexOf("..."); i >= 0; i = text.indexOf("...", i + 3)) {
      n++;
    }
    return n;
  }

  /** One pass over the tokens gathering every token-based measure. */
  private static final class Tally implements WordSegmenter.TokenVisitor {
    private final String text;
    private final String[] stopWords;
    private final boolean[] stopSeenAll;
    int tokens;
    int words;
    long wordChars;
    int alphaTokens;
    int stopOccurrences;
    long stopSeen;

    Tally(String text, String[] stopWords) {
      this.text = text;
      this.stopWords = stopWords;
      this.stopSeenAll = new boolean[stopWords.length];
    }

    @Override
    public void token(int start, int end, boolean isWord) {
      tokens++;
      if (!isWord) {
        return;
      }
      words++;
      wordChars += end - start;
      if (hasLetter(start, end)) {
        alphaTokens++;
      }
      int len = end - start;
      for (int s = 0; s < stopWords.length; s++) {
        String w = stopWords[s];
        if (w.length() == len && text.regionMatches(true, start, w, 0, len)) {
          stopOccurrences++;
          if (s < 64) {
            stopSeen |= 1L << s;
          } else {
            stopSeenAll[s] = true;
          }
          break;
        }
      }
    }

    int stopSeenBeyond64() {
      int n = 0;
      for (int s = 64; s < stopSeenAll.length; s++) {
        if (stopSeenAll[s]) {
          n++;
        }
      }
      return n;
    }

    private boolean hasLetter(int start, int end) {
      for (int i = start; i < end; i++) {
        char c = text.charAt(i);
        if (Character.isLetter(c)) {
          return true;
        }
        if (Character.isHighSurrogate(c) && Character.isLetter(text.codePointAt(i))) {
          return true;
        }
      }
      return false;
    }
  }
}
