package org.curate.filters.fasttext;

import java.util.ArrayList;
import java.util.List;

/**
 * Predicts labels for one line of text, as {@code fasttext predict-prob} does for each input line.
 * Not thread-safe: it reuses its buffers (UTF-8 bytes, row ids, word hashes, hidden vector) so
 * that a prediction allocates only its result list.
 *
 * <p>Tokenization follows fastText: tokens are split on the ASCII whitespace bytes
 * {@code ' ' \n \r \t \v \f \0}; the line ends with the end-of-sentence token {@code </s>}
 * (fastText reads it from the newline); a newline inside the text ends the line there, the rest
 * is ignored, as in fastText. Tokens starting with {@code __label__} are not features. The input
 * is the average of the rows of each word (in-vocabulary: the word and its character n-grams;
 * out of vocabulary: the n-grams only) and of the hashed word n-grams.
 */
public final class FastTextPredictor {
  private final FastTextModel model;
  private final FastTextDictionary dict;
  private final int nlabels;
  private byte[] utf8 = new byte[4096];
  private char[] chars = new char[2048];
  private byte[] wrapped = new byte[256];
  private final IntList rows = new IntList(1024);
  private final IntList wordHashes = new IntList(256);
  private final IntList ngramRows = new IntList(64);
  private final TokenRowsCache tokenRowsCache = new TokenRowsCache();
  /** Marks a token that adds no rows and no word hash (a label). */
  private static final int[] NOT_A_FEATURE = new int[0];
  private final float[] hidden;
  private final float[] labelScratch;
  private final TopK best;

  FastTextPredictor(FastTextModel model) {
    this.model = model;
    this.dict = model.dictionary();
    this.nlabels = dict.nlabels();
    this.hidden = new float[model.args().dim()];
    this.labelScratch = new float[nlabels];
    this.best = new TopK(nlabels);
  }

  /** The {@code k} most probable labels (all when {@code k <= 0}), best first. */
  public List<Prediction> predict(CharSequence line, int k) {
    return predict(line, k, 0f);
  }

  /** As {@link #predict(CharSequence, int)}, leaving out labels whose probability is below {@code threshold}. */
  public List<Prediction> predict(CharSequence line, int k, float threshold) {
    int len = encodeUtf8(line);
    best.reset(k <= 0 ? nlabels : Math.min(k, nlabels));
    if (!computeHidden(len)) {
      return List.of();
    }
    model.outputLayer().predict(hidden, threshold, labelScratch, best);
    List<Prediction> out = new ArrayList<>(best.size());
    for (int i = 0; i < best.size(); i++) {
      int label = best.label(i);
      out.add(new Prediction(dict.label(label), label, (float) Math.exp(best.score(i))));
    }
    return out;
  }

  /**
   * The input-matrix rows of a line's features, in the order fastText adds them (each word's own
   * row and character n-grams, then the word n-grams): exactly what prediction averages, so the
   * trainer learns on the features inference will see.
   */
  int[] inputRows(CharSequence line) {
    collectRows(encodeUtf8(line));
    return rows.toArray();
  }

  /** Fills {@link #hidden} with the averaged input rows of the line; false when there are none. */
  private boolean computeHidden(int len) {
    collectRows(len);
    int n = rows.size();
    java.util.Arrays.fill(hidden, 0f);
    if (n == 0) {
      return false;
    }
    Matrix input = model.input();
    for (int r = 0; r < n; r++) {
      input.addRowTo(hidden, rows.get(r));
    }
    float scale = (float) (1.0 / n);
    for (int j = 0; j < hidden.length; j++) {
      hidden[j] *= scale;
    }
    return true;
  }

  private void collectRows(int len) {
    rows.clear();
    wordHashes.clear();
    int i = 0;
    boolean sawNewline = false;
    while (i < len && !sawNewline) {
      byte b = utf8[i];
      if (isSpace(b)) {
        sawNewline = b == '\n';
        i++;
        continue;
      }
      int start = i;
      while (i < len && !isSpace(utf8[i])) {
        i++;
      }
      addToken(utf8, start, i - start);
    }
    addToken(FastTextDictionary.EOS, 0, FastTextDictionary.EOS.length);
    dict.addWordNgramRows(wordHashes, rows);
  }

  private void addToken(byte[] bytes, int off, int len) {
    int h = FastTextDictionary.hash(bytes, off, len);
    int[] tokenRows = tokenRowsCache.get(bytes, off, len, h);
    if (tokenRows == null) {
      tokenRows = featureRows(bytes, off, len, h);
      tokenRowsCache.put(bytes, off, len, h, tokenRows);
    }
    if (tokenRows != NOT_A_FEATURE) {
      rows.addAll(tokenRows);
      wordHashes.add(h);
    }
  }

  /**
   * The input rows of one token: an in-vocabulary word's own row and n-grams, an unknown word's
   * character n-grams; {@link #NOT_A_FEATURE} for a label and for an unknown {@code __label__} token.
   */
  private int[] featureRows(byte[] bytes, int off, int len, int h) {
    int id = dict.find(bytes, off, len, h);
    if (id >= 0) {
      return dict.isWord(id) ? dict.wordRows(id) : NOT_A_FEATURE;
    }
    if (startsWithLabelPrefix(bytes, off, len)) {
      return NOT_A_FEATURE;
    }
    if (wrapped.length < len + 2) {
      wrapped = new byte[Math.max(len + 2, wrapped.length * 2)];
    }
    int wlen = FastTextDictionary.wrap(bytes, off, len, wrapped);
    ngramRows.clear();
    dict.addCharNgramRows(wrapped, wlen, ngramRows);
    return ngramRows.toArray();
  }

  private static boolean startsWithLabelPrefix(byte[] bytes, int off, int len) {
    byte[] p = FastTextDictionary.LABEL_PREFIX;
    return len >= p.length && java.util.Arrays.equals(bytes, off, off + p.length, p, 0, p.length);
  }

  private static boolean isSpace(byte b) {
    return b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == 0x0B || b == '\f' || b == 0;
  }

  /** UTF-8 into the reusable buffer; an unpaired surrogate becomes '?', as String.getBytes does. */
  private int encodeUtf8(CharSequence s) {
    int n = s.length();
    if (chars.length < n) {
      chars = new char[Math.max(n, chars.length * 2)];
    }
    if (s instanceof String str) {
      str.getChars(0, n, chars, 0);
    } else if (s instanceof StringBuilder sb) {
      sb.getChars(0, n, chars, 0);
    } else {
      for (int i = 0; i < n; i++) {
        chars[i] = s.charAt(i);
      }
    }
    return encodeUtf8(chars, n);
  }

  private int encodeUtf8(char[] s, int n) {
    if (utf8.length < n * 3) {
      utf8 = new byte[Math.max(n * 3, utf8.length * 2)];
    }
    byte[] out = utf8;
    int p = 0;
    for (int i = 0; i < n; i++) {
      char c = s[i];
      if (c < 0x80) {
        out[p++] = (byte) c;
      } else if (c < 0x800) {
        out[p++] = (byte) (0xC0 | c >> 6);
        out[p++] = (byte) (0x80 | c & 0x3F);
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s[i + 1])) {
        int cp = Character.toCodePoint(c, s[++i]);
        out[p++] = (byte) (0xF0 | cp >> 18);
        out[p++] = (byte) (0x80 | cp >> 12 & 0x3F);
        out[p++] = (byte) (0x80 | cp >> 6 & 0x3F);
        out[p++] = (byte) (0x80 | cp & 0x3F);
      } else if (Character.isSurrogate(c)) {
        out[p++] = '?';
      } else {
        out[p++] = (byte) (0xE0 | c >> 12);
        out[p++] = (byte) (0x80 | c >> 6 & 0x3F);
        out[p++] = (byte) (0x80 | c & 0x3F);
      }
    }
    return p;
  }
}
