package org.curate.extract.html;

/**
 * Turns an HTML page into its main text. Implementations are thread-confined (one per task) and
 * must be deterministic: the same HTML gives the same text.
 */
public interface MainTextExtractor {
  MainText extract(String html, String baseUri);
}
