package org.curate.extract.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * Reads what an element's id / class / role / aria-label / itemprop say about it. Matching is on
 * whole tokens (class "article-header" gives tokens "article" and "header"; "mainNav" gives
 * "main" and "nav"), never on substrings, so "subheadline" or "shadow" do not match "head"/"ad".
 */
final class BoilerplateVocabulary {
  /** Markers that are almost never on a container of the main text: removed whatever the size. */
  private static final Set<String> STRONG = Set.of(
      "comment", "comments", "commentlist", "disqus", "cookie", "cookies", "consent", "gdpr",
      "cmp", "ad", "ads", "adsense", "advert", "adverts", "advertisement", "advertising", "sponsor",
      "sponsored", "sponsors", "promo", "newsletter", "subscribe", "subscription", "share",
      "sharing", "social", "sharedaddy", "addtoany", "shariff", "socials", "popup", "modal",
      "outbrain", "taboola", "relatedposts", "print", "skiplink", "paywall");

  /**
   * Markers often on real boilerplate but also on layout wrappers ("has-sidebar", "header-wrap"):
   * an element with one of these is kept when it also carries a content marker or holds most of
   * the page's text (see {@link NonContentRemover}).
   */
  private static final Set<String> WEAK = Set.of(
      "header", "footer", "nav", "navbar", "navigation", "menu", "menubar", "breadcrumb",
      "breadcrumbs", "sidebar", "widget", "widgets", "pagination", "pager", "related", "masthead",
      "toolbar", "topbar", "banner", "tags", "tagcloud", "teaser", "recommended", "more",
      "byline", "author", "meta", "rating", "login", "signup", "search", "jump");

  /** Tokens that mark the container of the main text: they veto a weak marker. */
  private static final Set<String> CONTENT = Set.of(
      "content", "article", "articlebody", "main", "body", "post", "entry", "story", "text",
      "blog", "page");

  /** ARIA landmark roles of page furniture. */
  private static final Set<String> BOILERPLATE_ROLES = Set.of(
      "navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "search",
      "dialog", "alertdialog", "toolbar");

  private BoilerplateVocabulary() {}

  enum Verdict { NONE, WEAK, STRONG }

  static Verdict judge(Element e) {
    String role = e.attr("role").trim().toLowerCase(Locale.ROOT);
    if (!role.isEmpty() && BOILERPLATE_ROLES.contains(role)) return Verdict.STRONG;
    List<String> tokens = tokens(e);
    if (tokens.isEmpty()) return Verdict.NONE;
    boolean weak = false;
    boolean content = false;
    for (String t : tokens) {
      if (STRONG.contains(t)) return Verdict.STRONG;
      if (WEAK.contains(t)) weak = true;
      if (CONTENT.contains(t)) content = true;
    }
    return weak && !content ? Verdict.WEAK : Verdict.NONE;
  }

  /** +1 when the attributes say "this is the text", -1 when they say boilerplate, else 0. */
  static int hint(Element e) {
    List<String> tokens = tokens(e);
    int h = 0;
    for (String t : tokens) {
      if (STRONG.contains(t) || WEAK.contains(t)) h = -1;
    }
    if (h == 0) {
      for (String t : tokens) if (CONTENT.contains(t)) return 1;
    }
    return h;
  }

  /** Lower-case word tokens of id, class and aria-label; split on non-letters and camelCase. */
  static List<String> tokens(Element e) {
    List<String> out = new ArrayList<>();
    split(e.id(), out);
    split(e.className(), out);
    split(e.attr("aria-label"), out);
    return out;
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
