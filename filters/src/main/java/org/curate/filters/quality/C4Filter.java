package org.curate.filters.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.curate.core.Document;
import org.curate.core.DocumentStep;
import org.curate.core.Outcome;
import org.curate.filters.FilterParams;
import org.curate.filters.text.SentenceEnds;
import org.curate.filters.text.TextLines;
import org.curate.filters.text.WordSegmenter;

/**
 * C4's cleaning (Raffel et al. 2020 §2.2), following the TFDS code that built C4
 * ({@code c4_utils.clean_page}), in its order, line by line over the trimmed non-blank lines:
 *
 * <ol>
 *   <li>C4: remove a line holding a whitespace-separated chunk longer than {@code max_word_length} (1000);
 *   <li>C9: remove Wikipedia citation marks {@code [12]}, {@code []}, {@code [edit]}, {@code [citation needed]};
 *   <li>C1 ({@code terminal_punct}, default true; FineWeb turns it off): remove a line that does not
 *       end in {@code . ? ! "} or ends in {@code ...}. The marks are generalised to every Unicode
 *       Sentence_Terminal ({@code 。！？।} ...) plus {@code ”}, which changes nothing for English;
 *   <li>C2: remove a line of fewer than {@code min_words_per_line} words. <b>5</b>, as in the TFDS
 *       code that built C4 (datatrove and Dolma default to 3, following a misquoted paper
 *       sentence). Words come from {@link WordSegmenter}, not whitespace, so Chinese and Japanese
 *       lines have real word counts;
 *   <li>C5: a line (of those still standing) containing "lorem ipsum" drops the document ({@code c4:lorem_ipsum});
 *   <li>C6: remove a line containing "javascript";
 *   <li>C7: a line containing {@code &#123;} drops the document ({@code c4:curly_bracket});
 *   <li>C8: remove a line containing "terms of use", "privacy policy", "cookie policy", "uses cookies",
 *       "use of cookies" or "use cookies" (all case-insensitive).
 * </ol>
 * Then the document: no line left drops it as {@code c4:empty_after_cleaning}; fewer than
 * {@code min_sentences} sentences in the kept lines drops it as {@code c4:too_few_sentences}.
 * <b>3</b>, as TFDS (datatrove defaults to 5). Sentences are ICU sentence boundaries per line,
 * where C4 used NLTK punkt. The kept lines are joined with {@code \n}, as C4 does: blank lines go.
 * Change codes: {@code c4:lines_removed}, {@code c4:citations_removed}, and
 * {@code c4:whitespace_normalized} when only blank lines or surrounding spaces went. A drop carries
 * the original text, tagged. The bad-words rule (C10) belongs to the safety filters.
 */
public final class C4Filter implements DocumentStep {
  public static final String NAME = "c4";
  private static final String[] POLICY = {"terms of use", "privacy policy", "cookie policy", "uses cookies",
      "use of cookies", "use cookies"};

  private final boolean terminalPunct;
  private final int minWordsPerLine;
  private final int minSentences;
  private final int maxWordLength;
  private final boolean removeCitations;
  private final boolean javascriptLines;
  private final boolean policyLines;
  private final boolean loremIpsum;
  private final boolean curlyBracket;

  public C4Filter(FilterParams p) {
    terminalPunct = p.getBoolean("terminal_punct", true);
    minWordsPerLine = p.getInt("min_words_per_line", 5);
    minSentences = p.getInt("min_sentences", 3);
    maxWordLength = p.getInt("max_word_length", 1000);
    removeCitations = p.getBoolean("remove_citations", true);
    javascriptLines = p.getBoolean("javascript_lines", true);
    policyLines = p.getBoolean("policy_lines", true);
    loremIpsum = p.getBoolean("lorem_ipsum", true);
    curlyBracket = p.getBoolean("curly_bracket", true);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Outcome<Document> apply(Document document) {
    String text = document.text();
    WordSegmenter segmenter = WordSegmenter.forCurrentThread();
    TextLines lines = TextLines.linesOf(text);
    List<String> kept = new ArrayList<>(lines.count());
    int[] keptStarts = new int[lines.count()];
    int[] keptEnds = new int[lines.count()];
    boolean keptAreSpans = true;
    Measures m = new Measures(NAME);
    int removed = 0;
    boolean citations = false;
    int sentences = 0;
    for (int i = 0; i < lines.count(); i++) {
      int start = lines.start(i);
      int end = lines.end(i);
      if (maxWordLength > 0 && hasChunkLongerThan(text, start, end, maxWordLength)) {
        removed++;
        continue;
      }
      String line = text.substring(start, end);
      boolean lineIsSpan = true;
      if (removeCitations && line.indexOf('[') >= 0) {
        String cleaned = withoutCitations(line);
        if (!cleaned.equals(line)) {
          citations = true;
          lineIsSpan = false;
          line = cleaned.strip();
        }
      }
      if (terminalPunct && !endsWithC4Mark(line)) {
        removed++;
        continue;
      }
      if (minWordsPerLine > 0
          && (lineIsSpan ? segmenter.countWords(text, start, end) : segmenter.countWords(line)) < minWordsPerLine) {
        removed++;
        continue;
      }
      String lower = line.toLowerCase(Locale.ROOT);
      if (loremIpsum && lower.contains("lorem ipsum")) {
        m.put("lines_removed", removed).fail("lorem_ipsum", "line " + (i + 1) + " contains lorem ipsum");
        return m.outcome(document);
      }
      if (javascriptLines && lower.contains("javascript")) {
        removed++;
        continue;
      }
      if (curlyBracket && line.indexOf('{') >= 0) {
        m.put("lines_removed", removed).fail("curly_bracket", "line " + (i + 1) + " contains {");
        return m.outcome(document);
      }
      if (policyLines && containsAny(lower, POLICY)) {
        removed++;
        continue;
      }
      sentences += lineIsSpan ? segmenter.countSentences(text, start, end) : segmenter.countSentences(line);
      keptStarts[kept.size()] = start;
      keptEnds[kept.size()] = end;
      keptAreSpans &= lineIsSpan;
      kept.add(line);
    }
    m.put("lines_removed", removed).put("lines_kept", kept.size()).put("sentences", sentences);
    if (kept.isEmpty()) {
      m.fail("empty_after_cleaning", "lines_removed=" + removed);
      return m.outcome(document);
    }
    m.check(sentences < minSentences, "too_few_sentences", "sentences", sentences, minSentences);
    if (m.failed()) {
      return m.outcome(document);
    }
    String cleaned = String.join("\n", kept);
    Document tagged = m.tag(document);
    if (cleaned.equals(text)) {
      return Outcome.keep(tagged);
    }
    if (keptAreSpans) {
      // the next filters segment the cleaned text; its tokens are those of the kept lines
      segmenter.carryOverLines(text, keptStarts, keptEnds, kept.size(), cleaned);
    }
    List<String> changes = new ArrayList<>(2);
    if (removed > 0) {
      changes.add("c4:lines_removed");
    }
    if (citations) {
      changes.add("c4:citations_removed");
    }
    if (changes.isEmpty()) {
      changes.add("c4:whitespace_normalized");
    }
    return Outcome.changed(tagged.withText(cleaned), changes);
  }

  /** TFDS's end marks, generalised to all Unicode sentence terminals; "..." is not an end. */
  static boolean endsWithC4Mark(String line) {
    if (line.isEmpty() || SentenceEnds.endsWithEllipsis(line, 0, line.length())) {
      return false;
    }
    char last = line.charAt(line.length() - 1);
    return last == '"' || last == '\u201D' || SentenceEnds.isTerminal(line.codePointBefore(line.length()));
  }

  static boolean hasChunkLongerThan(String text, int start, int end, int max) {
    int run = 0;
    for (int i = start; i < end; i++) {
      if (WordSegmenter.isSpace(text.charAt(i))) {
        run = 0;
      } else if (++run > max) {
        return true;
      }
    }
    return false;
  }

  /** Removes {@code [digits]}, {@code [edit]} and {@code [citation needed]} (case-sensitive, as TFDS). */
  static String withoutCitations(String line) {
    StringBuilder out = null;
    int copied = 0;
    for (int i = line.indexOf('['); i >= 0; i = line.indexOf('[', i + 1)) {
      int close = citationEnd(line, i);
      if (close < 0) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(line.length());
      }
      out.append(line, copied, i);
      copied = close;
      i = close - 1;
    }
    if (out == null) {
      return line;
    }
    return out.append(line, copied, line.length()).toString();
  }

  /** End (exclusive) of a citation mark starting at {@code open}, or -1. */
  private static int citationEnd(String line, int open) {
    int j = open + 1;
    while (j < line.length() && line.charAt(j) >= '0' && line.charAt(j) <= '9') {
      j++;
    }
    if (j < line.length() && line.charAt(j) == ']') {
      return j + 1;
    }
    for (String mark : new String[] {"[edit]", "[citation needed]"}) {
      if (line.startsWith(mark, open)) {
        return open + mark.length();
      }
    }
    return -1;
  }

  private static boolean containsAny(String lower, String[] needles) {
    for (String n : needles) {
      if (lower.contains(n)) {
        return true;
      }
    }
    return false;
  }
}
