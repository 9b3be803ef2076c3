package org.curate.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonStringTest {
  @Test
  void escapesQuotesBackslashesAndControlCharacters() {
    assertThat(JsonString.quote("a \"b\" \\ c\n\t\r\u0001é"))
        .isEqualTo("\"a \\\"b\\\" \\\\ c\\n\\t\\r\\u0001é\"");
  }

  @Test
  void leavesPlainTextAlone() {
    assertThat(JsonString.quote("")).isEqualTo("\"\"");
    assertThat(JsonString.quote("日本語 / text")).isEqualTo("\"日本語 / text\"");
  }
}
