package org.curate.filters.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.curate.core.Document;
import org.curate.core.DocumentStep;
import org.curate.core.Outcome;
import org.curate.filters.FilterParams;
import org.curate.filters.text.WordSegmenter;

/**
 * RefinedWeb's line-wise corrections (Penedo et al. 2023, §3; rules W1–W6), with the values of
 * DCLM's reproduction ({@code baselines_configs/refinedweb.yaml}), applied in that order to each
 * line (lines split on {@code \n}; lengths and ratios measured on the trimmed line):
 *
 * <ol>
 *   <li>W1 {@code uppercase_lines}: uppercase chars ÷ line chars &gt; 0.5 → line removed;
 *   <li>W2 {@code numeric_lines}: digit chars ÷ line chars &gt; 0.999999 (a line of digits only) → removed;
 *   <li>W3 {@code counter_lines}: a counter such as "3 likes", "1.2K views" (number, optional K/M/B,
 *       then likes, shares, comments, retweets, reposts, quotes, bookmarks, upvotes, downvotes,
 *       downloads, views or followers, case-insensitive, nothing else but punctuation) → removed;
 *   <li>W4 {@code short_lines}: fewer than 2 words → removed;
 *   <li>W5 {@code boilerplate_removed}: in a line of at most 10 words, "items in cart" anywhere,
 *       a "read more..." suffix and a "sign-in" prefix are cut out (case-insensitive); a line left
 *       blank goes.
 * </ol>
 * W6: if more than 5% of the words were removed, the document is dropped as
 * {@code refinedweb_lines:too_much_removed}; else it is returned rewritten (change codes
 * {@code refinedweb_lines:<rule>} for each rule that fired). Words come from
 * {@link WordSegmenter} (DCLM splits on whitespace, which gives a Chinese line one word and would
 * remove it). Blank lines are kept, unlike DCLM, so paragraph breaks survive for later filters.
 */
public final class RefinedWebLinesFilter implements DocumentStep {
  public static final String NAME = "refinedweb_lines";
  private static final String[] COUNTER_WORDS = {"likes", "shares", "comments", "retweets", "reposts", "quotes",
      "bookmarks", "upvotes", "downvotes", "downloads", "views", "followers"};

  private final double maxUppercase;
  private final double maxNumeric;
  private final boolean counterLines;
  private final int minWords;
  private final int boilerplateMaxWords;
  private final double maxRemoved;

  public RefinedWebLinesFilter(FilterParams p) {
    maxUppercase = p.getDouble("max_uppercase_ratio", 0.5);
    maxNumeric = p.getDouble("max_numeric_ratio", 0.999999);
    counterLines = p.getBoolean("counter_lines", true);
    minWords = p.getInt("min_words_per_line", 2);
    boilerplateMaxWords = p.getInt("boilerplate_max_words", 10);
    maxRemoved = p.getDouble("max_removed_word_ratio", 0.05);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Outcome<Document> apply(Document document) {
    String text = document.text();
    WordSegmenter segmenter = WordSegmenter.forCurrentThread();
    StringBuilder out = new StringBuilder(text.length());
    TreeSet<String> fired = new TreeSet<>();
    long wordsBefore = 0;
    long wordsRemoved = 0;
    int lineStart = 0;
    boolean firstLine = true;
    while (lineStart <= text.length()) {
      int lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd < 0) {
        lineEnd = text.length();
      }
      int s = lineStart;
      int e = lineEnd;
      while (s < e && WordSegmenter.isSpace(text.charAt(s))) {
        s++;
      }
      while (e > s && WordSegmenter.isSpace(text.charAt(e - 1))) {
        e--;
      }
      String kept = text.substring(lineStart, lineEnd);
      if (s < e) {
        String line = text.substring(s, e);
        int words = segmenter.countWords(line);
        wordsBefore += words;
        String rule = removalRule(line, words);
        if (rule != null) {
          fired.add(rule);
          wordsRemoved += words;
          kept = null;
        } else if (words <= boilerplateMaxWords) {
          String cut = withoutBoilerplate(line).strip();
          if (!cut.equals(line)) {
            fired.add("boilerplate_removed");
            int left = segmenter.countWords(cut);
            wordsRemoved += words - left;
            kept = cut.isEmpty() ? null : cut;
          }
        }
      }
      if (kept != null) {
        if (!firstLine) {
          out.append('\n');
        }
        out.append(kept);
        firstLine = false;
      }
      lineStart = lineEnd + 1;
    }
    double removedRatio = wordsBefore == 0 ? 0 : (double) wordsRemoved / wordsBefore;
    Measures m = new Measures(NAME).put("removed_word_ratio", removedRatio);
    m.check(removedRatio > maxRemoved, "too_much_removed", "removed_word_ratio", removedRatio, maxRemoved);
    if (m.failed() || fired.isEmpty()) {
      return m.outcome(document);
    }
    List<String> changes = new ArrayList<>(fired.size());
    fired.forEach(rule -> changes.add(NAME + ":" + rule));
    return Outcome.changed(m.tag(document).withText(out.toString()), changes);
  }

  /** The W1–W4 rule that removes the whole (trimmed, non-blank) line, or null. */
  private String removalRule(String line, int words) {
    int upper = 0;
    int digits = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (Character.isUpperCase(c)) {
        upper++;
      } else if (Character.isDigit(c)) {
        digits++;
      }
    }
    if ((double) upper / line.length() > maxUppercase) {
      return "uppercase_lines";
    }
    if ((double) digits / line.length() > maxNumeric) {
      return "numeric_lines";
    }
    if (counterLines && isCounter(line)) {
      return "counter_lines";
    }
    if (words < minWords) {
      return "short_lines";
    }
    return null;
  }

  /**
   * DCLM's counter pattern {@code ^\W*\d(?:,|\.|\d)*(?:K|k|M|m|B|b)?\s+(?:likes|...|followers)\W*$}
   * as a char loop; the word is matched case-insensitively.
   */
  static boolean isCounter(String line) {
    int i = 0;
    int n = line.length();
    while (i < n && !isWordChar(line.charAt(i))) {
      i++;
    }
    if (i == n || !Character.isDigit(line.charAt(i))) {
      return false;
    }
    while (i < n && (Character.isDigit(line.charAt(i)) || line.charAt(i) == ',' || line.charAt(i) == '.')) {
      i++;
    }
    if (i < n && "KkMmBb".indexOf(line.charAt(i)) >= 0) {
      i++;
    }
    int spaceStart = i;
    while (i < n && Character.isWhitespace(line.charAt(i))) {
      i++;
    }
    if (i == spaceStart) {
      return false;
    }
    for (String word : COUNTER_WORDS) {
      if (line.regionMatches(true, i, word, 0, word.length())) {
        for (int j = i + word.length(); j < n; j++) {
          if (isWordChar(line.charAt(j))) {
            return false;
          }
        }
        return true;
      }
    }
    return false;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  /** W5: cuts "items in cart" anywhere, a "read more..." suffix and a "sign-in" prefix. */
  static String withoutBoilerplate(String line) {
    String lower = line.toLowerCase(Locale.ROOT);
    if (lower.length() != line.length()) {
      return line; // case mapping changed offsets (rare scripts): leave the line alone
    }
    StringBuilder out = null;
    int from = 0;
    for (int at = lower.indexOf("items in cart"); at >= 0; at = lower.indexOf("items in cart", at + 13)) {
      out = out == null ? new StringBuilder(line.length()) : out;
      out.append(line, from, at);
      from = at + 13;
    }
    String cut = out == null ? line : out.append(line, from, line.length()).toString();
    String cutLower = cut.toLowerCase(Locale.ROOT);
    if (cutLower.endsWith("read more...")) {
      cut = cut.substring(0, cut.length() - "read more...".length());
      cutLower = cutLower.substring(0, cut.length());
    }
    if (cutLower.startsWith("sign-in")) {
      cut = cut.substring("sign-in".length());
    }
    return cut;
  }
}
