package org.curate.tokenizer;

import java.util.List;

/**
 * SentencePiece-style pre-tokenisation with AFM's settings and no normalisation: each line
 * (split at {@code \n}) that is not empty gets a dummy-prefix {@code ▁} and its spaces become
 * {@code ▁}; {@code \n} itself is a unit of its own. Within a line, units follow SentencePiece's
 * piece rules so no piece can cross them: a run of {@code ▁} starts a unit and prefixes the word
 * after it, every digit is a unit (digits split), control characters are units, and a change of
 * Unicode script starts a unit (combining marks and joiners, script Inherited, do not) (Hiragana/Katakana count as Han). User-defined symbols are units.
 * The sink receives ranges of the normalised line, not of the input text.
 */
public final class SpPreTokenizer implements PreTokenizer {
  public static final char SPACE = '\u2581';
  static final int NO_SCRIPT = -1;
  static final int INHERITED = Character.UnicodeScript.INHERITED.ordinal();

  private final List<String> userDefined;
  private final boolean trainingUnits;

  /**
   * @param trainingUnits true: the fine units training counts (script changes, digits and control
   *     characters split too); false: the words {@code spm_encode} could never merge across (a run
   *     of {@code ▁} after other characters starts a word), which the encoder uses so that it
   *     encodes any SentencePiece BPE model, ours or {@code spm_train}'s, exactly as spm does.
   */
  public SpPreTokenizer(List<String> userDefined, boolean trainingUnits) {
    this.userDefined = List.copyOf(userDefined);
    this.trainingUnits = trainingUnits;
  }

  public SpPreTokenizer(List<String> userDefined) {
    this(userDefined, true);
  }

  public SpPreTokenizer() {
    this(List.of());
  }

  /** {@code ▁} + the line with spaces as {@code ▁}; the empty line stays empty. */
  public static String normalizeLine(String line, int from, int to) {
    if (from == to) {
      return "";
    }
    char[] out = new char[to - from + 1];
    out[0] = SPACE;
    for (int i = from; i < to; i++) {
      char c = line.charAt(i);
      out[i - from + 1] = c == ' ' ? SPACE : c;
    }
    return new String(out);
  }

  @Override
  public void split(String text, Sink sink) {
    int n = text.length();
    int lineStart = 0;
    while (true) {
      int nl = text.indexOf('\n', lineStart);
      int lineEnd = nl < 0 ? n : nl;
      if (lineEnd > lineStart) {
        splitNormalized(normalizeLine(text, lineStart, lineEnd), sink);
      }
      if (nl < 0) {
        return;
      }
      sink.accept("\n", 0, 1);
      lineStart = nl + 1;
    }
  }

  /** Splits an already normalised line into units. */
  public void splitNormalized(String s, Sink sink) {
    int n = s.length();
    int start = 0;
    int script = NO_SCRIPT;
    boolean prevWs = false;
    boolean prevIsolated = false;
    int i = 0;
    while (i < n) {
      if (!userDefined.isEmpty()) {
        int len = userDefinedAt(s, i);
        if (len > 0) {
          if (i > start) {
            sink.accept(s, start, i);
          }
          sink.accept(s, i, i + len);
          i += len;
          start = i;
          script = NO_SCRIPT;
          prevWs = false;
          prevIsolated = true;
          continue;
        }
      }
      int cp = s.codePointAt(i);
      boolean ws = cp == SPACE;
      boolean isolated = !ws && isIsolated(cp);
      int sc = ws || isolated ? NO_SCRIPT : scriptOf(cp);
      boolean boundary;
      if (i == start) {
        boundary = false;
      } else if (ws) {
        boundary = !prevWs;
      } else if (!trainingUnits) {
        boundary = false;
      } else if (isolated || prevIsolated) {
        boundary = true;
      } else {
        // Combining marks and joiners (script Inherited) stay with the character before them.
        boundary = script != NO_SCRIPT && sc != script && sc != INHERITED;
      }
      if (boundary) {
        sink.accept(s, start, i);
        start = i;
        script = NO_SCRIPT;
      }
      if (sc != NO_SCRIPT && sc != INHERITED && script == NO_SCRIPT) {
        script = sc;
      }
      prevWs = ws;
      prevIsolated = isolated;
      i += Character.charCount(cp);
    }
    if (n > start) {
      sink.accept(s, start, n);
    }
  }

  private int userDefinedAt(String s, int i) {
    int best = 0;
    for (String u : userDefined) {
      if (u.length() > best && s.startsWith(u, i)) {
        best = u.length();
      }
    }
    return best;
  }

  public boolean isUserDefined(String unit) {
    return !userDefined.isEmpty() && userDefined.contains(unit);
  }

  /** Digits are split (SentencePiece split_digits); control chars and U+2585 never join a piece. */
  static boolean isIsolated(int cp) {
    return Character.isDigit(cp) || Character.getType(cp) == Character.CONTROL || cp == 0x2585;
  }

  static int scriptOf(int cp) {
    if (cp == 0x30FC) {
      return Character.UnicodeScript.HAN.ordinal();
    }
    Character.UnicodeScript s = Character.UnicodeScript.of(cp);
    if (s == Character.UnicodeScript.HIRAGANA || s == Character.UnicodeScript.KATAKANA) {
      s = Character.UnicodeScript.HAN;
    }
    return s.ordinal();
  }
}
