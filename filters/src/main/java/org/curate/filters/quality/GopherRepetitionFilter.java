package org.curate.filters.quality;

import org.curate.core.Document;
import org.curate.core.DocumentStep;
import org.curate.core.Outcome;
import org.curate.filters.FilterParams;
import org.curate.filters.text.LongCounter;
import org.curate.filters.text.SpanHash;
import org.curate.filters.text.TextLines;
import org.curate.filters.text.WordSegmenter;

/**
 * Gopher repetition rules (Rae et al. 2021, Table A1; rules R1–R13), with datatrove's
 * definitions. All character fractions divide by the length of the whole text (UTF-16 chars).
 *
 * <ul>
 *   <li>{@code dup_para_frac} / {@code dup_para_char_frac}: paragraphs ({@link TextLines}) that
 *       repeat an earlier one, as a fraction of paragraphs (&gt; 0.3) and their chars (&gt; 0.2).
 *   <li>{@code dup_line_frac} / {@code dup_line_char_frac}: the same for non-blank lines (&gt; 0.3,
 *       &gt; 0.2). Only second and later copies count; lines and paragraphs compare trimmed.
 *   <li>{@code top_2gram}…{@code top_4gram}: chars of the most frequent n-gram (words joined by
 *       one space) × its count &gt; 0.20, 0.18, 0.16. Unlike datatrove, an n-gram must occur at
 *       least twice: the "most frequent" of n-grams that all occur once is not repetition, and
 *       datatrove's reading drops short texts for it. Ties go to the longer n-gram.
 *   <li>{@code dup_5gram}…{@code dup_10gram}: a left-to-right scan; an n-gram seen before adds its
 *       chars (words without spaces) and the scan jumps n tokens, so overlaps are not counted
 *       twice; &gt; 0.15, 0.14, 0.13, 0.12, 0.11, 0.10.
 * </ul>
 * N-grams run over all tokens (words and punctuation), as datatrove's NLTK tokens do, and compare
 * case-sensitively through 64-bit hashes; no String is made per n-gram. An empty or blank text is
 * dropped as {@code gopher_repetition:empty} (datatrove divides by zero there).
 */
public final class GopherRepetitionFilter implements DocumentStep {
  public static final String NAME = "gopher_repetition";
  private static final ThreadLocal<LongCounter> SCRATCH = ThreadLocal.withInitial(LongCounter::new);

  private final double dupLineFrac;
  private final double dupParaFrac;
  private final double dupLineCharFrac;
  private final double dupParaCharFrac;
  /** Thresholds for top n-grams, indexed by n (2..4); for duplicate n-grams, by n (5..10). */
  private final double[] topNgram = new double[5];
  private final double[] dupNgram = new double[11];

  public GopherRepetitionFilter(FilterParams p) {
    dupLineFrac = p.getDouble("dup_line_frac", 0.3);
    dupParaFrac = p.getDouble("dup_para_frac", 0.3);
    dupLineCharFrac = p.getDouble("dup_line_char_frac", 0.2);
    dupParaCharFrac = p.getDouble("dup_para_char_frac", 0.2);
    double[] topDefaults = {0, 0, 0.20, 0.18, 0.16};
    for (int n = 2; n <= 4; n++) {
      topNgram[n] = p.getDouble("top_" + n + "gram", topDefaults[n]);
    }
    double[] dupDefaults = {0, 0, 0, 0, 0, 0.15, 0.14, 0.13, 0.12, 0.11, 0.10};
    for (int n = 5; n <= 10; n++) {
      dupNgram[n] = p.getDouble("dup_" + n + "gram", dupDefaults[n]);
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Outcome<Document> apply(Document document) {
    String text = document.text();
    Measures m = new Measures(NAME);
    TextLines paragraphs = TextLines.paragraphsOf(text);
    if (paragraphs.count() == 0) {
      m.fail("empty", "text is empty or blank");
      return m.outcome(document);
    }
    double length = text.length();
    LongCounter scratch = SCRATCH.get();

    Duplicates paras = Duplicates.of(text, paragraphs, scratch);
    double paraFrac = (double) paras.copies() / paragraphs.count();
    double paraCharFrac = paras.chars() / length;
    m.put("dup_para_frac", paraFrac).put("dup_para_char_frac", paraCharFrac);
    m.check(paraFrac > dupParaFrac, "dup_para_frac", "dup_para_frac", paraFrac, dupParaFrac);
    m.check(paraCharFrac > dupParaCharFrac, "dup_para_char_frac", "dup_para_char_frac", paraCharFrac, dupParaCharFrac);

    TextLines lines = TextLines.linesOf(text);
    Duplicates dupLines = Duplicates.of(text, lines, scratch);
    double lineFrac = (double) dupLines.copies() / lines.count();
    double lineCharFrac = dupLines.chars() / length;
    m.put("dup_line_frac", lineFrac).put("dup_line_char_frac", lineCharFrac);
    m.check(lineFrac > dupLineFrac, "dup_line_frac", "dup_line_frac", lineFrac, dupLineFrac);
    m.check(lineCharFrac > dupLineCharFrac, "dup_line_char_frac", "dup_line_char_frac", lineCharFrac, dupLineCharFrac);

    TokenHashes tokens = TokenHashes.of(text);
    for (int n = 2; n <= 4; n++) {
      double frac = topNgramChars(tokens, n, scratch) / length;
      m.put("top_" + n + "gram", frac);
      m.check(frac > topNgram[n], "top_" + n + "gram", "top_" + n + "gram", frac, topNgram[n]);
    }
    for (int n = 5; n <= 10; n++) {
      double frac = duplicateNgramChars(tokens, n, scratch) / length;
      m.put("dup_" + n + "gram", frac);
      m.check(frac > dupNgram[n], "dup_" + n + "gram", "dup_" + n + "gram", frac, dupNgram[n]);
    }
    return m.outcome(document);
  }

  /** Chars of the most frequent repeated n-gram (joined by spaces) × its count; 0 if none repeats. */
  static long topNgramChars(TokenHashes t, int n, LongCounter counter) {
    counter.clear();
    int bestCount = 1;
    long bestChars = 0;
    long baseToN = TokenHashes.power(n);
    for (int i = 0; i + n <= t.count; i++) {
      int c = counter.increment(t.ngramHash(i, n, baseToN));
      long chars = t.charsOf(i, n) + (n - 1);
      if (c > bestCount || (c == bestCount && c > 1 && chars > bestChars)) {
        bestCount = c;
        bestChars = chars;
      }
    }
    return bestCount > 1 ? bestChars * bestCount : 0;
  }

  /** Chars of repeated n-grams in a left-to-right scan that skips past each repeat. */
  static long duplicateNgramChars(TokenHashes t, int n, LongCounter seen) {
    seen.clear();
    long chars = 0;
    int i = 0;
    long baseToN = TokenHashes.power(n);
    while (i + n <= t.count) {
      if (seen.increment(t.ngramHash(i, n, baseToN)) > 1) {
        chars += t.charsOf(i, n);
        i += n;
      } else {
        i++;
      }
    }
    return chars;
  }

  /**
   * Per-token hashes, with prefix sums of token lengths and of a polynomial over the token hashes,
   * so that any n-gram is O(1) to size and to hash: the n-gram hash is the polynomial of its
   * token hashes (base {@link #BASE}, mod 2^64), taken as the difference of two prefixes and then
   * mixed. Two different n-grams of one length differ in at least one token hash, which the odd
   * base's powers carry to the whole key unchanged in spread, so they collide no more often than
   * two random 64-bit keys.
   */
  static final class TokenHashes implements WordSegmenter.TokenVisitor {
    private static final long BASE = 0x9E3779B97F4A7C15L;
    private final String text;
    long[] prefix = new long[257];
    long[] charsBefore = new long[257];
    int count;

    private TokenHashes(String text) {
      this.text = text;
    }

    static TokenHashes of(String text) {
      TokenHashes t = new TokenHashes(text);
      WordSegmenter.forCurrentThread().forEachToken(text, t);
      return t;
    }

    @Override
    public void token(int start, int end, boolean isWord) {
      if (count + 1 == prefix.length) {
        prefix = java.util.Arrays.copyOf(prefix, count * 2 + 1);
        charsBefore = java.util.Arrays.copyOf(charsBefore, count * 2 + 1);
      }
      prefix[count + 1] = prefix[count] * BASE + SpanHash.of(text, start, end);
      charsBefore[count + 1] = charsBefore[count] + (end - start);
      count++;
    }

    /** {@code BASE^n}. */
    static long power(int n) {
      long p = 1;
      for (int k = 0; k < n; k++) {
        p *= BASE;
      }
      return p;
    }

    /** Hash of the {@code n} tokens from {@code from}; {@code baseToN} is {@link #power power(n)}. */
    long ngramHash(int from, int n, long baseToN) {
      return SpanHash.mix(prefix[from + n] - prefix[from] * baseToN);
    }

    long charsOf(int from, int n) {
      return charsBefore[from + n] - charsBefore[from];
    }
  }
}
