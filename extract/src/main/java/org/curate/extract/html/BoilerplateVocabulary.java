package org.curate.extract.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * Reads what an element's id / class / role / aria-label say about it. Matching is on whole word
 * parts of each name, never on substrings, so "subheadline" or "shadow" do not match "head"/"ad".
 */
final class BoilerplateVocabulary {
  /** Markers that are almost never on a container of the main text: removed whatever the size. */
  private static final Set<String> STRONG = Set.of(
      "comment", "comments", "commentlist", "disqus", "cookie", "cookies", "consent", "gdpr",
      "cmp", "ad", "ads", "adsense", "advert", "adverts", "advertisement", "advertising", "sponsor",
      "sponsored", "sponsors", "promo", "newsletter", "subscribe", "subscription", "share",
      "sharing", "social", "sharedaddy", "addtoany", "shariff", "socials", "popup", "modal",
      "outbrain", "taboola", "relatedposts", "skiplink", "cookieconsent", "cookiebanner",
      "placeholder");

  /**
   * The strong markers of user discussion (comment threads, reviews): boilerplate on an article
   * page, but the text itself on a forum thread, a live ticker or a review page.
   */
  private static final Set<String> DISCUSSION = Set.of(
      "comment", "comments", "commentlist", "disqus", "reply", "replies");

  /**
   * Markers often on real boilerplate but also on layout wrappers ("has-sidebar", "header-wrap"):
   * an element with one of these is kept when it also carries a content marker or holds most of
   * the page's text (see {@link NonContentRemover}).
   */
  private static final Set<String> WEAK = Set.of(
      "header", "footer", "nav", "navbar", "navigation", "menu", "menubar", "breadcrumb",
      "breadcrumbs", "sidebar", "pagination", "pager", "related", "masthead",
      "toolbar", "topbar", "banner", "tags", "tagcloud", "teaser", "recommended", "more",
      "byline", "author", "meta", "rating", "login", "signup", "search", "jump");

  /**
   * Small companions of the text inside the article itself: picture captions and credits, dates,
   * bylines, meta lines. Unlike {@link #WEAK} markers, a content word does not veto them
   * ("entry-meta", "article-date", "wp-caption-text" are still not the text); they are only
   * removed when short (see {@link NonContentRemover}).
   */
  private static final Set<String> MINOR = Set.of(
      "caption", "captions", "legend", "credit", "credits", "copyright", "date", "dates", "timestamp",
      "dateline", "published", "pubdate", "updated", "byline", "author", "authors", "meta");

  /** Picture galleries and sliders: photo captions and "1 of 8" counters, never the article. */
  private static final Set<String> GALLERY = Set.of(
      "gallery", "slideshow", "carousel", "slider", "lightbox");

  /** Tokens that mark the container of the main text: they veto a weak marker. */
  private static final Set<String> CONTENT = Set.of(
      "content", "article", "articlebody", "main", "body", "post", "entry", "story", "text",
      "blog", "page");

  /**
   * First parts of class names generated from a CMS's taxonomy or state ("tag-social",
   * "category-share", "has-sidebar"): they say nothing about the element's role.
   */
  private static final Set<String> TAXONOMY_PREFIXES = Set.of(
      "tag", "tags", "category", "categories", "cat", "format", "type", "status", "has", "with",
      "no", "is", "not", "hide", "show", "postid", "term", "taxonomy", "enable", "disable", "allow",
      "can", "use", "uses");

  /** Last parts that make a class a state flag ("modal-enabled", "comments-open"), not a role. */
  private static final Set<String> STATE_SUFFIXES = Set.of(
      "enabled", "disabled", "active", "inactive", "open", "closed", "visible", "hidden", "loaded",
      "on", "off", "ready", "allowed", "count");

  /** ARIA landmark roles of page furniture. */
  private static final Set<String> BOILERPLATE_ROLES = Set.of(
      "navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "search",
      "dialog", "alertdialog", "toolbar");

  private BoilerplateVocabulary() {}

  enum Verdict { NONE, WEAK, STRONG }

  /**
   * Judges each class name / id / aria-label separately by its first part, its last part and the
   * whole name glued together ("site-header" and "header-top" match "header", "cookieconsent"
   * matches itself), but not by middle parts: "elementor-widget-container" is a wrapper, not a
   * widget. A name whose first or last part is a content word ("article-header") vetoes weak
   * markers of the element.
   */
  static Verdict judge(Element e) {
    String role = e.attr("role").trim().toLowerCase(Locale.ROOT);
    if (!role.isEmpty() && BOILERPLATE_ROLES.contains(role)) return Verdict.STRONG;
    boolean strong = false;
    boolean weak = false;
    boolean content = false;
    boolean contentWithoutStrong = false;
    for (List<String> name : names(e)) {
      if (name.isEmpty() || TAXONOMY_PREFIXES.contains(name.get(0))) continue;
      if (name.size() > 1 && STATE_SUFFIXES.contains(name.get(name.size() - 1))) continue;
      if (isSocialEmbed(name) && !e.getElementsByTag("blockquote").isEmpty()) continue;
      String first = name.get(0);
      String last = name.get(name.size() - 1);
      String whole = String.join("", name);
      boolean strongName = STRONG.contains(first) || STRONG.contains(last) || STRONG.contains(whole);
      boolean contentName = CONTENT.contains(first) || CONTENT.contains(last) || CONTENT.contains(whole);
      strong |= strongName;
      if (WEAK.contains(first) || WEAK.contains(last) || WEAK.contains(whole)) weak = true;
      content |= contentName;
      contentWithoutStrong |= contentName && !strongName;
    }
    // "comment-content" is a comment; "entry share" is the text container with a share-bar
    // modifier class: a content name of its own turns the strong marker into a weak one.
    if (strong) return contentWithoutStrong ? Verdict.WEAK : Verdict.STRONG;
    return weak && !content ? Verdict.WEAK : Verdict.NONE;
  }

  /**
   * "social-embed", "social-media-embed" around a blockquote: a quoted post (a tweet, an
   * Instagram picture with its text) placed in the article, which annotators count as text, not
   * a share widget. Without the blockquote it is a consent placeholder ("external content").
   */
  private static boolean isSocialEmbed(List<String> name) {
    return name.size() > 1 && name.get(0).equals("social") && name.get(name.size() - 1).equals("embed");
  }

  /** Whether a name marks the element as a caption, credit, date, byline or meta line. */
  static boolean isMinor(Element e) {
    return hasMarker(e, MINOR);
  }

  /** Whether a name marks the element as a picture gallery or slider. */
  static boolean isGallery(Element e) {
    return hasMarker(e, GALLERY);
  }

  private static boolean hasMarker(Element e, Set<String> markers) {
    for (List<String> name : names(e)) {
      if (name.isEmpty() || TAXONOMY_PREFIXES.contains(name.get(0))) continue;
      if (name.size() > 1 && STATE_SUFFIXES.contains(name.get(name.size() - 1))) continue;
      if (markers.contains(name.get(0)) || markers.contains(name.get(name.size() - 1))
          || markers.contains(String.join("", name))) {
        return true;
      }
    }
    return false;
  }

  /** Whether the id/class names mark the element as user discussion (see {@link #DISCUSSION}). */
  static boolean isDiscussion(Element e) {
    for (List<String> name : names(e)) {
      if (name.isEmpty() || TAXONOMY_PREFIXES.contains(name.get(0))) continue;
      if (name.size() > 1 && STATE_SUFFIXES.contains(name.get(name.size() - 1))) continue;
      if (DISCUSSION.contains(name.get(0)) || DISCUSSION.contains(name.get(name.size() - 1))
          || DISCUSSION.contains(String.join("", name))) {
        return true;
      }
    }
    return false;
  }

  /** Whether a name's first or last part is a content word ("post", "entry-content"). */
  static boolean hasContentName(Element e) {
    for (List<String> name : names(e)) {
      if (name.isEmpty() || TAXONOMY_PREFIXES.contains(name.get(0))) continue;
      if (CONTENT.contains(name.get(0)) || CONTENT.contains(name.get(name.size() - 1))) return true;
    }
    return false;
  }

  /** +1 when the attributes say "this is the text", -1 when they say boilerplate, else 0. */
  static int hint(Element e) {
    Verdict v = judge(e);
    if (v != Verdict.NONE) return -1;
    for (List<String> name : names(e)) {
      if (name.isEmpty() || TAXONOMY_PREFIXES.contains(name.get(0))) continue;
      if (CONTENT.contains(name.get(0)) || CONTENT.contains(name.get(name.size() - 1))) return 1;
    }
    return 0;
  }

  /** All parts of all names, flattened (for tests and debugging). */
  static List<String> tokens(Element e) {
    List<String> out = new ArrayList<>();
    for (List<String> name : names(e)) out.addAll(name);
    return out;
  }

  /**
   * id, each class name and the aria-label, each cut into lower-case word parts on non-letters
   * and camelCase ("mainNav" -> main, nav). Bounded: junk attributes can be megabytes long.
   */
  static List<List<String>> names(Element e) {
    // Several questions are asked of the same element in a row (judge, minor, gallery...):
    // the last answer is kept per thread, so the names are cut once.
    Object[] last = LAST_NAMES.get();
    if (last[0] == e) {
      @SuppressWarnings("unchecked")
      List<List<String>> cached = (List<List<String>>) last[1];
      return cached;
    }
    List<List<String>> out = new ArrayList<>();
    addName(e.id(), out);
    String cls = e.className();
    int end = Math.min(cls.length(), 2000);
    int start = 0;
    for (int i = 0; i <= end; i++) {
      if (i == end || Character.isWhitespace(cls.charAt(i))) {
        if (i > start) addName(cls.substring(start, i), out);
        start = i + 1;
      }
    }
    addName(e.attr("aria-label"), out);
    last[0] = e;
    last[1] = out;
    return out;
  }

  /** Drops the kept element, so that a finished page is not held in memory by the thread. */
  static void forgetLast() {
    Object[] last = LAST_NAMES.get();
    last[0] = null;
    last[1] = null;
  }

  /** The last element asked about and its names (an identity check, never a map of the page). */
  private static final ThreadLocal<Object[]> LAST_NAMES = ThreadLocal.withInitial(() -> new Object[2]);

  private static void addName(String s, List<List<String>> out) {
    if (s == null || s.isBlank()) return;
    List<String> parts = new ArrayList<>();
    split(s, parts);
    if (!parts.isEmpty()) out.add(parts);
  }

  private static void split(String s, List<String> out) {
    if (s == null || s.isEmpty()) return;
    int n = Math.min(s.length(), 1000); // attributes can be huge in junk: bound the work
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (Character.isLetter(c)) {
        // camelCase boundary: "mainNav" -> main | nav (but "NAV" stays one token)
        if (Character.isUpperCase(c) && cur.length() > 0 && Character.isLowerCase(cur.charAt(cur.length() - 1))) {
          flush(cur, out);
        }
        cur.append(c);
      } else {
        flush(cur, out);
      }
    }
    flush(cur, out);
  }

  private static void flush(StringBuilder cur, List<String> out) {
    if (cur.length() > 0) {
      out.add(cur.toString().toLowerCase(Locale.ROOT));
      cur.setLength(0);
    }
  }
}
