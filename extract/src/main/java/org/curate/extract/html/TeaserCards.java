package org.curate.extract.html;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;

/**
 * Removes teaser cards left in the chosen text: three or more sibling elements of the same tag
 * and class, each a short text with a link that carries no text of its own (the picture or an
 * overlay anchor is the link, the headline and kicker are plain text). Their link density is low,
 * so the link-list rules miss them; the repeated card structure gives them away ("More from the
 * Sun" rails, "popular diets" grids). When the cards are most of the text, the page is a listing
 * and they stay.
 */
final class TeaserCards {
  /** Fewer repeated siblings are a pair of figures, not a rail of teasers. */
  private static final int MIN_CARDS = 3;
  /** A card holds a kicker and a headline or a one-line blurb, not a paragraph of the text. */
  private static final int MAX_CARD_CHARS = 200;
  /** Cards holding this share of the chosen text are the page (a listing), not a rail beside it. */
  private static final double MAX_CARDS_SHARE = 0.5;

  private TeaserCards() {}

  static void remove(List<Element> roots) {
    List<Element> cards = new ArrayList<>();
    for (Element root : roots) {
      for (Element parent : root.select("*")) {
        if (parent.childrenSize() >= MIN_CARDS) collectCards(parent, cards);
      }
    }
    int cardChars = 0;
    int allChars = 0;
    for (Element card : cards) cardChars += card.text().length();
    for (Element root : roots) allChars += root.text().length();
    if (cardChars >= MAX_CARDS_SHARE * allChars) return;
    for (Element card : cards) card.remove();
  }

  private static void collectCards(Element parent, List<Element> cards) {
    Map<String, List<Element>> groups = new HashMap<>();
    for (Element child : parent.children()) {
      String cls = child.className().strip();
      if (cls.isEmpty()) continue;
      groups.computeIfAbsent(child.normalName() + " " + cls, k -> new ArrayList<>()).add(child);
    }
    for (List<Element> group : groups.values()) {
      if (group.size() >= MIN_CARDS && group.stream().allMatch(TeaserCards::isCard)) cards.addAll(group);
    }
  }

  private static boolean isCard(Element e) {
    String text = e.text();
    if (text.isEmpty() || text.length() > MAX_CARD_CHARS) return false;
    for (Element a : e.getElementsByTag("a")) {
      if (a.hasAttr("href") && a.text().isBlank()) return true;
    }
    return false;
  }
}
