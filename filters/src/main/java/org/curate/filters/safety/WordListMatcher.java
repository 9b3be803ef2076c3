package org.curate.filters.safety;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Finds the entries of one word list in a text with a single Aho–Corasick pass over the
 * lower-cased text (ROOT locale; entries are lower-cased the same way).
 *
 * <p><b>Word mode</b> (space-delimited scripts) reproduces C4's regex
 * {@code (?:\W|^)(w1|w2|...)(?:\W|$)}: an occurrence counts only when the characters just before
 * and just after it are not word characters, so {@code ass} does not fire inside {@code class} or
 * {@code cunt} inside {@code scunthorpe}, while multi-word entries ({@code 2 girls 1 cup}) match
 * across their spaces. Word characters are letters, digits, combining marks and {@code _};
 * Python's {@code \W} leaves out combining marks, which splits Devanagari words at vowel signs,
 * so here Hindi matches on whole words. The unit of the ratio is a word: a maximal run of word
 * characters.
 *
 * <p><b>Substring mode</b> (Chinese, Japanese, Thai: no spaces between words) counts every
 * occurrence, as C4 does for these languages; the unit of the ratio is a non-whitespace char.
 */
public final class WordListMatcher {
  /**
   * {@code occurrences}: entry occurrences found (overlapping entries each count);
   * {@code coveredUnits}: words (or chars) inside at least one occurrence; {@code totalUnits}:
   * words (or non-space chars) in the text; {@code firstMatch}: the first entry found, for logs.
   */
  public record Result(int occurrences, int coveredUnits, int totalUnits, String firstMatch) {
    public double ratio() {
      return totalUnits == 0 ? 0.0 : (double) coveredUnits / totalUnits;
    }
  }

  private final AhoCorasick automaton;
  private final boolean substringMode;

  public WordListMatcher(List<String> entries, boolean substringMode) {
    List<String> lowered = new ArrayList<>(entries.size());
    for (String e : entries) {
      String s = e.strip().toLowerCase(Locale.ROOT);
      if (!s.isEmpty()) {
        lowered.add(s);
      }
    }
    this.automaton = new AhoCorasick(lowered);
    this.substringMode = substringMode;
  }

  public int size() {
    return automaton.patternCount();
  }

  public boolean substringMode() {
    return substringMode;
  }

  /** Measures {@code text}; with {@code stopAtFirst} the scan ends at the first occurrence. */
  public Result measure(String text, boolean stopAtFirst) {
    String lower = text.toLowerCase(Locale.ROOT);
    Occurrences found = new Occurrences();
    automaton.scan(lower, (start, end, id) -> {
      if (!substringMode && (start > 0 && isWordChar(lower.codePointBefore(start))
          || end < lower.length() && isWordChar(lower.codePointAt(end)))) {
        return true; // inside a longer word: not a match (the Scunthorpe rule)
      }
      found.add(start, end, automaton.pattern(id));
      return !stopAtFirst;
    });
    int[] merged = found.mergedSpans();
    return substringMode ? countChars(lower, merged, found) : countWords(lower, merged, found);
  }

  private static Result countWords(String text, int[] merged, Occurrences found) {
    int words = 0;
    int covered = 0;
    int span = 0;
    int n = text.length();
    int wordStart = -1;
    for (int i = 0; i <= n; ) {
      boolean word = false;
      int width = 1;
      if (i < n) {
        char c = text.charAt(i);
        if (c < 128) {
          word = ASCII_WORD_CHARS[c];
        } else {
          int cp = text.codePointAt(i);
          width = Character.charCount(cp);
          word = isWordChar(cp);
        }
      }
      if (word && wordStart < 0) {
        wordStart = i;
      } else if (!word && wordStart >= 0) {
        // a word [wordStart, i) ends: is it inside an occurrence?
        words++;
        while (span < merged.length && merged[span + 1] <= wordStart) {
          span += 2;
        }
        if (span < merged.length && merged[span] < i) {
          covered++;
        }
        wordStart = -1;
      }
      i += width;
    }
    return new Result(found.count, covered, words, found.first);
  }

  private static Result countChars(String text, int[] merged, Occurrences found) {
    int chars = 0;
    int covered = 0;
    int span = 0;
    for (int i = 0; i < text.length(); i++) {
      if (Character.isWhitespace(text.charAt(i)) || Character.isLowSurrogate(text.charAt(i))) {
        continue;
      }
      chars++;
      while (span < merged.length && merged[span + 1] <= i) {
        span += 2;
      }
      if (span < merged.length && merged[span] <= i) {
        covered++;
      }
    }
    return new Result(found.count, covered, chars, found.first);
  }

  /** Accepted occurrences as [start, end) pairs, in the order the automaton reports them. */
  private static final class Occurrences {
    int[] spans = new int[16];
    int count;
    String first;

    void add(int start, int end, String entry) {
      if (2 * count + 2 > spans.length) {
        spans = Arrays.copyOf(spans, spans.length * 2);
      }
      spans[2 * count] = start;
      spans[2 * count + 1] = end;
      if (first == null) {
        first = entry;
      }
      count++;
    }

    /** Disjoint, sorted union of the spans, flattened as start,end pairs. */
    int[] mergedSpans() {
      if (count == 0) {
        return new int[0];
      }
      long[] packed = new long[count];
      for (int k = 0; k < count; k++) {
        packed[k] = ((long) spans[2 * k] << 32) | spans[2 * k + 1];
      }
      Arrays.sort(packed);
      int[] out = new int[2 * count];
      int n = 0;
      for (long p : packed) {
        int s = (int) (p >>> 32);
        int e = (int) p;
        if (n > 0 && s <= out[n - 1]) {
          out[n - 1] = Math.max(out[n - 1], e);
        } else {
          out[n++] = s;
          out[n++] = e;
        }
      }
      return Arrays.copyOf(out, n);
    }
  }

  /** {@link #isWordChar} of the ASCII chars, looked up in the per-char loop of {@link #countWords}. */
  private static final boolean[] ASCII_WORD_CHARS = new boolean[128];

  static {
    for (int c = 0; c < 128; c++) {
      ASCII_WORD_CHARS[c] = isWordChar(c);
    }
  }

  static boolean isWordChar(int cp) {
    if (cp == '_' || Character.isLetterOrDigit(cp)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }
}
