package org.curate.filters.lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.curate.core.Document;
import org.curate.core.DocumentStep;
import org.curate.core.Outcome;
import org.curate.filters.FilterChain;
import org.curate.filters.FilterRegistry;
import org.junit.jupiter.api.Test;

class LanguageFilterTest {
  private static final Path LID = Path.of(System.getProperty("curate.lid.model", "../models/lid.176.ftz"));
  private static final String GERMAN = "Alle Menschen sind frei und gleich an Würde und Rechten geboren.\n"
      + "Sie sind mit Vernunft und Gewissen begabt und sollen einander im Geist der Brüderlichkeit begegnen.";
  private static final String ENGLISH = "All human beings are born free and equal in dignity and rights.\n"
      + "They are endowed with reason and conscience and should act towards one another in a spirit of brotherhood.";

  private static DocumentStep filter(Map<String, ?> params) {
    assumeTrue(Files.isRegularFile(LID), "no " + LID + " (run models/fetch-lid176.sh)");
    java.util.HashMap<String, Object> all = new java.util.HashMap<>(params);
    all.put("model", LID.toString());
    return new FilterRegistry().create("language", all);
  }

  @Test
  void setsLanguageAndKeepsAllowed() {
    Outcome<Document> out = filter(Map.of("languages", "de,en")).apply(Document.of("1", null, GERMAN));
    assertThat(out).isInstanceOf(Outcome.Kept.class);
    Document d = ((Outcome.Kept<Document>) out).value();
    assertThat(d.lang()).isEqualTo("de");
    assertThat(d.langScore()).isBetween(0.9, 1.0);
  }

  @Test
  void dropsOtherLanguagesKeepingTheMeasurement() {
    Outcome<Document> out = filter(Map.of("languages", List.of("de"))).apply(Document.of("1", null, ENGLISH));
    assertThat(out.reason()).isEqualTo(LanguageFilter.NOT_ALLOWED);
    Document measured = ((Outcome.Dropped<Document>) out).value();
    assertThat(measured.lang()).isEqualTo("en");

    FilterChain tagOnly = new FilterChain(List.of(new FilterChain.Link("language", filter(Map.of("languages", "de")), true)));
    Outcome<Document> kept = tagOnly.apply(Document.of("1", null, ENGLISH));
    Document tagged = ((Outcome.Kept<Document>) kept).value();
    assertThat(tagged.lang()).isEqualTo("en");
    assertThat(tagged.tags()).containsEntry(LanguageFilter.NOT_ALLOWED, 1.0);
  }

  @Test
  void dropsUnsureGuesses() {
    Outcome<Document> out = filter(Map.of()).apply(Document.of("1", null, "ok 12 34 :-)"));
    assertThat(out.reason()).isEqualTo(LanguageFilter.LOW_SCORE);
    assertThat(((Outcome.Dropped<Document>) out).value().langScore()).isLessThan(0.65);
    assertThat(filter(Map.of("min_score", 0)).apply(Document.of("1", null, "ok 12 34 :-)")).isKept()).isTrue();
  }

  @Test
  void looksAtTheFirstCharsOnly() {
    String text = ENGLISH + " " + GERMAN.repeat(20);
    Document d = ((Outcome.Kept<Document>) filter(Map.of("max_chars", ENGLISH.length())).apply(Document.of("1", null, text))).value();
    assertThat(d.lang()).isEqualTo("en");
  }

  @Test
  void rejectsLanguagesTheModelDoesNotKnow() {
    assumeTrue(Files.isRegularFile(LID), "no " + LID + " (run models/fetch-lid176.sh)");
    assertThatThrownBy(() -> filter(Map.of("languages", "en,english")))
        .hasMessageContaining("[english]");
  }

  @Test
  void missingModelNamesThePathAndTheFetchScript() {
    assertThatThrownBy(() -> new FilterRegistry().create("language", Map.of("model", "/nonexistent/lid.176.ftz")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("/nonexistent/lid.176.ftz")
        .hasMessageContaining("models/fetch-lid176.sh");
  }
}
