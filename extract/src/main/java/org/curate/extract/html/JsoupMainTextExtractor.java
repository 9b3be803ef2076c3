package org.curate.extract.html;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Main text with jsoup (placeholder: whole body text, replaced by the real v1 extractor). */
public final class JsoupMainTextExtractor implements MainTextExtractor {
  @Override
  public MainText extract(String html, String baseUri) {
    Document doc = Jsoup.parse(html, baseUri == null ? "" : baseUri);
    return new MainText(doc.title(), doc.body() == null ? "" : doc.body().text());
  }
}
