package org.curate.extract.html;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Last pass over the chosen content, block by block: drops lines that are mostly links (menus,
 * tag lists, "read more" teasers left inside the article) and a heading that only repeats the
 * page title (the title is returned separately).
 */
final class BlockFilter {
  /** A block with more link text than this share is navigation, not prose. */
  private static final double MAX_LINK_DENSITY = 0.5;

  private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
  /** Image and table captions: photo credits and picture descriptions, not the text. */
  private static final Set<String> CAPTIONS = Set.of("figcaption", "caption");

  /** A line that is only one of these words labels an ad slot ("Advertisement", "Anzeige"). */
  private static final Set<String> AD_LABELS = Set.of(
      "advertisement", "advertisements", "advert", "adverts", "ad", "ads", "sponsored",
      "anzeige", "werbung", "publicité", "publicite", "publicidad", "pubblicità", "reklame", "annons");

  private BlockFilter() {}

  static String join(List<TextBlock> blocks, String title) {
    String normTitle = normalize(title);
    boolean[] keep = new boolean[blocks.size()];
    for (int i = 0; i < blocks.size(); i++) {
      TextBlock b = blocks.get(i);
      keep[i] = b.linkDensity() <= MAX_LINK_DENSITY
          && !CAPTIONS.contains(b.tag())
          && !isAdLabel(b.text())
          && !(b.tag().equals("h1") && !normTitle.isEmpty() && normTitle.contains(normalize(b.text())));
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

  private static boolean isHeading(TextBlock b) {
    return HEADINGS.contains(b.tag());
  }

  static boolean isAdLabel(String text) {
    if (text.length() > 20) return false;
    String t = text.strip().toLowerCase(Locale.ROOT);
    int end = t.length();
    while (end > 0 && !Character.isLetter(t.charAt(end - 1))) end--; // "Advertisement:" / "- Anzeige -"
    int start = 0;
    while (start < end && !Character.isLetter(t.charAt(start))) start++;
    return AD_LABELS.contains(t.substring(start, end));
  }

  private static String normalize(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
  }
}
