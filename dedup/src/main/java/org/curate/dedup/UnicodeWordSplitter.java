package org.curate.dedup;

/**
 * The default {@link WordSplitter}: a word is a run of letters, digits and combining marks;
 * anything else separates words. Scripts written without spaces (Han, Hiragana, Katakana, Thai,
 * Lao, Khmer, Myanmar) have no such runs, so each of their characters is a word of its own: word
 * 5-grams then become character 5-grams, which still detect copies, only less sharply than a real
 * segmenter would. Stateless and thread-safe.
 */
public final class UnicodeWordSplitter implements WordSplitter {

  @Override
  public void split(CharSequence text, Sink sink) {
    int start = -1;
    int n = text.length();
    for (int i = 0; i < n; ) {
      int cp = Character.codePointAt(text, i);
      int next = i + Character.charCount(cp);
      if (isUnspacedScript(cp)) {
        if (start >= 0) {
          sink.word(text, start, i);
          start = -1;
        }
        sink.word(text, i, next);
      } else if (isWordPart(cp)) {
        if (start < 0) {
          start = i;
        }
      } else if (start >= 0) {
        sink.word(text, start, i);
        start = -1;
      }
      i = next;
    }
    if (start >= 0) {
      sink.word(text, start, n);
    }
  }

  private static boolean isWordPart(int cp) {
    if (Character.isLetterOrDigit(cp)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  static boolean isUnspacedScript(int cp) {
    if (cp < 0x0E00) {
      return false; // fast path: Latin, Greek, Cyrillic, Arabic, Indic...
    }
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    return switch (script) {
      case HAN, HIRAGANA, KATAKANA, THAI, LAO, KHMER, MYANMAR -> true;
      default -> false;
    };
  }
}
