package org.curate.tokenizer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A configurable split regex (e.g. Llama-3's), behaviour "Isolated" as in HF's {@code Split}:
 * every match is a pre-token and so is every stretch of text between matches. Compiled with
 * {@link Pattern#UNICODE_CHARACTER_CLASS} so {@code \s}, {@code \w} follow Unicode like HF.
 */
public final class RegexSplitter implements PreTokenizer {
  private final String regex;
  private final Pattern pattern;

  public RegexSplitter(String regex) {
    this.regex = regex;
    this.pattern = Pattern.compile(regex, Pattern.UNICODE_CHARACTER_CLASS);
  }

  public String regex() {
    return regex;
  }

  @Override
  public void split(String text, Sink sink) {
    Matcher m = pattern.matcher(text);
    int last = 0;
    while (m.find()) {
      if (m.end() == m.start()) {
        continue;
      }
      if (m.start() > last) {
        sink.accept(text, last, m.start());
      }
      sink.accept(text, m.start(), m.end());
      last = m.end();
    }
    if (last < text.length()) {
      sink.accept(text, last, text.length());
    }
  }
}
