package org.curate.decontam;

import java.util.Arrays;
import org.curate.filters.text.SpanHash;
import org.curate.filters.text.WordSegmenter;

/**
 * The normalised word tokens of one text, as 64-bit hashes with their character offsets, for
 * n-gram matching. Normalisation (the same for benchmark items and documents): words as the
 * filters split them ({@link WordSegmenter}, ICU word boundaries, dictionary segmentation for
 * Chinese, Japanese, Thai...); punctuation and symbol tokens left out; inside a word, every code
 * point that is not a letter, digit or combining mark is deleted ({@code don't} → {@code dont},
 * {@code 3.14} → {@code 314}, {@code has_close} → {@code hasclose}); each code point lowercased
 * (simple case mapping, {@link Character#toLowerCase(int)}). Whitespace never matters, since
 * only tokens are kept. A word that is left empty is skipped.
 *
 * <p>Text in the Latin range is split by {@link LatinWords}, which applies the same boundary rules
 * several times faster than ICU's iterator; any other text goes through {@link WordSegmenter}.
 *
 * <p>Reusable and not thread-safe: {@link #of(CharSequence)} refills the same arrays. No String
 * is made per token.
 */
public final class NormalizedTokens {
  private static final long FNV_PRIME = 0x100000001B3L;
  private static final long FNV_OFFSET = 0xCBF29CE484222325L;

  /** For ASCII: the lowercase letter or the digit, 0 for characters that are deleted. */
  private static final int[] ASCII_LOWER = new int[128];

  static {
    for (int c = 0; c < 128; c++) {
      ASCII_LOWER[c] = kept(c) ? Character.toLowerCase(c) : 0;
    }
  }

  private final WordSegmenter segmenter = new WordSegmenter();
  private long[] hashes = new long[256];
  private int[] starts = new int[256];
  private int[] ends = new int[256];
  private int size;
  private CharSequence text;

  /** Tokenises {@code text} into this object (previous contents are replaced); returns this. */
  public NormalizedTokens of(CharSequence text) {
    this.text = text;
    size = 0;
    if (LatinWords.covers(text)) {
      LatinWords.forEachWord(text, (start, end) -> {
        long h = hashWord(text, start, end);
        if (h != 0) {
          add(h, start, end);
        }
      });
      return this;
    }
    segmenter.forEachToken(text, (start, end, isWord) -> {
      if (isWord) {
        long h = hashWord(text, start, end);
        if (h != 0) {
          add(h, start, end);
        }
      }
    });
    return this;
  }

  public int size() {
    return size;
  }

  /** Hash of token {@code i}, in [0, size). */
  public long hash(int i) {
    return hashes[i];
  }

  /** The token hashes (a view of the first {@link #size()} entries is meaningful). */
  long[] hashArray() {
    return hashes;
  }

  public int start(int i) {
    return starts[i];
  }

  public int end(int i) {
    return ends[i];
  }

  /** Token {@code i} as normalised text (for reports; allocates). */
  public String normalized(int i) {
    return normalize(text, starts[i], ends[i]);
  }

  /** Tokens {@code [from, from + n)} as normalised words joined by single spaces. */
  public String normalized(int from, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < from + n; i++) {
      if (i > from) {
        sb.append(' ');
      }
      sb.append(normalized(i));
    }
    return sb.toString();
  }

  /** The normalised form of {@code text[start, end)} as a String. */
  static String normalize(CharSequence text, int start, int end) {
    StringBuilder sb = new StringBuilder(end - start);
    for (int i = start; i < end; ) {
      int cp = Character.codePointAt(text, i);
      i += Character.charCount(cp);
      if (kept(cp)) {
        sb.appendCodePoint(Character.toLowerCase(cp));
      }
    }
    return sb.toString();
  }

  /** Hash of the normalised form of {@code text[start, end)}; 0 when nothing is left. */
  static long hashWord(CharSequence text, int start, int end) {
    long h = FNV_OFFSET;
    int n = 0;
    for (int i = start; i < end; ) {
      char c = text.charAt(i);
      if (c < 128) {
        // ASCII: a table says kept or not and gives the lowercase form.
        i++;
        int lower = ASCII_LOWER[c];
        if (lower != 0) {
          h = (h ^ lower) * FNV_PRIME;
          n++;
        }
        continue;
      }
      int cp = Character.codePointAt(text, i);
      i += Character.charCount(cp);
      if (kept(cp)) {
        h = (h ^ Character.toLowerCase(cp)) * FNV_PRIME;
        n++;
      }
    }
    if (n == 0) {
      return 0;
    }
    long mixed = SpanHash.mix(h ^ n);
    return mixed == 0 ? 1 : mixed;
  }

  private static boolean kept(int cp) {
    if (cp < 128) {
      return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    }
    if (Character.isLetterOrDigit(cp)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  private void add(long h, int start, int end) {
    if (size == hashes.length) {
      int cap = size * 2;
      hashes = Arrays.copyOf(hashes, cap);
      starts = Arrays.copyOf(starts, cap);
      ends = Arrays.copyOf(ends, cap);
    }
    hashes[size] = h;
    starts[size] = start;
    ends[size] = end;
    size++;
  }
}
