package org.curate.dedup;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Folds text to the form near-duplicate detection compares (the datatrove recipe): Unicode NFKC,
 * lowercase, every decimal digit to {@code 0}, punctuation, symbols and controls to a space,
 * diacritics removed, whitespace runs collapsed to one space, trimmed.
 *
 * <p>Digits are folded because boilerplate pages differ mostly in dates, prices and counters.
 * Diacritics are removed only after Latin, Greek and Cyrillic letters: there a combining mark is
 * an accent ({@code café} = {@code cafe}), whereas in Devanagari, Thai or Arabic the marks are
 * vowels and removing them would merge different words. Stateless and thread-safe.
 */
public final class TextNormalizer implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  public String normalize(CharSequence text) {
    String ascii = asciiOnly(text);
    if (ascii != null) {
      return ascii;
    }
    String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    String decomposed = Normalizer.normalize(folded, Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(decomposed.length());
    boolean pendingSpace = false;
    boolean accentedScript = false;
    for (int i = 0; i < decomposed.length(); ) {
      int cp = decomposed.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      if (type == Character.NON_SPACING_MARK) {
        if (accentedScript) {
          continue;
        }
        out.appendCodePoint(cp);
        continue;
      }
      if (Character.isDigit(cp)) {
        cp = '0';
      } else if (!Character.isLetter(cp) && type != Character.COMBINING_SPACING_MARK
          && type != Character.ENCLOSING_MARK) {
        // Punctuation, symbols, separators, controls: a word boundary.
        pendingSpace = out.length() > 0;
        accentedScript = false;
        continue;
      }
      if (pendingSpace) {
        out.append(' ');
        pendingSpace = false;
      }
      accentedScript = isAccentedScript(cp);
      out.appendCodePoint(cp);
    }
    return Normalizer.normalize(out, Normalizer.Form.NFC);
  }

  /**
   * The same result for a text of ASCII characters only (NFKC, NFD and NFC leave those alone,
   * lowercasing and the digit, letter and separator tests are the ASCII ones), in one pass;
   * null when the text has any other character.
   */
  private static String asciiOnly(CharSequence text) {
    int n = text.length();
    char[] out = new char[n];
    int length = 0;
    boolean pendingSpace = false;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        return null;
      }
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
      } else if (c >= '0' && c <= '9') {
        c = '0';
      } else if (c < 'a' || c > 'z') {
        pendingSpace = length > 0;
        continue;
      }
      if (pendingSpace) {
        out[length++] = ' ';
        pendingSpace = false;
      }
      out[length++] = c;
    }
    return new String(out, 0, length);
  }

  private static boolean isAccentedScript(int cp) {
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    return script == Character.UnicodeScript.LATIN || script == Character.UnicodeScript.GREEK
        || script == Character.UnicodeScript.CYRILLIC;
  }
}
