package org.curate.filters.quality;

import org.curate.core.Document;
import org.curate.core.DocumentStep;
import org.curate.core.Outcome;
import org.curate.filters.FilterParams;
import org.curate.filters.text.LongCounter;
import org.curate.filters.text.SentenceEnds;
import org.curate.filters.text.TextLines;
import org.curate.filters.text.WordSegmenter;

/**
 * FineWeb's own quality rules (Penedo et al. 2024, §3.6; rules F1–F4), with datatrove's
 * definitions over non-blank lines, compared trimmed.
 *
 * <ul>
 *   <li>{@code line_punct_ratio}: fraction of lines ending a sentence ({@link SentenceEnds}: the
 *       Unicode Sentence_Terminal marks, closing quotes and brackets allowed after them) &lt; 0.12.
 *       {@code line_punct_exclude_zero} (default false) spares documents with no such line.
 *   <li>{@code short_line_ratio}: fraction of lines of at most 30 chars &gt; 0.67.
 *   <li>{@code char_dup_ratio}: chars of repeated lines (second and later copies) ÷ chars of the
 *       text without {@code \n} &gt; 0.01. The default is datatrove's code default, which FineWeb
 *       ran with ({@code examples/fineweb.py}) and the paper's appendix table gives; the paper's
 *       §3.6 text says 0.1.
 *   <li>{@code list_ratio}: {@code \n} count ÷ tokens (words and punctuation) &gt; 0.3.
 * </ul>
 * A blank text is dropped as {@code fineweb_quality:empty}, as datatrove does.
 */
public final class FineWebQualityFilter implements DocumentStep {
  public static final String NAME = "fineweb_quality";
  private static final ThreadLocal<LongCounter> SCRATCH = ThreadLocal.withInitial(LongCounter::new);

  private final double minLinePunct;
  private final boolean linePunctExcludeZero;
  private final double maxShortLines;
  private final int shortLineLength;
  private final double maxCharDup;
  private final double maxNewLineRatio;

  public FineWebQualityFilter(FilterParams p) {
    minLinePunct = p.getDouble("line_punct_thr", 0.12);
    linePunctExcludeZero = p.getBoolean("line_punct_exclude_zero", false);
    maxShortLines = p.getDouble("short_line_thr", 0.67);
    shortLineLength = p.getInt("short_line_length", 30);
    maxCharDup = p.getDouble("char_duplicates_ratio", 0.01);
    maxNewLineRatio = p.getDouble("new_line_ratio", 0.3);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Outcome<Document> apply(Document document) {
    String text = document.text();
    Measures m = new Measures(NAME);
    TextLines lines = TextLines.linesOf(text);
    if (lines.count() == 0) {
      m.fail("empty", "text is empty or blank");
      return m.outcome(document);
    }
    int punctLines = 0;
    int shortLines = 0;
    for (int i = 0; i < lines.count(); i++) {
      if (SentenceEnds.endsSentence(text, lines.start(i), lines.end(i))) {
        punctLines++;
      }
      if (lines.length(i) <= shortLineLength) {
        shortLines++;
      }
    }
    double punctRatio = (double) punctLines / lines.count();
    double shortRatio = (double) shortLines / lines.count();
    int newLines = GopherQualityFilter.count(text, '\n');
    Duplicates dups = Duplicates.of(text, lines, SCRATCH.get());
    double charDupRatio = (double) dups.chars() / (text.length() - newLines);
    int[] tokens = {0};
    WordSegmenter.forCurrentThread().forEachToken(text, (s, e, w) -> tokens[0]++);
    double listRatio = GopherQualityFilter.ratio(newLines, tokens[0]);

    m.put("line_punct_ratio", punctRatio).put("short_line_ratio", shortRatio)
        .put("char_dup_ratio", charDupRatio).put("list_ratio", listRatio);
    m.check(punctRatio < minLinePunct && !(punctRatio == 0 && linePunctExcludeZero),
        "line_punct_ratio", "line_punct_ratio", punctRatio, minLinePunct);
    m.check(shortRatio > maxShortLines, "short_line_ratio", "short_line_ratio", shortRatio, maxShortLines);
    m.check(charDupRatio > maxCharDup, "char_dup_ratio", "char_dup_ratio", charDupRatio, maxCharDup);
    m.check(listRatio > maxNewLineRatio, "list_ratio", "list_ratio", listRatio, maxNewLineRatio);
    return m.outcome(document);
  }
}
