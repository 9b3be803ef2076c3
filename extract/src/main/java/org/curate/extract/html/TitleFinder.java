package org.curate.extract.html;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** The page title: {@code <title>}, else og:title, else the first h1; never null. */
final class TitleFinder {
  private TitleFinder() {}

  static String find(Document doc) {
    String t = doc.title().strip();
    if (!t.isEmpty()) return t;
    Element og = doc.selectFirst("meta[property=og:title]");
    if (og != null && !og.attr("content").isBlank()) return og.attr("content").strip();
    Element h1 = doc.selectFirst("h1");
    return h1 == null ? "" : h1.text().strip();
  }
}
