package org.curate.extract.html;

import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * Finds an article's lead paragraph (standfirst, intro, excerpt) when it sits outside the chosen
 * text: news templates put it in the article header, next to the title, while the density vote
 * picks the body below. Searched only in the chosen text's enclosing {@code <article>} or
 * {@code <main>} (or a few levels up), and only before the chosen text.
 */
final class LeadFinder {
  /**
   * Last name parts that mark a lead paragraph. Not "dek"/"summary": on the article benchmark
   * those are a subtitle its annotators leave out, where an intro/lead paragraph is in the text.
   */
  private static final Set<String> LEAD_WORDS = Set.of(
      "lead", "lede", "leadin", "intro", "introduction", "excerpt", "standfirst", "abstract");
  /** How far up from the chosen text to look for the enclosing article when there is none. */
  private static final int MAX_LEVELS_UP = 4;
  private static final int MIN_LEAD_CHARS = 40;
  private static final int MAX_LEAD_CHARS = 1000;
  private static final double MAX_LINK_DENSITY = 0.25;

  private LeadFinder() {}

  /** The lead element, or null: marked as a lead, before and outside {@code chosen}, short prose. */
  static Element find(List<Element> chosen, Element body) {
    if (chosen.isEmpty() || chosen.get(0) == body) return null;
    Element first = chosen.get(0);
    Element scope = scope(first, body);
    if (scope == null) return null;
    TextStats stats = null;
    for (Element e : scope.getAllElements()) {
      if (e == first) return null; // only what comes before the chosen text
      if (e == scope || !isLeadMarked(e)) continue;
      if (isAncestorOf(e, first)) continue;
      if (stats == null) stats = TextStats.of(scope);
      TextStats.Counts c = stats.get(e);
      if (c.chars >= MIN_LEAD_CHARS && c.chars <= MAX_LEAD_CHARS && c.linkDensity() <= MAX_LINK_DENSITY) return e;
    }
    return null;
  }

  private static Element scope(Element first, Element body) {
    Element up = first;
    for (int level = 0; level < MAX_LEVELS_UP && up.parent() != null && up != body; level++) {
      up = up.parent();
      if (up.nameIs("article") || up.nameIs("main")) return up;
    }
    return up == body ? null : up;
  }

  private static boolean isLeadMarked(Element e) {
    for (List<String> name : BoilerplateVocabulary.names(e)) {
      if (name.isEmpty()) continue;
      String last = name.get(name.size() - 1);
      if (LEAD_WORDS.contains(last) || LEAD_WORDS.contains(String.join("", name))) return true;
      // "atc-IntroText", "lead-text": the text of the lead, not "leadMediaRegion"
      if (name.size() == 2 && LEAD_WORDS.contains(name.get(0)) && last.equals("text")) return true;
    }
    return false;
  }

  private static boolean isAncestorOf(Element a, Element e) {
    for (Element p = e.parent(); p != null; p = p.parent()) {
      if (p == a) return true;
    }
    return false;
  }
}
