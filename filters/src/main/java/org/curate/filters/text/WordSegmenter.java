package org.curate.filters.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits text into tokens on Unicode word boundaries (UAX #29, ICU root rules), for every
 * language: scripts written without spaces (Chinese, Japanese, Thai, Lao, Khmer, Myanmar) are
 * segmented with ICU's dictionaries, so a Chinese sentence gives words, not one token.
 *
 * <p>Tokens are the non-whitespace segments. A token is a <em>word</em> when ICU classes it as
 * letters, a number, kana or ideographs (so {@code don't}, {@code U.S}, {@code 3.14} and
 * {@code foo_bar} are single words); every other token is a <em>symbol</em> (one punctuation
 * mark or symbol per token: {@code ...} is three tokens). This mirrors NLTK's {@code word_tokenize},
 * which datatrove uses, closely enough for the quality rules: punctuation becomes its own tokens.
 *
 * <p>ICU4J's {@link BreakIterator} is used directly: on a 425k-char English corpus and on Chinese
 * and Japanese text it was 1.2–2.5× faster than Lucene's ICUTokenizer, which wraps the same
 * iterators. Not thread-safe (it holds iterator state and the last text's spans); use
 * {@link #forCurrentThread()}.
 * Deterministic: the same text always gives the same tokens.
 */
public final class WordSegmenter {
  private static final BreakIterator WORD_RULES = BreakIterator.getWordInstance(ULocale.ROOT);
  private static final BreakIterator SENTENCE_RULES = BreakIterator.getSentenceInstance(ULocale.ROOT);
  private static final ThreadLocal<WordSegmenter> PER_THREAD = ThreadLocal.withInitial(WordSegmenter::new);

  /** Receives tokens as offsets into the visited text, so no String is made per token. */
  @FunctionalInterface
  public interface TokenVisitor {
    void token(int start, int end, boolean isWord);
  }

  private final BreakIterator words;
  private final BreakIterator sentences;

  // The token spans of the last String segmented. Quality filters in one chain segment the same
  // document text one after the other (Gopher quality, Gopher repetition, FineWeb, C4 per line);
  // ICU's iterator is most of their cost, so the text is segmented once and replayed. Keyed by
  // identity, not equals: a filter that rewrites the text hands the next one a new String.
  private String cachedText;
  private int[] tokenStarts = new int[256];
  private int[] tokenEnds = new int[256];
  private boolean[] tokenIsWord = new boolean[256];
  private int tokenCount;
  private String cachedSentencesText;
  private int[] sentenceStarts = new int[32];
  private int[] sentenceEnds = new int[32];
  private int sentenceCount;

  public WordSegmenter() {
    // Building the rules is the expensive part; clones share the compiled rules and dictionaries.
    this.words = (BreakIterator) WORD_RULES.clone();
    this.sentences = (BreakIterator) SENTENCE_RULES.clone();
  }

  /** This thread's segmenter, so that filters used from many threads never share iterator state. */
  public static WordSegmenter forCurrentThread() {
    return PER_THREAD.get();
  }

  /** Calls {@code visitor} for each token of {@code text}, in order, whitespace skipped. */
  public void forEachToken(CharSequence text, TokenVisitor visitor) {
    if (text instanceof String string) {
      segmentCached(string);
      for (int i = 0; i < tokenCount; i++) {
        visitor.token(tokenStarts[i], tokenEnds[i], tokenIsWord[i]);
      }
    } else {
      segment(text, visitor);
    }
  }

  /**
   * Number of words of {@code text} inside {@code [start, end)}, where the range is one or more
   * whole lines. UAX #29 always breaks at line ends, so this equals {@code
   * countWords(text.substring(start, end))}, but reuses the segmentation of the whole text.
   */
  public int countWords(String text, int start, int end) {
    segmentCached(text);
    int n = 0;
    for (int i = firstAtOrAfter(tokenStarts, tokenCount, start); i < tokenCount && tokenEnds[i] <= end; i++) {
      if (tokenIsWord[i]) {
        n++;
      }
    }
    return n;
  }

  /**
   * Tells the segmenter that {@code joined} is the lines {@code source[starts[i], ends[i])}
   * (trimmed non-blank lines, in order) joined by {@code \n}, so that it can take the tokens of
   * {@code joined} from those of {@code source} instead of segmenting it again: UAX #29 breaks
   * before and after every line end, so a line's tokens do not depend on the text around it. The
   * one exception is a line whose leading whitespace was trimmed and whose first char is an
   * Extend, Format or ZWJ char, which joins the whitespace before it (WB4) but starts a token
   * after a line end; then nothing is carried over. Does nothing unless {@code source} is the
   * text segmented last.
   */
  public void carryOverLines(String source, int[] starts, int[] ends, int count, String joined) {
    if (source != cachedText) {
      return;
    }
    for (int i = 0; i < count; i++) {
      int s = starts[i];
      if (s > 0 && source.charAt(s - 1) != '\n' && attachesToPrevious(source.codePointAt(s))) {
        return;
      }
    }
    int[] newStarts = new int[Math.max(16, tokenCount)];
    int[] newEnds = new int[newStarts.length];
    boolean[] newIsWord = new boolean[newStarts.length];
    int n = 0;
    int offset = 0;
    for (int i = 0; i < count; i++) {
      int shift = offset - starts[i];
      for (int t = firstAtOrAfter(tokenStarts, tokenCount, starts[i]); t < tokenCount && tokenEnds[t] <= ends[i]; t++) {
        newStarts[n] = tokenStarts[t] + shift;
        newEnds[n] = tokenEnds[t] + shift;
        newIsWord[n] = tokenIsWord[t];
        n++;
      }
      offset += ends[i] - starts[i] + 1;
    }
    if (offset - 1 != joined.length()) {
      throw new IllegalArgumentException("joined text is not the given lines joined by \\n");
    }
    tokenStarts = newStarts;
    tokenEnds = newEnds;
    tokenIsWord = newIsWord;
    tokenCount = n;
    cachedText = joined;
  }

  private static boolean attachesToPrevious(int codePoint) {
    int wb = UCharacter.getIntPropertyValue(codePoint, UProperty.WORD_BREAK);
    return wb == UCharacter.WordBreak.EXTEND || wb == UCharacter.WordBreak.FORMAT || wb == UCharacter.WordBreak.ZWJ;
  }

  private void segmentCached(String text) {
    if (text == cachedText) {
      return;
    }
    tokenCount = 0;
    cachedText = null;
    segment(text, (s, e, isWord) -> {
      if (tokenCount == tokenStarts.length) {
        int grown = tokenCount * 2;
        tokenStarts = Arrays.copyOf(tokenStarts, grown);
        tokenEnds = Arrays.copyOf(tokenEnds, grown);
        tokenIsWord = Arrays.copyOf(tokenIsWord, grown);
      }
      tokenStarts[tokenCount] = s;
      tokenEnds[tokenCount] = e;
      tokenIsWord[tokenCount] = isWord;
      tokenCount++;
    });
    cachedText = text;
  }

  private void segment(CharSequence text, TokenVisitor visitor) {
    if (text.length() == 0) {
      return;
    }
    words.setText(text);
    int start = words.first();
    for (int end = words.next(); end != BreakIterator.DONE; start = end, end = words.next()) {
      int status = words.getRuleStatus();
      if (status >= BreakIterator.WORD_NUMBER) {
        visitor.token(start, end, true);
      } else if (!isSpace(text.charAt(start))) {
        visitor.token(start, end, false);
      }
    }
    words.setText("");
  }

  /** Index of the first span starting at or after {@code offset}. */
  private static int firstAtOrAfter(int[] starts, int count, int offset) {
    int i = Arrays.binarySearch(starts, 0, count, offset);
    return i >= 0 ? i : -i - 1;
  }

  /** The words of {@code text} (symbols left out), as strings. */
  public List<String> words(CharSequence text) {
    List<String> out = new ArrayList<>();
    forEachToken(text, (s, e, isWord) -> {
      if (isWord) {
        out.add(text.subSequence(s, e).toString());
      }
    });
    return out;
  }

  /** The tokens of {@code text}: words and symbols, whitespace left out. */
  public List<String> tokens(CharSequence text) {
    List<String> out = new ArrayList<>();
    forEachToken(text, (s, e, isWord) -> out.add(text.subSequence(s, e).toString()));
    return out;
  }

  /** Number of words in {@code text}, without making strings. */
  public int countWords(CharSequence text) {
    int[] n = {0};
    forEachToken(text, (s, e, isWord) -> {
      if (isWord) {
        n[0]++;
      }
    });
    return n[0];
  }

  /**
   * The sentences of {@code text} (ICU sentence boundaries, trimmed), leaving out pieces with no
   * letter or digit, such as a lone "—" or a bullet.
   */
  public List<String> sentences(CharSequence text) {
    List<String> out = new ArrayList<>();
    forEachSentence(text, (s, e) -> out.add(text.subSequence(s, e).toString()));
    return out;
  }

  /** Number of sentences as {@link #sentences} defines them, without making strings. */
  public int countSentences(CharSequence text) {
    int[] n = {0};
    forEachSentence(text, (s, e) -> n[0]++);
    return n[0];
  }

  /**
   * Number of sentences of {@code text} inside {@code [start, end)}, a range of whole lines (UAX #29
   * ends a sentence at every line end, so this equals {@code countSentences} of the substring).
   */
  public int countSentences(String text, int start, int end) {
    if (text != cachedSentencesText) {
      sentenceCount = 0;
      cachedSentencesText = null;
      forEachSentence(text, (s, e) -> {
        if (sentenceCount == sentenceStarts.length) {
          sentenceStarts = Arrays.copyOf(sentenceStarts, sentenceCount * 2);
          sentenceEnds = Arrays.copyOf(sentenceEnds, sentenceCount * 2);
        }
        sentenceStarts[sentenceCount] = s;
        sentenceEnds[sentenceCount] = e;
        sentenceCount++;
      });
      cachedSentencesText = text;
    }
    int n = 0;
    for (int i = firstAtOrAfter(sentenceStarts, sentenceCount, start); i < sentenceCount && sentenceEnds[i] <= end; i++) {
      n++;
    }
    return n;
  }

  private interface SpanVisitor {
    void span(int start, int end);
  }

  private void forEachSentence(CharSequence text, SpanVisitor visitor) {
    if (text.length() == 0) {
      return;
    }
    sentences.setText(text);
    int start = sentences.first();
    for (int end = sentences.next(); end != BreakIterator.DONE; start = end, end = sentences.next()) {
      int s = start;
      int e = end;
      while (s < e && isSpace(text.charAt(s))) {
        s++;
      }
      while (e > s && isSpace(text.charAt(e - 1))) {
        e--;
      }
      if (hasLetterOrDigit(text, s, e)) {
        visitor.span(s, e);
      }
    }
    sentences.setText("");
  }

  private static boolean hasLetterOrDigit(CharSequence text, int start, int end) {
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (Character.isLetterOrDigit(c) || Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  /** Whitespace in the Unicode sense, including no-break and ideographic spaces. */
  public static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }
}
