package org.curate.filters.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.curate.core.Document;
import org.curate.core.DocumentStep;
import org.curate.core.Outcome;
import org.curate.filters.FilterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UrlBlocklistFilterTest {
  private static final DocumentStep FILTER = new FilterRegistry().create("url_blocklist", Map.of(
      "domains", List.of(TestLists.path("domains.txt"), TestLists.path("domains-extra.txt.gz")),
      "allow_domains", TestLists.path("allow.txt"),
      "urls", TestLists.path("urls.txt"),
      "expressions", TestLists.path("expressions.txt"),
      "banned_words", TestLists.path("banned_words.txt"),
      "soft_banned_words", TestLists.path("soft_banned_words.txt"),
      "banned_subwords", TestLists.path("banned_subwords.txt")));

  private static String reason(String url) {
    return FILTER.apply(Document.of("d", url, "text")).reason();
  }

  @Test
  void hostAndEveryParentDomainAreLookedUp() {
    assertThat(reason("http://example.com/")).isEqualTo("url_blocklist:domain");
    assertThat(reason("https://a.b.example.com/page")).isEqualTo("url_blocklist:domain");
    assertThat(reason("https://WWW.EXAMPLE.COM./")).isEqualTo("url_blocklist:domain");
    assertThat(reason("https://notexample.com/")).isNull();
    assertThat(reason("https://example.com.evil.org/")).isNull();
    assertThat(reason("https://example.co/")).isNull();
  }

  @Test
  void listEntriesAreNormalisedLikeHosts() {
    assertThat(reason("http://blocked-site.org")).isEqualTo("url_blocklist:domain"); // WWW.Blocked-Site.ORG.
    assertThat(reason("http://x.dotted.net")).isEqualTo("url_blocklist:domain"); // .dotted.net
    assertThat(reason("http://xn--bcher-kva.example/")).isEqualTo("url_blocklist:domain"); // bücher.example
    assertThat(reason("http://BÜCHER.example/")).isEqualTo("url_blocklist:domain");
    assertThat(reason("http://sub.blocked.example/")).isEqualTo("url_blocklist:domain"); // from the .gz list
  }

  @Test
  void ipHostsMatchExactlyWithPortsAndUserinfoIgnored() {
    assertThat(reason("http://user:pw@10.0.0.7:8080/x")).isEqualTo("url_blocklist:domain");
    assertThat(reason("http://110.0.0.7/")).isNull();
    assertThat(reason("http://0.0.7/")).isNull();
  }

  @Test
  void allowListOverridesEveryRule() {
    assertThat(reason("https://good.example.com/xxx")).isNull();
    assertThat(reason("https://deep.good.example.com/")).isNull();
    assertThat(reason("https://bad.example.com/")).isEqualTo("url_blocklist:domain");
  }

  @Test
  void urlListMatchesPrefixesAtPathBoundaries() {
    assertThat(reason("https://www.shared-host.net/bad")).isEqualTo("url_blocklist:url");
    assertThat(reason("https://shared-host.net/bad/page.html")).isEqualTo("url_blocklist:url");
    assertThat(reason("http://shared-host.net/TAG/Nasty?page=2")).isEqualTo("url_blocklist:url");
    assertThat(reason("http://shared-host.net/tag/nastygram")).isNull();
    assertThat(reason("http://shared-host.net/badge")).isNull();
    assertThat(reason("http://shared-host.net/")).isNull();
    assertThat(reason("http://other.net/bad/")).isNull();
  }

  @Test
  void expressionsMatchTheLowerCasedUrlWithoutScheme() {
    assertThat(reason("http://site.org/Badwords/1")).isEqualTo("url_blocklist:expression");
    assertThat(reason("http://site.org/a_nastything")).isEqualTo("url_blocklist:expression");
    assertThat(reason("http://site.org/nastythingy")).isNull();
    assertThat(reason("http://site.org/x?q=ForbiddenString")).isEqualTo("url_blocklist:expression");
  }

  @Test
  void bannedWordsAreWholeTokensOfTheUrl() {
    assertThat(reason("http://site.org/free-XXX-videos")).isEqualTo("url_blocklist:banned_word");
    assertThat(reason("http://xxx.site.org/")).isEqualTo("url_blocklist:banned_word");
    assertThat(reason("http://site.org/xxxl-shirts")).isNull();
    // list entries are normalised like datatrove: "evil-thing" becomes the token "evilthing"
    assertThat(reason("http://site.org/evilthing")).isEqualTo("url_blocklist:banned_word");
    assertThat(reason("http://site.org/porn")).as("commented-out entry").isNull();
  }

  @Test
  void softBannedWordsNeedTwoDistinctTokens() {
    assertThat(reason("http://site.org/hot-deals")).isNull();
    assertThat(reason("http://site.org/hot/hot/hot")).isNull();
    assertThat(reason("http://site.org/hot-girls")).isEqualTo("url_blocklist:soft_banned_words");
    assertThat(reason("http://site.org/hotel-girlscout")).isNull();
  }

  @Test
  void bannedSubwordsMatchAcrossPunctuation() {
    assertThat(reason("http://site.org/nasty-filth")).isEqualTo("url_blocklist:banned_subword");
    assertThat(reason("http://nastyfilthy.site.org/")).isEqualTo("url_blocklist:banned_subword");
    assertThat(reason("http://site.org/nasty/clean-filth")).isNull();
  }

  @Test
  void missingOrUnparseableUrlsNeverThrow() {
    assertThat(FILTER.apply(Document.of("d", null, "t")).isKept()).isTrue();
    assertThat(reason("")).isNull();
    for (String bad : new String[] {"http://", "::::", "http://[::1", "mailto:x@y", "http://exa mple.com/xxx", "\u0000"}) {
      assertThatCode(() -> reason(bad)).doesNotThrowAnyException();
    }
    // a URL with no parsable host still gets the word checks
    assertThat(reason("http://exa mple.com/xxx")).isEqualTo("url_blocklist:banned_word");
  }

  @Test
  void dropsCarryTheDocumentForTagOnlyMode() {
    Outcome<Document> out = FILTER.apply(Document.of("d", "http://example.com/", "t"));
    assertThat(((Outcome.Dropped<Document>) out).value()).isNotNull();
    assertThat(((Outcome.Dropped<Document>) out).detail()).contains("example.com");
  }

  @Test
  void unknownParametersAndBadExpressionsAreConfigErrors(@TempDir Path tmp) throws IOException {
    FilterRegistry registry = new FilterRegistry();
    assertThat(registry.names()).contains("url_blocklist", "bad_words");
    assertThatThrownBy(() -> registry.create("url_blocklist", Map.of("domain", "x")))
        .hasMessageContaining("unknown parameter(s) [domain]");
    assertThatThrownBy(() -> registry.create("url_blocklist", Map.of("domains", "/nonexistent/list")))
        .hasMessageContaining("/nonexistent/list");
    Path badRegex = tmp.resolve("expressions");
    Files.writeString(badRegex, "fine\n(unclosed\n");
    assertThatThrownBy(() -> registry.create("url_blocklist", Map.of("expressions", badRegex.toString())))
        .hasMessageContaining("(unclosed");
  }
}
