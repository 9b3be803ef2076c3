package org.curate.tokenizer;

/**
 * GPT-2's split pattern {@code 's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+}
 * as a hand-written single-pass scanner (no regex engine, no backtracking), with Unicode
 * semantics: {@code \s} is the White_Space property (as in HF tokenizers' Oniguruma and Rust
 * regex), {@code \p{L}}/{@code \p{N}} the general categories. Each alternative is tried in the
 * pattern's order at each position, exactly like the leftmost-first regex.
 */
public final class Gpt2Splitter implements PreTokenizer {
  public static final String PATTERN =
      "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+";

  private static final int LETTER = 1;
  private static final int NUMBER = 2;
  private static final int SPACE = 3;
  private static final int OTHER = 4;

  @Override
  public void split(String text, Sink sink) {
    int n = text.length();
    int i = 0;
    while (i < n) {
      int end = matchAt(text, i, n);
      sink.accept(text, i, end);
      i = end;
    }
  }

  private static int matchAt(String s, int i, int n) {
    char c = s.charAt(i);
    if (c == '\'' && i + 1 < n) {
      char d = s.charAt(i + 1);
      if (d == 's' || d == 't' || d == 'm' || d == 'd') {
        return i + 2;
      }
      if (i + 2 < n) {
        char e = s.charAt(i + 2);
        if ((d == 'r' && e == 'e') || (d == 'v' && e == 'e') || (d == 'l' && e == 'l')) {
          return i + 3;
        }
      }
    }
    int j = i;
    if (c == ' ' && i + 1 < n) {
      int cls = classAt(s, i + 1);
      if (cls != SPACE) {
        j = i + 1; // " ?" takes the space when a letter, number or other run follows
      }
    }
    int cls = classAt(s, j);
    if (cls != SPACE) {
      return runEnd(s, j, n, cls);
    }
    // \s+(?!\S) then \s+: the whitespace run, minus its last char when a non-space follows it.
    int k = j;
    while (k < n && classAt(s, k) == SPACE) {
      k += Character.charCount(s.codePointAt(k));
    }
    if (k < n) {
      int last = s.offsetByCodePoints(k, -1);
      if (last > j) {
        return last;
      }
    }
    return k;
  }

  private static int runEnd(String s, int j, int n, int cls) {
    int k = j;
    while (k < n) {
      int cp = s.codePointAt(k);
      if (classOf(cp) != cls) {
        break;
      }
      k += Character.charCount(cp);
    }
    return k;
  }

  private static int classAt(String s, int i) {
    return classOf(s.codePointAt(i));
  }

  static int classOf(int cp) {
    if (cp < 128) {
      if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) {
        return LETTER;
      }
      if (cp >= '0' && cp <= '9') {
        return NUMBER;
      }
      return cp == ' ' || (cp >= 9 && cp <= 13) ? SPACE : OTHER;
    }
    if (isWhiteSpace(cp)) {
      return SPACE;
    }
    switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER, Character.OTHER_LETTER:
        return LETTER;
      case Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER:
        return NUMBER;
      default:
        return OTHER;
    }
  }

  /** Unicode's White_Space property. */
  public static boolean isWhiteSpace(int cp) {
    return (cp >= 9 && cp <= 13) || cp == 0x20 || cp == 0x85 || cp == 0xA0 || cp == 0x1680
        || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F
        || cp == 0x3000;
  }
}
