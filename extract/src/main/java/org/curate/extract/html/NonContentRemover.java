package org.curate.extract.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Deletes what is never main text, in two iterative passes over the body: first the elements
 * that carry no readable text at all (scripts, styles, embedded media, form controls), then page
 * furniture recognised by tag (nav, aside, footer, page-level header) or by its id/class/role
 * ({@link BoilerplateVocabulary}). Elements are collected during the walk and detached after it,
 * so the walk never sees a tree that changes under it.
 */
final class NonContentRemover {
  /** Elements whose content is not text a reader sees. */
  private static final Set<String> NEVER_TEXT = Set.of(
      "script", "style", "noscript", "template", "svg", "math", "iframe", "frame", "frameset",
      "object", "embed", "applet", "canvas", "video", "audio", "map", "input", "button", "select",
      "option", "optgroup", "textarea", "datalist", "output", "meter", "progress", "head", "link",
      "meta", "base", "dialog");

  /** Page furniture by tag, wherever it is. */
  private static final Set<String> FURNITURE = Set.of("nav", "aside", "menu");

  /** Never removed because of a class/id: they are the usual containers of the text. */
  private static final Set<String> PROTECTED = Set.of("html", "body", "main", "article");

  /** A weakly marked element holding at least this share of the page's text is a wrapper, kept. */
  private static final double WRAPPER_SHARE = 0.5;

  /** Even a strongly marked element is kept when it holds this share of the page's text. */
  private static final double DOMINANT_SHARE = 0.85;

  private NonContentRemover() {}

  static void removeNonText(Element body) {
    List<Node> doomed = new ArrayList<>();
    NodeTraversor.filter(new NodeFilter() {
      @Override
      public FilterResult head(Node node, int depth) {
        if (node instanceof Comment || node instanceof DataNode) {
          doomed.add(node);
          return FilterResult.SKIP_ENTIRELY;
        }
        if (node instanceof Element e && node != body) {
          if (NEVER_TEXT.contains(e.normalName()) || e.hasAttr("hidden")) {
            doomed.add(node);
            return FilterResult.SKIP_ENTIRELY;
          }
        }
        return FilterResult.CONTINUE;
      }
    }, body);
    for (Node n : doomed) n.remove();
  }

  /**
   * Removes furniture recognised by tag (nav, aside, footer, page-level header) and by strong
   * id/class/role markers (cookie, share, comments, ads...) below {@code body}.
   */
  static void removeFurniture(Element body) {
    removeBelow(body, false);
  }

  /**
   * Removes weakly marked furniture (header, sidebar, related, menu...) inside an already chosen
   * content root. Done after the choice, so that a wrapper with an unlucky class ("sticky-sidebar"
   * around the whole page) can never take the main text with it: the root and its ancestors are
   * out of reach.
   */
  static void removeWeakFurniture(Element root) {
    removeBelow(root, true);
  }

  private static void removeBelow(Element body, boolean weak) {
    TextStats stats = TextStats.of(body);
    int pageChars = stats.get(body).chars;
    List<Node> doomed = new ArrayList<>();
    // How many <article>/<main> are open above the current node: a header inside them
    // belongs to the article (title, byline), outside them it is the page's.
    int[] inArticle = {0};
    NodeTraversor.filter(new NodeFilter() {
      @Override
      public FilterResult head(Node node, int depth) {
        if (!(node instanceof Element e) || node == body) return FilterResult.CONTINUE;
        if (isFurniture(e, inArticle[0] > 0, stats, pageChars, weak)) {
          doomed.add(e);
          return FilterResult.SKIP_ENTIRELY;
        }
        if (isArticleLike(e)) inArticle[0]++;
        return FilterResult.CONTINUE;
      }

      @Override
      public FilterResult tail(Node node, int depth) {
        if (node instanceof Element e && node != body && isArticleLike(e)) inArticle[0]--;
        return FilterResult.CONTINUE;
      }
    }, body);
    for (Node n : doomed) n.remove();
  }

  private static boolean isArticleLike(Element e) {
    return e.nameIs("article") || e.nameIs("main") || "main".equalsIgnoreCase(e.attr("role"));
  }

  static boolean isFurniture(Element e, boolean insideArticle, TextStats stats, int pageChars, boolean weak) {
    String tag = e.normalName();
    if (FURNITURE.contains(tag)) return true;
    if (tag.equals("footer") && !weak) return true; // article footers hold tags, share bars, author boxes
    if (tag.equals("header") && !insideArticle && !weak) return true;
    if (PROTECTED.contains(tag) || isArticleLike(e) || e.attr("itemprop").equalsIgnoreCase("articleBody")) {
      return false;
    }
    BoilerplateVocabulary.Verdict v = BoilerplateVocabulary.judge(e);
    if (v == BoilerplateVocabulary.Verdict.STRONG) {
      // "strong" words can still sit on a site-wide wrapper ("social-enabled"): never drop nearly everything
      return pageChars == 0 || stats.get(e).chars < DOMINANT_SHARE * pageChars;
    }
    if (v == BoilerplateVocabulary.Verdict.WEAK && weak) {
      return pageChars == 0 || stats.get(e).chars < WRAPPER_SHARE * pageChars;
    }
    return false;
  }
}
