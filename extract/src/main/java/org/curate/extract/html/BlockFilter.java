package org.curate.extract.html;

import java.util.List;
import java.util.Locale;

/**
 * Last pass over the chosen content, block by block: drops lines that are mostly links (menus,
 * tag lists, "read more" teasers left inside the article) and a heading that only repeats the
 * page title (the title is returned separately).
 */
final class BlockFilter {
  /** A block with more link text than this share is navigation, not prose. */
  private static final double MAX_LINK_DENSITY = 0.5;

  private BlockFilter() {}

  static String join(List<TextBlock> blocks, String title) {
    String normTitle = normalize(title);
    StringBuilder out = new StringBuilder();
    for (TextBlock b : blocks) {
      if (b.linkDensity() > MAX_LINK_DENSITY) continue;
      if (b.tag().equals("h1") && !normTitle.isEmpty() && normTitle.contains(normalize(b.text()))) continue;
      if (out.length() > 0) out.append('\n');
      out.append(b.text());
    }
    return out.toString();
  }

  private static String normalize(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
  }
}
