package org.curate.decontam;

/**
 * A fast path for {@link NormalizedTokens}: the words of text written only in the Latin range
 * (U+0000–U+024F, combining diacritics, general punctuation U+2010–U+2027, currency and arrow
 * symbols), found with the Unicode word-boundary rules (UAX #29) that ICU applies to these
 * characters, without ICU's BreakIterator, which costs most of the time otherwise. For such text
 * the rules reduce to: a run of letters, digits and connector underscores is one word; a letter,
 * {@code '}, {@code .}, {@code ’} or {@code ·} and a letter stay one word ({@code don't},
 * {@code U.S}); a digit, {@code ,}, {@code ;}, {@code .} or {@code '} and a digit stay one
 * word ({@code 3,000.5}); combining marks and soft hyphens attach to the preceding character.
 * {@link #covers} says when the fast path applies; {@code NormalizedTokensTest} checks it gives
 * exactly ICU's words on real benchmark and web text.
 */
final class LatinWords {
  static final byte OTHER = 0;
  static final byte LETTER = 1;
  static final byte NUMERIC = 2;
  static final byte EXTEND_NUM_LET = 3;
  /** Joins letters only. */
  static final byte MID_LETTER = 4;
  /** Joins letters or digits ({@code . ’ '}). */
  static final byte MID_NUM_LET = 5;
  /** Joins digits only ({@code , ;}). */
  static final byte MID_NUM = 6;
  /** Ignored between other characters (combining marks, soft hyphen). */
  static final byte EXTEND = 7;

  private static final byte[] LATIN = new byte[0x250];

  static {
    for (int c = 0; c < LATIN.length; c++) {
      LATIN[c] = Character.isLetter(c) ? LETTER : c >= '0' && c <= '9' ? NUMERIC : OTHER;
    }
    LATIN['_'] = EXTEND_NUM_LET;
    LATIN['\''] = MID_NUM_LET;
    LATIN['.'] = MID_NUM_LET;
    LATIN[0xB7] = MID_LETTER;
    LATIN[','] = MID_NUM;
    LATIN[';'] = MID_NUM;
    LATIN[0xAD] = EXTEND;
  }

  private LatinWords() {}

  static byte type(char c) {
    if (c < 0x250) {
      return LATIN[c];
    }
    if (c >= 0x300 && c < 0x370) {
      return EXTEND;
    }
    return switch (c) {
      case '\u2018', '\u2019', '\u2024' -> MID_NUM_LET;
      case '\u2027' -> MID_LETTER;
      default -> OTHER;
    };
  }

  /** True when every character of {@code text} is one the fast path handles. */
  static boolean covers(CharSequence text) {
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (c < 0x250 || (c >= 0x300 && c < 0x370) || (c >= 0x2010 && c <= 0x2027)
          || (c >= 0x20A0 && c <= 0x20C0) || (c >= 0x2190 && c <= 0x21FF) || c == 0x2122) {
        continue;
      }
      return false;
    }
    return true;
  }

  interface WordVisitor {
    void word(int start, int end);
  }

  /** Calls {@code visitor} for each word (a token with a letter or digit), in order. */
  static void forEachWord(CharSequence text, WordVisitor visitor) {
    int n = text.length();
    int i = 0;
    while (i < n) {
      byte t = type(text.charAt(i));
      if (t != LETTER && t != NUMERIC && t != EXTEND_NUM_LET) {
        i++;
        // Marks after a non-word character belong to it.
        while (i < n && type(text.charAt(i)) == EXTEND) {
          i++;
        }
        continue;
      }
      int start = i;
      byte last = t;
      boolean hasAlnum = t != EXTEND_NUM_LET;
      int j = i + 1;
      while (j < n) {
        byte u = type(text.charAt(j));
        if (u == EXTEND) {
          j++;
        } else if (u == LETTER || u == NUMERIC || u == EXTEND_NUM_LET) {
          last = u;
          hasAlnum |= u != EXTEND_NUM_LET;
          j++;
        } else if (u == MID_LETTER || u == MID_NUM_LET || u == MID_NUM) {
          int k = j + 1;
          while (k < n && type(text.charAt(k)) == EXTEND) {
            k++;
          }
          byte next = k < n ? type(text.charAt(k)) : OTHER;
          boolean letters = last == LETTER && next == LETTER && u != MID_NUM;
          boolean digits = last == NUMERIC && next == NUMERIC && u != MID_LETTER;
          if (letters || digits) {
            j = k + 1;
          } else {
            break;
          }
        } else {
          break;
        }
      }
      if (hasAlnum) {
        visitor.word(start, j);
      }
      i = j;
    }
  }
}
