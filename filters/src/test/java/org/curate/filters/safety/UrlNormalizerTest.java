package org.curate.filters.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

class UrlNormalizerTest {
  @Test
  void hostIsLowerCasedWithoutUserinfoPortTrailingDotsOrWww() {
    UrlNormalizer.ParsedUrl u = UrlNormalizer.parse("HTTPS://user:pw@WWW.Example.COM.:8443/Some/Path?Q=1#frag");
    assertThat(u.host()).isEqualTo("example.com");
    assertThat(u.ipLiteral()).isFalse();
    assertThat(u.pathAndQuery()).isEqualTo("/some/path?q=1");
  }

  @Test
  void schemeLessAndProtocolRelativeUrlsHaveHosts() {
    assertThat(UrlNormalizer.parse("example.com/a").host()).isEqualTo("example.com");
    assertThat(UrlNormalizer.parse("example.com:8080").host()).isEqualTo("example.com");
    assertThat(UrlNormalizer.parse("//cdn.example.com/x.js").host()).isEqualTo("cdn.example.com");
  }

  @Test
  void ipHostsAreLiterals() {
    UrlNormalizer.ParsedUrl v4 = UrlNormalizer.parse("http://10.0.0.7:80/x");
    assertThat(v4.host()).isEqualTo("10.0.0.7");
    assertThat(v4.ipLiteral()).isTrue();
    UrlNormalizer.ParsedUrl v6 = UrlNormalizer.parse("http://[2001:DB8::1]:8080/");
    assertThat(v6.host()).isEqualTo("2001:db8::1");
    assertThat(v6.ipLiteral()).isTrue();
  }

  @Test
  void internationalisedNamesBecomePunycode() {
    assertThat(UrlNormalizer.normalizeDomain("Bücher.Example")).isEqualTo("xn--bcher-kva.example");
    assertThat(UrlNormalizer.parse("http://bücher.example/").host()).isEqualTo("xn--bcher-kva.example");
  }

  @Test
  void wwwIsOnlyStrippedWhenADomainRemains() {
    assertThat(UrlNormalizer.normalizeDomain("www.com")).isEqualTo("www.com");
    assertThat(UrlNormalizer.normalizeDomain("..www.a.b..")).isEqualTo("a.b");
  }

  @Test
  void badUrlsGiveNullAndNeverThrow() {
    String[] bad = {null, "", "   ", "mailto:someone@example.com", "javascript:void(0)", "http://", "http://[::1",
        "http://exa mple.com/", "http://%%%/", "::::", "http://xn--/", "http://" + "a".repeat(300) + ".com",
        "http://\u0000/", "http://@/", "ht!tp://x.com"};
    for (String url : bad) {
      assertThatCode(() -> UrlNormalizer.parse(url)).as(String.valueOf(url)).doesNotThrowAnyException();
    }
    assertThat(UrlNormalizer.parse("mailto:someone@example.com")).isNull();
    assertThat(UrlNormalizer.parse("http://exa mple.com/")).isNull();
    assertThat(UrlNormalizer.parse("http://")).isNull();
  }
}
