package org.curate.dedup;

/**
 * Splits normalised text into words for shingling. Kept to one method so a language-aware
 * segmenter (the filters module's, for Chinese, Japanese and Thai) can replace the default
 * {@link UnicodeWordSplitter} without touching the MinHash code.
 *
 * <p>Words are reported as ranges of the input rather than strings so that the hot loop
 * allocates nothing per word.
 */
public interface WordSplitter {

  /** Receives each word as {@code text[start, end)}, in order. */
  @FunctionalInterface
  interface Sink {
    void word(CharSequence text, int start, int end);
  }

  void split(CharSequence text, Sink sink);
}
