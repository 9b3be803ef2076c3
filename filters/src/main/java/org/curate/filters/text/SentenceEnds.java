package org.curate.filters.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;

/**
 * Whether a line ends a sentence. Uses Unicode's Sentence_Terminal property (. ! ? and their
 * equivalents in other scripts: 。！？ । ۔ ...) rather than a hand-written list, so the rules work
 * beyond English; commas, colons and semicolons are not terminals.
 */
public final class SentenceEnds {
  private SentenceEnds() {}

  public static boolean isTerminal(int codePoint) {
    return UCharacter.hasBinaryProperty(codePoint, UProperty.S_TERM);
  }

  /**
   * True if the span, ignoring trailing whitespace and closing quotes or brackets, ends with a
   * sentence terminal: {@code He said "yes."} and {@code (see above.)} end sentences.
   */
  public static boolean endsSentence(CharSequence text, int start, int end) {
    int i = end;
    while (i > start && WordSegmenter.isSpace(text.charAt(i - 1))) {
      i--;
    }
    while (i > start && isClosing(text.charAt(i - 1))) {
      i--;
    }
    if (i == start) {
      return false;
    }
    return isTerminal(Character.codePointBefore(text, i));
  }

  /** True if the span, ignoring trailing whitespace, ends with {@code ...} or {@code …}. */
  public static boolean endsWithEllipsis(CharSequence text, int start, int end) {
    int i = end;
    while (i > start && WordSegmenter.isSpace(text.charAt(i - 1))) {
      i--;
    }
    if (i > start && text.charAt(i - 1) == '\u2026') {
      return true;
    }
    return i - start >= 3 && text.charAt(i - 1) == '.' && text.charAt(i - 2) == '.' && text.charAt(i - 3) == '.';
  }

  private static boolean isClosing(char c) {
    int type = Character.getType(c);
    return c == '"' || c == '\'' || type == Character.FINAL_QUOTE_PUNCTUATION || type == Character.END_PUNCTUATION;
  }
}
