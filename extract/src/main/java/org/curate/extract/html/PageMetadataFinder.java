package org.curate.extract.html;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.NodeTraversor;

/**
 * The language hint and publication date a page declares, read from the document the extractor
 * parsed, without a traversal of its own ({@link #ofHead}), before cleaning removes the scripts
 * (JSON-LD) and the markup that carries them. Each source has a rank; the first valid value (see
 * {@link LanguageTags}, {@link PublicationDates}) of the best-ranked source wins, and within a
 * source the first in document order.
 *
 * <p>Language, best first: {@code <html lang>} (else its {@code xml:lang}), which HTML says is
 * the document's language and which authoring tools set per page; {@code <meta
 * http-equiv="content-language">}, HTML's legacy fallback for it; {@code <meta
 * name="language|dc.language|dcterms.language">}; in both meta forms a language's name is
 * accepted too ({@code Japanese}: old sites write that); {@code og:locale} last, since sharing
 * plugins often fill it with the site's default locale whatever the page's language.
 *
 * <p>Publication date, best first: {@code article:published_time} (Open Graph, page-level and
 * specific to publication); schema.org {@code itemprop="datePublished"} (meta, {@code <time>} or
 * other element: {@code content}, {@code datetime}, else its text); {@code datePublished} in a
 * JSON-LD script (a regular expression over the script, no JSON parsing: the first occurrence,
 * usually the page's main entity); named meta tags (Dublin Core issued/created/date, Highwire
 * {@code citation_publication_date}, {@code pubdate}, {@code publishdate}, Parse.ly,
 * Sailthru...); a {@code <time datetime>} marked as the publication time ({@code pubdate}
 * attribute, class {@code published} or {@code entry-date}) when the page has exactly one (a blog
 * index has one per post, and none of them dates the page); a bare {@code <meta name="date">},
 * which some sites use for the last change. {@link #firstTimeIn} is the extractor's last resort.
 */
final class PageMetadataFinder {
  private static final int LANG_SOURCES = 4;
  private static final int HTML_LANG = 0;
  private static final int HTTP_EQUIV = 1;
  private static final int META_LANGUAGE = 2;
  private static final int OG_LOCALE = 3;

  private static final int DATE_SOURCES = 6;
  private static final int OPEN_GRAPH = 0;
  private static final int MICRODATA = 1;
  private static final int JSON_LD = 2;
  private static final int NAMED_META = 3;
  private static final int MARKED_TIME = 4;
  private static final int BARE_DATE = 5;

  private static final Set<String> LANGUAGE_NAMES = Set.of("language", "dc.language", "dcterms.language");
  private static final Set<String> OPEN_GRAPH_NAMES = Set.of("article:published_time", "og:article:published_time");
  private static final Set<String> DATE_NAMES = Set.of("dc.date.issued", "dcterms.issued", "dc.date.created",
      "dcterms.created", "dc.date", "dcterms.date", "citation_publication_date", "citation_date", "pubdate",
      "publishdate", "publish-date", "publish_date", "publication_date", "publication-date", "published_time",
      "article.published", "parsely-pub-date", "sailthru.date", "original-publish-date");
  private static final Pattern JSON_LD_DATE = Pattern.compile("\"datePublished\"\\s*:\\s*\"([^\"\\\\]{1,64})\"");

  private final String[] langs = new String[LANG_SOURCES];
  private final Instant[] dates = new Instant[DATE_SOURCES];
  private int markedTimes;

  private PageMetadataFinder() {}

  /**
   * A finder that has read the root's {@code lang} and the {@code <head>}; the body's elements
   * are then fed to {@link #visit} by the first cleaning pass, which walks them anyway, so the
   * page is not traversed once more just for this (that would cost about 4% of the extraction).
   */
  static PageMetadataFinder ofHead(Document doc) {
    PageMetadataFinder found = new PageMetadataFinder();
    Element root = doc.firstElementChild();
    if (root != null && root.normalName().equals("html")) {
      found.lang(HTML_LANG, LanguageTags.normalise(root.attr("lang"), false));
      found.lang(HTML_LANG, LanguageTags.normalise(root.attr("xml:lang"), false));
    }
    Element head = doc.head();
    if (head != null) {
      NodeTraversor.traverse((node, depth) -> {
        if (node instanceof Element e) found.visit(e);
      }, head);
    }
    return found;
  }

  /** The best-ranked valid language declaration, normalised, or null. */
  String langHint() {
    for (String l : langs) if (l != null) return l;
    return null;
  }

  /** The best-ranked valid publication date, or null. */
  Instant published() {
    for (int source = 0; source < DATE_SOURCES; source++) {
      if (source == MARKED_TIME && markedTimes != 1) continue;
      if (dates[source] != null) return dates[source];
    }
    return null;
  }

  /**
   * The first valid {@code <time datetime>} inside the chosen text's roots: the article's own
   * date line when the page declares none (call it before dates and bylines are cleaned away).
   */
  static Instant firstTimeIn(List<Element> roots) {
    for (Element root : roots) {
      for (Element time : root.getElementsByTag("time")) {
        Instant instant = PublicationDates.parse(time.attr("datetime"));
        if (instant != null) return instant;
      }
    }
    return null;
  }

  /** Reads one element's declarations; elements must come in document order. Changes nothing. */
  void visit(Element e) {
    switch (e.normalName()) {
      case "meta" -> meta(e);
      case "script" -> {
        if (dates[JSON_LD] == null && e.attr("type").strip().equalsIgnoreCase("application/ld+json")) {
          Matcher m = JSON_LD_DATE.matcher(e.data());
          while (dates[JSON_LD] == null && m.find()) date(JSON_LD, PublicationDates.parse(m.group(1)));
        }
      }
      case "time" -> {
        if (e.hasAttr("pubdate") || e.hasClass("published") || e.hasClass("entry-date")) {
          markedTimes++;
          date(MARKED_TIME, PublicationDates.parse(e.attr("datetime")));
        }
        microdata(e);
      }
      default -> microdata(e);
    }
  }

  private void microdata(Element e) {
    if (dates[MICRODATA] == null && isDatePublished(e.attr("itemprop"))) {
      String value = e.hasAttr("datetime") ? e.attr("datetime") : e.hasAttr("content") ? e.attr("content") : e.text();
      date(MICRODATA, PublicationDates.parse(value));
    }
  }

  private void meta(Element e) {
    String content = e.attr("content");
    if (e.attr("http-equiv").strip().equalsIgnoreCase("content-language")) {
      lang(HTTP_EQUIV, LanguageTags.normalise(content, true));
    }
    if (isDatePublished(e.attr("itemprop"))) date(MICRODATA, PublicationDates.parse(content));
    for (String attr : new String[] {"name", "property"}) {
      String key = e.attr(attr).strip().toLowerCase(Locale.ROOT);
      if (key.isEmpty()) continue;
      if (LANGUAGE_NAMES.contains(key)) lang(META_LANGUAGE, LanguageTags.normalise(content, true));
      else if (key.equals("og:locale")) lang(OG_LOCALE, LanguageTags.normalise(content, false));
      else if (OPEN_GRAPH_NAMES.contains(key)) date(OPEN_GRAPH, PublicationDates.parse(content));
      else if (DATE_NAMES.contains(key)) date(NAMED_META, PublicationDates.parse(content));
      else if (key.equals("date")) date(BARE_DATE, PublicationDates.parse(content));
    }
  }

  /** itemprop holds space-separated names; matched case-insensitively, as pages spell it both ways. */
  private static boolean isDatePublished(String itemprop) {
    if (itemprop.isEmpty()) return false;
    for (String name : itemprop.split("\\s+")) {
      if (name.equalsIgnoreCase("datePublished")) return true;
    }
    return false;
  }

  private void lang(int source, String tag) {
    if (langs[source] == null) langs[source] = tag;
  }

  private void date(int source, Instant instant) {
    if (dates[source] == null) dates[source] = instant;
  }
}
