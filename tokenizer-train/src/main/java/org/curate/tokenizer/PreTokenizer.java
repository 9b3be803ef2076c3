package org.curate.tokenizer;

/** Splits text into pre-tokens ("words"); BPE merges never cross their boundaries. */
public interface PreTokenizer {
  /** Receives each pre-token as the range {@code [start, end)} of the text, in order. */
  interface Sink {
    void accept(String text, int start, int end);
  }

  void split(String text, Sink sink);

  /** The pre-tokens as strings (tests, small inputs). */
  default java.util.List<String> splitToList(String text) {
    java.util.List<String> out = new java.util.ArrayList<>();
    split(text, (t, s, e) -> out.add(t.substring(s, e)));
    return out;
  }
}
