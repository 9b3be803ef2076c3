package org.curate.filters.safety;

import org.curate.core.Document;
import org.curate.core.DocumentStep;
import org.curate.core.Outcome;

/**
 * Drops documents by their URL, checks in this order (first hit wins):
 * <ol>
 *   <li>allow-list: a host covered by an allowed domain is kept, whatever follows;
 *   <li>{@code url_blocklist:domain}: the host or a parent domain is listed ({@link DomainSet});
 *   <li>{@code url_blocklist:url}: the URL starts with a listed {@code host/path} ({@link UrlPrefixList});
 *   <li>{@code url_blocklist:expression}: a listed regex matches ({@link UrlExpressions});
 *   <li>{@code url_blocklist:banned_word}, {@code :soft_banned_words}, {@code :banned_subword}:
 *       datatrove URLFilter word rules ({@link UrlWordRules}).
 * </ol>
 * A document without a URL is kept (nothing to judge). A URL whose host cannot be parsed skips
 * the host checks but still gets the expression and word checks; nothing here throws on input.
 * Drops carry the document so the filter can run in tag-only mode.
 */
public final class UrlBlocklistFilter implements DocumentStep {
  public static final String NAME = "url_blocklist";

  private final DomainSet blockedDomains;
  private final DomainSet allowedDomains;
  private final UrlPrefixList blockedUrls;
  private final UrlExpressions expressions;
  private final UrlWordRules wordRules;

  public UrlBlocklistFilter(DomainSet blockedDomains, DomainSet allowedDomains, UrlPrefixList blockedUrls,
      UrlExpressions expressions, UrlWordRules wordRules) {
    this.blockedDomains = blockedDomains;
    this.allowedDomains = allowedDomains;
    this.blockedUrls = blockedUrls;
    this.expressions = expressions;
    this.wordRules = wordRules;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Outcome<Document> apply(Document document) {
    String url = document.url();
    if (url == null || url.isBlank()) {
      return Outcome.keep(document);
    }
    UrlNormalizer.ParsedUrl parsed = UrlNormalizer.parse(url);
    if (parsed != null) {
      if (allowedDomains != null && allowedDomains.match(parsed.host(), parsed.ipLiteral()) != null) {
        return Outcome.keep(document);
      }
      String domain = blockedDomains == null ? null : blockedDomains.match(parsed.host(), parsed.ipLiteral());
      if (domain != null) {
        return Outcome.drop(NAME + ":domain", "listed domain " + domain, document);
      }
      String prefix = blockedUrls == null ? null : blockedUrls.match(parsed);
      if (prefix != null) {
        return Outcome.drop(NAME + ":url", "listed url " + prefix, document);
      }
    }
    String expression = expressions == null ? null : expressions.match(url);
    if (expression != null) {
      return Outcome.drop(NAME + ":expression", "expression matched '" + expression + "'", document);
    }
    UrlWordRules.Hit hit = wordRules == null ? null : wordRules.check(url);
    if (hit != null) {
      return Outcome.drop(NAME + ":" + hit.rule(), hit.rule() + " " + hit.matched(), document);
    }
    return Outcome.keep(document);
  }
}
