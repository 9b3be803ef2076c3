package org.curate.extract.warc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TargetUrisTest {
  @Test
  void hostsAreLowercasedWithoutPortOrUserinfo() {
    assertThat(TargetUris.host("HTTP://User@WWW.Example.COM:8080/a b?c")).isEqualTo("www.example.com");
    assertThat(TargetUris.host("http://93.184.216.34/")).isEqualTo("93.184.216.34");
    assertThat(TargetUris.host("https://[::1]:443/")).isEqualTo("[::1]");
  }

  @Test
  void junkGivesNoHost() {
    assertThat(TargetUris.host("dns:www.archive.org")).isNull();
    assertThat(TargetUris.host("not a url")).isNull();
    assertThat(TargetUris.host(null)).isNull();
    assertThat(TargetUris.host("http:// spaced host/")).isNull();
  }

  @Test
  void angleBracketsAreRemoved() {
    assertThat(TargetUris.clean("<https://example.org/>")).isEqualTo("https://example.org/");
  }

  @Test
  void pathsLeaveOutAuthorityQueryAndFragment() {
    assertThat(TargetUris.path("http://example.org/robots.txt?x=1#y")).isEqualTo("/robots.txt");
    assertThat(TargetUris.path("http://example.org")).isEqualTo("/");
    assertThat(TargetUris.path("http://example.org?q")).isEqualTo("/");
    assertThat(TargetUris.path("http://u@example.org:80/a/robots.txt")).isEqualTo("/a/robots.txt");
    assertThat(TargetUris.path("dns:example.org")).isEmpty();
  }
}
