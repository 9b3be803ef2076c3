package org.curate.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlKeyTest {
  private final UrlKey key = new UrlKey();

  @Test
  void capturesOfOnePageShareAKey() {
    String k = key.of("https://www.Example.com/a/b/?id=3&utm_source=x#top");
    assertThat(k).isEqualTo("example.com/a/b?id=3");
    assertThat(key.of("http://example.com:80/a/b?id=3")).isEqualTo(k);
    assertThat(key.of("https://example.com")).isEqualTo("example.com/");
  }

  @Test
  void differentPagesDiffer() {
    assertThat(key.of("https://example.com/a?id=3")).isNotEqualTo(key.of("https://example.com/a?id=4"));
    assertThat(key.of("https://example.com:8080/a")).isEqualTo("example.com:8080/a");
    assertThat(key.of(null)).isNull();
    assertThat(key.of("not a url with spaces")).isEqualTo("not a url with spaces");
  }
}
