package org.curate.extract.html;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * Last pass over the chosen content, block by block: drops lines that are mostly links (menus,
 * tag lists, "read more" teasers left inside the article), lines that {@link BoilerplateLines}
 * recognises by their words, labels and headings left over a dropped list, and a heading that
 * only repeats the page title (the title is returned separately).
 */
final class BlockFilter {
  /** A block with more link text than this share is navigation, not prose. */
  private static final double MAX_LINK_DENSITY = 0.5;

  private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
  /** Image and table captions: photo credits and picture descriptions, not the text. */
  private static final Set<String> CAPTIONS = Set.of("figcaption", "caption");

  private BlockFilter() {}

  static String join(List<TextBlock> blocks, String title) {
    String normTitle = normalize(title);
    boolean[] keep = new boolean[blocks.size()];
    for (int i = 0; i < blocks.size(); i++) {
      TextBlock b = blocks.get(i);
      keep[i] = b.linkDensity() <= MAX_LINK_DENSITY
          && !CAPTIONS.contains(b.tag())
          && !BoilerplateLines.isBoilerplate(b)
          && !(b.tag().equals("h1") && !normTitle.isEmpty() && normTitle.contains(normalize(b.text())));
    }
    // A short label line directly over a dropped link list ("Read also:", "Mehr zum Thema") is
    // that list's heading without heading markup: it goes with the list.
    // A list item is an item, not a label; nor is the last of a run of sibling paragraphs when
    // the links are outside their box (the text's last line, right over a footer's links).
    for (int i = 0; i + 1 < blocks.size(); i++) {
      TextBlock b = blocks.get(i);
      if (keep[i] && !b.tag().equals("li") && isLabel(b.text()) && linkListFollows(blocks, keep, i + 1)
          && !endsTextOverForeignLinks(blocks, keep, i)) {
        keep[i] = false;
      }
    }
    // A heading introduces what follows it: with no kept text after it ("Related articles" over
    // a dropped link list, "Comments" at the end), it goes too. A run of headings directly over
    // kept text stays whole: heading, subheading and teaser lines styled as h2-h4 are the text.
    boolean textFollows = false;
    for (int i = blocks.size() - 1; i >= 0; i--) {
      if (isHeading(blocks.get(i))) {
        boolean keptHeadingNext = i + 1 < blocks.size() && keep[i + 1] && isHeading(blocks.get(i + 1));
        if (!textFollows && !keptHeadingNext) keep[i] = false;
        textFollows = false;
      } else if (keep[i]) {
        textFollows = true;
      }
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < blocks.size(); i++) {
      if (!keep[i]) continue;
      if (out.length() > 0) out.append('\n');
      out.append(blocks.get(i).text());
    }
    return out.toString();
  }

  /** Longest line still taken as a label over a list rather than as a sentence. */
  private static final int MAX_LABEL_CHARS = 50;

  /** Link text a dropped run must hold to be a list of links, not a lone "Tweet" button. */
  private static final int MIN_LINK_LIST_CHARS = 20;

  /** Whether the dropped blocks from {@code from} on are links with some text to them. */
  private static boolean linkListFollows(List<TextBlock> blocks, boolean[] keep, int from) {
    int linkChars = 0;
    for (int i = from; i < blocks.size() && !keep[i] && blocks.get(i).linkDensity() > MAX_LINK_DENSITY; i++) {
      linkChars += blocks.get(i).linkChars();
      if (linkChars >= MIN_LINK_LIST_CHARS) return true;
    }
    return false;
  }

  /**
   * Whether line {@code i} is the last line of the text rather than a label: it continues a run of
   * sibling paragraphs, does not announce anything (no closing colon), and the links after it are
   * not in its box.
   */
  private static boolean endsTextOverForeignLinks(List<TextBlock> blocks, boolean[] keep, int i) {
    TextBlock line = blocks.get(i);
    return i > 0 && keep[i - 1] && !line.text().endsWith(":")
        && endsParagraphRun(blocks.get(i - 1), line) && !inBoxOf(line, blocks.get(i + 1));
  }

  /** Whether {@code next} is inside the parent of {@code line}'s block element. */
  private static boolean inBoxOf(TextBlock line, TextBlock next) {
    Element box = line.element() == null ? null : line.element().parent();
    if (box == null || next.element() == null) return true;
    for (Element e = next.element(); e != null; e = e.parent()) {
      if (e == box) return true;
    }
    return false;
  }

  /**
   * Whether {@code line} continues the paragraph {@code before}: a sibling element of the same tag,
   * and {@code before} is text, not a label of its own.
   */
  private static boolean endsParagraphRun(TextBlock before, TextBlock line) {
    Element a = before.element();
    Element b = line.element();
    return a != null && b != null && a != b && a.parent() == b.parent() && a.normalName().equals(b.normalName())
        && !isLabel(before.text()) && before.linkDensity() <= MAX_LINK_DENSITY;
  }

  /** A short line that does not end as a sentence does ("See also:", "Related stories"). */
  static boolean isLabel(String text) {
    if (text.length() > MAX_LABEL_CHARS || text.isEmpty()) return false;
    char last = text.charAt(text.length() - 1);
    return last != '.' && last != '!' && last != '?' && last != '。';
  }

  /** Longer heading text is a paragraph set in heading type, not a title over what follows. */
  private static final int MAX_HEADING_CHARS = 80;

  private static boolean isHeading(TextBlock b) {
    return HEADINGS.contains(b.tag()) && b.chars() <= MAX_HEADING_CHARS;
  }

  private static String normalize(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
  }
}
