package org.curate.extract.html;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Main text and title of an HTML page with jsoup, in four steps:
 *
 * <ol>
 *   <li>{@link NonContentRemover}: delete scripts, styles, media, form controls, then page
 *       furniture (nav, aside, footer, page-level header, elements whose id/class/role say
 *       cookie banner, share buttons, comments, ads...);
 *   <li>{@link MainContentChooser}: pick the container of the text, semantic markup first, text
 *       density otherwise ({@link ExtractionMode#ARTICLE}), the whole cleaned body if nothing
 *       stands out ({@link ExtractionMode#FALLBACK}); then remove weakly
 *       marked furniture (menu, sidebar, related...) inside it only, never its ancestors, and
 *       rails of teaser cards ({@link TeaserCards});
 *   <li>{@link BlockTextRenderer}: one line per block element, {@code <pre>} kept;
 *   <li>{@link BlockFilter}: drop link lists and a heading repeating the title.
 * </ol>
 *
 * The language hint and publication date come from the same parse ({@link PageMetadataFinder}:
 * the head, then the body during step 1's first walk), the date from a {@code <time>} in the
 * chosen article as a last resort.
 *
 * Never throws; bounded: the parser caps the tree depth (jsoup's default 512) and input beyond
 * {@link #MAX_INPUT_CHARS} is ignored; all traversals are iterative. Deterministic.
 */
public final class JsoupMainTextExtractor implements MainTextExtractor {
  /** Longer pages are cut: the main text of a real page is in its first 16 M characters. */
  static final int MAX_INPUT_CHARS = 16 * 1024 * 1024;

  private static final MainText EMPTY = new MainText("", "", ExtractionMode.FALLBACK);

  @Override
  public MainText extract(String html, String baseUri) {
    try {
      return extractOrThrow(html, baseUri);
    } catch (RuntimeException e) {
      // A parser or library bug on hostile input must not kill the job: no text for this page.
      return EMPTY;
    } finally {
      BoilerplateVocabulary.forgetLast();
    }
  }

  /**
   * {@link #extract} without its safety net, so that tests and the fuzz target see a library or
   * extractor bug as the exception it is instead of an empty page.
   */
  MainText extractOrThrow(String html, String baseUri) {
    if (html == null || html.isBlank()) return EMPTY;
    String input = html.length() > MAX_INPUT_CHARS ? html.substring(0, MAX_INPUT_CHARS) : html;
    Document doc = Parser.htmlParser().parseInput(input, baseUri == null ? "" : baseUri);
    String title = TitleFinder.find(doc);
    // The body's declarations are read by the first cleaning walk, before it deletes scripts (JSON-LD).
    PageMetadataFinder declared = PageMetadataFinder.ofHead(doc);
    Element body = doc.body();
    if (body == null) return new MainText(title, "", ExtractionMode.FALLBACK, declared.langHint(), declared.published());
    NonContentRemover.removeNonText(body, declared::visit);
    boolean discussionIsText = NonContentRemover.removeFurniture(body);
    List<Element> content = MainContentChooser.choose(body);
    // The chooser answers [body] exactly when no block was confident.
    ExtractionMode mode = content.size() == 1 && content.get(0) == body ? ExtractionMode.FALLBACK : ExtractionMode.ARTICLE;
    Element lead = LeadFinder.find(content, body);
    if (lead != null) {
      content = new ArrayList<>(content);
      content.add(0, lead);
    }
    Instant published = declared.published();
    if (published == null && mode == ExtractionMode.ARTICLE) {
      // Only in an article: a fallback page's <time>s date its list items, not the page.
      published = PageMetadataFinder.firstTimeIn(content);
    }
    NonContentRemover.removeWeakFurniture(content, discussionIsText);
    TeaserCards.remove(content);
    return new MainText(title, BlockFilter.join(BlockTextRenderer.render(content), title), mode, declared.langHint(), published);
  }
}
