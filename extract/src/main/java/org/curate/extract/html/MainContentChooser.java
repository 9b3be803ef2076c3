package org.curate.extract.html;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Picks the subtree(s) of a cleaned body that hold the main text. Semantic markup is trusted
 * first (schema.org articleBody, a single dominant {@code <article>}, {@code <main>}); otherwise
 * every paragraph votes for its ancestors with a weight growing with its length and commas, the
 * votes are damped by link density, and the best container plus its strong siblings wins.
 */
final class MainContentChooser {
  /** Paragraph-like elements whose text votes for its ancestors. */
  private static final Set<String> VOTERS = Set.of("p", "pre", "td", "blockquote", "dd", "li");
  /** Elements that may carry loose text directly (text + br instead of p). */
  private static final Set<String> LOOSE_TEXT_HOLDERS = Set.of("div", "section", "span", "font", "center", "article", "main", "td", "body");
  private static final int MIN_VOTER_CHARS = 25;
  private static final int ANCESTOR_LEVELS = 5;
  /** A semantic container with less text than this is a teaser, not the page's text. */
  private static final int MIN_SEMANTIC_CHARS = 250;

  /** A semantic container with more link text than this share is a list of links, not the text. */
  private static final double MAX_SEMANTIC_LINK_DENSITY = 0.5;

  /** Pages with less non-link text than this are taken as chosen, however small the choice. */
  private static final int MIN_FALLBACK_PAGE_CHARS = 1000;
  /**
   * Below this share of the page's non-link text the choice is not trusted and the cleaned body
   * is the text (dev split: 0.2 to 0.3 leave the article benchmark unchanged, 0.4 starts to
   * cost it precision; 0.25 keeps a margin).
   */
  private static final double MIN_CHOSEN_SHARE = 0.25;

  /** Share of a semantic container's text the density winner must hold to replace it. */
  private static final double NARROW_SHARE = 0.7;

  private final Element body;
  private final TextStats stats;
  private final Map<Element, Double> scores = new IdentityHashMap<>();
  /** Scored elements in the order they were first scored: a deterministic iteration order. */
  private final List<Element> scoredInOrder = new ArrayList<>();
  private final List<Element> articleBodies = new ArrayList<>();
  private final List<Element> articles = new ArrayList<>();
  private final List<Element> mains = new ArrayList<>();

  private MainContentChooser(Element body) {
    this.body = body;
    this.stats = TextStats.of(body);
  }

  /** The chosen elements in document order; {@code [body]} when nothing stands out. */
  static List<Element> choose(Element body) {
    return new MainContentChooser(body).choose();
  }

  private List<Element> choose() {
    List<Element> chosen = chooseContainer();
    // Not confident: a container with a small part of the page's prose (one post of a forum
    // thread, one box of a product or listing page) means the page is not an article; its
    // cleaned visible text is then better than a fragment. Link text does not count: menus
    // and teaser lists left in the body must not make a real article look small.
    int pageProse = prose(body);
    if (pageProse > MIN_FALLBACK_PAGE_CHARS) {
      int chosenProse = 0;
      for (Element e : chosen) chosenProse += prose(e);
      if (chosenProse < MIN_CHOSEN_SHARE * pageProse) return List.of(body);
    }
    return chosen;
  }

  private int prose(Element e) {
    TextStats.Counts c = stats.get(e);
    return c.chars - c.linkChars;
  }

  private List<Element> chooseContainer() {
    collectAndScore();
    List<Element> semantic = semanticChoice();
    Element best = bestScored();
    if (semantic != null) {
      Element s = semantic.get(0);
      if (semantic.size() > 1 || best == null || isInside(s, best)) return semantic;
      if (isInside(best, s) && !isArticleBody(s)) {
        // Inside a broad <main>/<article>, the densest block and its siblings are the text when
        // they hold most of it; what is left is teasers, bylines and "more on this" boxes.
        List<Element> narrow = withSiblings(best);
        int narrowChars = 0;
        for (Element e : narrow) narrowChars += stats.get(e).chars;
        return narrowChars >= NARROW_SHARE * stats.get(s).chars ? narrow : semantic;
      }
      // Disjoint: the density winner must be clearly bigger to overrule the markup.
      return stats.get(best).chars > 2 * stats.get(s).chars ? withSiblings(best) : semantic;
    }
    if (best != null && stats.get(best).chars >= 100) return withSiblings(best);
    return List.of(body);
  }

  /**
   * schema.org's articleBody is the publisher's own statement of where the text is: it is not
   * narrowed to its densest block (intro paragraphs styled as separate divs would be lost).
   */
  private static boolean isArticleBody(Element e) {
    return e.attr("itemprop").equalsIgnoreCase("articleBody");
  }

  private List<Element> semanticChoice() {
    List<Element> bodies = new ArrayList<>();
    int total = 0;
    for (Element e : articleBodies) {
      if (stats.get(e).chars >= MIN_VOTER_CHARS && bodies.stream().noneMatch(b -> isInside(e, b))) {
        bodies.add(e);
        total += stats.get(e).chars;
      }
    }
    if (total >= MIN_SEMANTIC_CHARS) return bodies;
    Element article = dominant(articles);
    if (article != null) return List.of(article);
    Element main = dominant(mains);
    if (main != null) return List.of(main);
    return null;
  }

  /** The biggest of the candidates if it is substantial and at least twice the runner-up (a listing page has many equal articles). */
  private Element dominant(List<Element> candidates) {
    Element first = null;
    int firstChars = 0;
    int secondChars = 0;
    for (Element e : candidates) {
      // A link list marked up as <article> (author's other stories, teaser grids) is not text.
      if (stats.get(e).linkDensity() > MAX_SEMANTIC_LINK_DENSITY) continue;
      int c = stats.get(e).chars;
      if (first != null && isInside(e, first)) continue; // nested in the leader: not a rival
      if (c > firstChars) {
        if (first == null || !isInside(first, e)) secondChars = firstChars;
        first = e;
        firstChars = c;
      } else if (c > secondChars) {
        secondChars = c;
      }
    }
    if (first == null || firstChars < MIN_SEMANTIC_CHARS || firstChars < 2 * secondChars) return null;
    return first;
  }

  private void collectAndScore() {
    NodeTraversor.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (!(node instanceof Element e)) return;
        if (e.attr("itemprop").equalsIgnoreCase("articleBody")) articleBodies.add(e);
        if (e.nameIs("article")) articles.add(e);
        if (e.nameIs("main") || e.attr("role").equalsIgnoreCase("main")) mains.add(e);
        vote(e);
      }

      @Override
      public void tail(Node node, int depth) {}
    }, body);
  }

  private void vote(Element e) {
    TextStats.Counts c = stats.get(e);
    int chars;
    if (VOTERS.contains(e.normalName())) {
      chars = c.chars;
    } else if (LOOSE_TEXT_HOLDERS.contains(e.normalName())) {
      chars = c.ownChars;
    } else {
      return;
    }
    if (chars < MIN_VOTER_CHARS) return;
    double vote = 1 + Math.min(c.commas, 20) + Math.min(chars / 100, 3);
    if (e.nameIs("li")) vote *= 0.5; // list items are as often menus as content
    Element target = LOOSE_TEXT_HOLDERS.contains(e.normalName()) && !VOTERS.contains(e.normalName()) ? e : e.parent();
    for (int level = 1; target != null && level <= ANCESTOR_LEVELS; level++) {
      double share = level == 1 ? 1 : level == 2 ? 0.5 : 1.0 / (level * 3);
      if (!scores.containsKey(target)) scoredInOrder.add(target);
      double add = vote * share;
      scores.merge(target, baseScore(target) + add, (old, ignored) -> old + add);
      if (target == body) break;
      target = target.parent();
    }
  }

  /** A prior from the tag and the id/class words, given once when an element first gets a vote. */
  private static double baseScore(Element e) {
    double s = switch (e.normalName()) {
      case "div", "article", "main", "section" -> 5;
      case "pre", "td", "blockquote" -> 3;
      case "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
      case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
      default -> 0;
    };
    return s + 25 * BoilerplateVocabulary.hint(e);
  }

  private double finalScore(Element e) {
    Double s = scores.get(e);
    return s == null ? 0 : s * (1 - stats.get(e).linkDensity());
  }

  private Element bestScored() {
    Element best = null;
    double bestScore = 0;
    for (Element e : scoredInOrder) {
      double s = finalScore(e);
      if (s > bestScore) {
        best = e;
        bestScore = s;
      }
    }
    return best;
  }

  /** The winner plus the siblings that look like more of the same text (split articles, intro paragraphs). */
  private List<Element> withSiblings(Element best) {
    Element parent = best.parent();
    if (parent == null || best == body) return List.of(best);
    double threshold = Math.max(10, 0.2 * finalScore(best));
    List<Element> out = new ArrayList<>();
    for (Element sib : parent.children()) {
      if (sib == best || finalScore(sib) >= threshold || looksLikeParagraph(sib)) out.add(sib);
    }
    return out;
  }

  private boolean looksLikeParagraph(Element e) {
    TextStats.Counts c = stats.get(e);
    // a div holding its sentence directly is a paragraph without the markup
    if (e.nameIs("div") && c.chars > 80 && c.ownChars >= 0.8 * c.chars && c.linkDensity() < 0.25) return true;
    if (!e.nameIs("p")) return false;
    if (c.chars > 80 && c.linkDensity() < 0.25) return true;
    if (c.chars == 0 || c.linkChars > 0) return false;
    String t = e.text();
    return t.endsWith(".") || t.endsWith("!") || t.endsWith("?");
  }

  /** Whether {@code e} is {@code ancestor} or below it (walks parents: depth is bounded by the parser). */
  private static boolean isInside(Element e, Element ancestor) {
    for (Element p = e; p != null; p = p.parent()) {
      if (p == ancestor) return true;
    }
    return false;
  }
}
