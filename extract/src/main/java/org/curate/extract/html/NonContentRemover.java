package org.curate.extract.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
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
  /**
   * Elements whose content is not text a reader sees. {@code rt}/{@code rp}: ruby annotations,
   * the reading aid printed above CJK characters (furigana), which would otherwise be run into
   * the text character by character ("子こども").
   */
  private static final Set<String> NEVER_TEXT = Set.of(
      "script", "style", "noscript", "template", "svg", "math", "iframe", "frame", "frameset",
      "object", "embed", "applet", "canvas", "video", "audio", "map", "input", "button", "select",
      "option", "optgroup", "textarea", "datalist", "output", "meter", "progress", "head", "link",
      "meta", "base", "dialog", "rt", "rp");

  /** Page furniture by tag, wherever it is. */
  private static final Set<String> FURNITURE = Set.of("nav", "aside", "menu");

  /** Never removed because of a class/id: they are the usual containers of the text (and see {@code article} below). */
  private static final Set<String> PROTECTED = Set.of("html", "body", "main");

  /** A weakly marked element holding at least this share of the page's text is a wrapper, kept. */
  private static final double WRAPPER_SHARE = 0.5;

  /** Even a strongly marked element is kept when it holds this share of the page's text. */
  private static final double DOMINANT_SHARE = 0.85;

  private NonContentRemover() {}

  /** Paragraph text a {@code <noscript>} must hold to be the page's text rather than a notice. */
  private static final int MIN_NOSCRIPT_PROSE_CHARS = 500;

  /**
   * A {@code <noscript>} holding paragraphs of prose is the article itself, served to readers
   * without JavaScript (blog platforms that render posts by script); "please enable JavaScript"
   * notices and tracking pixels are far shorter.
   */
  private static boolean isNoscriptArticle(Element e) {
    if (!e.nameIs("noscript")) return false;
    int chars = 0;
    for (Element p : e.getElementsByTag("p")) {
      chars += p.text().length();
      if (chars >= MIN_NOSCRIPT_PROSE_CHARS) return true;
    }
    return false;
  }

  /**
   * Deletes what is never text below {@code body} (scripts, styles, media, form controls, hidden
   * elements, comments). {@code seen} gets each element below {@code body} the walk reaches, in
   * document order and before anything is deleted (an element deleted here is seen, its subtree
   * is not): readers of the markup cleaning deletes (JSON-LD, meta tags) need no walk of their own.
   */
  static void removeNonText(Element body, Consumer<Element> seen) {
    List<Node> doomed = new ArrayList<>();
    NodeTraversor.filter(new NodeFilter() {
      @Override
      public FilterResult head(Node node, int depth) {
        if (node instanceof Comment || node instanceof DataNode) {
          doomed.add(node);
          return FilterResult.SKIP_ENTIRELY;
        }
        if (node instanceof Element e && node != body) {
          seen.accept(e);
          if ((NEVER_TEXT.contains(e.normalName()) && !isNoscriptArticle(e)) || e.hasAttr("hidden")) {
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
   * id/class/role markers (cookie, share, comments, ads...) below {@code body}. Returns whether
   * elements marked as discussion (comments, replies) were kept because they are the page's
   * text: a forum thread or a live ticker, where they hold several times more text than
   * everything else that survives.
   */
  static boolean removeFurniture(Element body) {
    return removeBelow(body, false, false, null).discussionIsText();
  }

  /**
   * Removes weakly marked furniture (header, sidebar, related, menu...) inside an already chosen
   * content root. Done after the choice, so that a wrapper with an unlucky class ("sticky-sidebar"
   * around the whole page) can never take the main text with it: the root and its ancestors are
   * out of reach. {@code keepDiscussion}: what {@link #removeFurniture} returned. Short captions,
   * credits, dates and bylines go too, unless together they are a large part of the chosen text
   * (then they are the text: a photo gallery page).
   */
  static void removeWeakFurniture(List<Element> roots, boolean keepDiscussion) {
    Minor minor = new Minor();
    int keptChars = 0;
    for (Element root : roots) keptChars += removeBelow(root, true, keepDiscussion, minor).keptChars();
    if (minor.chars < MINOR_MAX_SHARE * keptChars) {
      for (Element e : minor.elements) e.remove();
    }
  }

  /** Captions, credits, dates and bylines found by the weak pass, removed together or not at all. */
  private static final class Minor {
    final List<Element> elements = new ArrayList<>();
    int chars;
  }

  private record Outcome(boolean discussionIsText, int keptChars) {}

  /** Captions, credits, dates and bylines longer than this are taken as text. */
  private static final int MINOR_MAX_CHARS = 300;
  /** ...and all of them together are kept when they hold this share of what is left. */
  private static final double MINOR_MAX_SHARE = 0.4;

  /** Discussion is the text when it holds this many times the text of everything else kept... */
  private static final int DISCUSSION_FACTOR = 3;
  /** ...and what else is kept is shorter than this (an article page has its article). */
  private static final int DISCUSSION_MAX_OTHER_CHARS = 1000;

  private static Outcome removeBelow(Element body, boolean weak, boolean keepDiscussion, Minor minor) {
    TextStats stats = TextStats.of(body);
    int pageChars = stats.get(body).chars;
    List<Node> doomed = new ArrayList<>();
    List<Element> discussion = new ArrayList<>();
    // How many <article>/<main> are open above the current node: a header inside them
    // belongs to the article (title, byline), outside them it is the page's.
    int[] inArticle = {0};
    NodeTraversor.filter(new NodeFilter() {
      @Override
      public FilterResult head(Node node, int depth) {
        if (!(node instanceof Element e) || node == body) return FilterResult.CONTINUE;
        if (isFurniture(e, inArticle[0] > 0, stats, pageChars, weak)) {
          if (!FURNITURE.contains(e.normalName()) && BoilerplateVocabulary.isDiscussion(e)) {
            discussion.add(e);
            if (keepDiscussion) return FilterResult.CONTINUE;
          } else {
            doomed.add(e);
          }
          return FilterResult.SKIP_ENTIRELY;
        }
        if (minor != null && isMinorCompanion(e, stats)) {
          minor.elements.add(e);
          minor.chars += stats.get(e).chars;
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
    int discussionChars = 0;
    for (Element e : discussion) discussionChars += stats.get(e).chars;
    int doomedChars = 0;
    for (Node n : doomed) doomedChars += stats.get((Element) n).chars;
    int otherChars = pageChars - doomedChars - discussionChars;
    boolean discussionIsText = keepDiscussion
        || (discussionChars > DISCUSSION_FACTOR * otherChars && otherChars < DISCUSSION_MAX_OTHER_CHARS);
    for (Node n : doomed) n.remove();
    if (!discussionIsText) {
      for (Element e : discussion) e.remove();
    }
    return new Outcome(discussionIsText, pageChars - doomedChars - (discussionIsText ? 0 : discussionChars));
  }

  /** A short caption, credit, date or byline standing on its own (not inside a sentence). */
  private static boolean isMinorCompanion(Element e, TextStats stats) {
    return stats.get(e).chars <= MINOR_MAX_CHARS
        && (isDateTime(e) || e.nameIs("figcaption") || BoilerplateVocabulary.isMinor(e))
        && !isInlineInText(e, stats);
  }

  /** A {@code <time>} that dates the page; recipe and event durations ("cookTime") are content. */
  private static boolean isDateTime(Element e) {
    if (!e.nameIs("time")) return false;
    String prop = e.attr("itemprop").toLowerCase(java.util.Locale.ROOT);
    return prop.isEmpty() || prop.contains("date");
  }

  /** A paragraph of this many characters is prose, not a picture caption. */
  private static final int PROSE_PARAGRAPH_CHARS = 120;

  /**
   * Whether a paragraph below is long enough to be prose: a "gallery" holding prose paragraphs is
   * a listicle's sections, not a photo gallery. Only asked of gallery-marked elements, which are rare.
   */
  private static boolean holdsProse(Element e, TextStats stats) {
    for (Element p : e.getElementsByTag("p")) {
      if (stats.get(p).chars >= PROSE_PARAGRAPH_CHARS) return true;
    }
    return false;
  }

  /**
   * An inline element inside running text ("on <span class=date>May 3</span> the council..."):
   * removing it would cut the sentence, so minor markers leave it alone.
   */
  private static boolean isInlineInText(Element e, TextStats stats) {
    Element parent = e.parent();
    return parent != null && !BlockTextRenderer.BLOCK_TAGS.contains(e.normalName()) && stats.get(parent).ownChars > 0;
  }

  private static boolean isArticleLike(Element e) {
    return e.nameIs("article") || isMainLike(e);
  }

  private static boolean isMainLike(Element e) {
    return e.nameIs("main") || "main".equalsIgnoreCase(e.attr("role"));
  }

  static boolean isFurniture(Element e, boolean insideArticle, TextStats stats, int pageChars, boolean weak) {
    String tag = e.normalName();
    if (FURNITURE.contains(tag)) return true;
    if (tag.equals("footer") && !weak) return true; // article footers hold tags, share bars, author boxes
    if (tag.equals("header") && !insideArticle && !weak) return true;
    if (PROTECTED.contains(tag) || isMainLike(e) || e.attr("itemprop").equalsIgnoreCase("articleBody")) {
      return false;
    }
    BoilerplateVocabulary.Verdict v = BoilerplateVocabulary.judge(e);
    // An <article> is the usual container of the text: a weak class never removes it, a strong
    // one does (comments and login dialogs are <article>s too) unless it also says "post" or
    // "content" ("post enable-pin-share").
    if (tag.equals("article")
        && (v != BoilerplateVocabulary.Verdict.STRONG || BoilerplateVocabulary.hasContentName(e))) {
      return false;
    }
    if (v == BoilerplateVocabulary.Verdict.STRONG) {
      // "strong" words can still sit on a site-wide wrapper ("social-enabled"): never drop nearly everything
      return pageChars == 0 || stats.get(e).chars < DOMINANT_SHARE * pageChars;
    }
    if (!weak) return false;
    if (v == BoilerplateVocabulary.Verdict.WEAK || (BoilerplateVocabulary.isGallery(e) && !holdsProse(e, stats))) {
      return pageChars == 0 || stats.get(e).chars < WRAPPER_SHARE * pageChars;
    }
    return false;
  }
}
