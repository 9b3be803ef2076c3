package org.curate.filters.safety;

import java.util.List;
import org.curate.core.DocumentStep;
import org.curate.filters.FilterFactory;
import org.curate.filters.FilterParams;

/**
 * {@code url_blocklist}: every parameter is a list of file paths (a single path or a
 * comma-separated string also works; {@code .gz} accepted): {@code domains}, {@code urls},
 * {@code expressions}, {@code banned_words}, {@code soft_banned_words}, {@code banned_subwords},
 * {@code allow_domains}; plus {@code soft_word_threshold} (datatrove default 2). No list is
 * bundled: UT1 is CC BY-SA 4.0 and the word lists carry their own licences, so configs point at
 * copies kept outside the product.
 */
public final class UrlBlocklistFilterFactory implements FilterFactory {
  @Override
  public String name() {
    return UrlBlocklistFilter.NAME;
  }

  @Override
  public DocumentStep create(FilterParams params) {
    List<String> domains = params.getStringList("domains", List.of());
    List<String> urls = params.getStringList("urls", List.of());
    List<String> expressions = params.getStringList("expressions", List.of());
    List<String> banned = params.getStringList("banned_words", List.of());
    List<String> soft = params.getStringList("soft_banned_words", List.of());
    List<String> subwords = params.getStringList("banned_subwords", List.of());
    List<String> allow = params.getStringList("allow_domains", List.of());
    int softThreshold = params.getInt("soft_word_threshold", 2);
    return new UrlBlocklistFilter(
        domains.isEmpty() ? null : DomainSet.load(ListFiles.paths(domains)),
        allow.isEmpty() ? null : DomainSet.load(ListFiles.paths(allow)),
        urls.isEmpty() ? null : UrlPrefixList.load(ListFiles.paths(urls)),
        expressions.isEmpty() ? null : UrlExpressions.load(ListFiles.paths(expressions)),
        new UrlWordRules(ListFiles.entries(ListFiles.paths(banned)), ListFiles.entries(ListFiles.paths(soft)),
            softThreshold, ListFiles.entries(ListFiles.paths(subwords))));
  }
}
