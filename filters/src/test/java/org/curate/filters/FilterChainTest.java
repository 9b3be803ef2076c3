package org.curate.filters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.curate.core.Document;
import org.curate.core.DocumentStep;
import org.curate.core.Outcome;
import org.junit.jupiter.api.Test;

class FilterChainTest {
  private static final DocumentStep SHORT_TEXT = d -> {
    Document measured = d.withTag("length.chars", d.text().length());
    return d.text().length() < 10 ? Outcome.drop("length:too_short", "chars=" + d.text().length(), measured)
        : Outcome.keep(measured);
  };
  private static final DocumentStep UPPERCASE = d -> Outcome.changed(d.withText(d.text().toUpperCase()), List.of("case:upper"));

  @Test
  void firstDropWinsAndRewritesAccumulate() {
    FilterChain chain = new FilterChain(List.of(new FilterChain.Link("upper", UPPERCASE, false),
        new FilterChain.Link("length", SHORT_TEXT, false)));
    Outcome<Document> kept = chain.apply(Document.of("1", null, "long enough text"));
    assertThat(kept).isInstanceOf(Outcome.Kept.class);
    Outcome.Kept<Document> k = (Outcome.Kept<Document>) kept;
    assertThat(k.value().text()).isEqualTo("LONG ENOUGH TEXT");
    assertThat(k.changes()).containsExactly("case:upper");
    assertThat(k.value().tags()).containsEntry("length.chars", 16.0);

    assertThat(chain.apply(Document.of("2", null, "short")).reason()).isEqualTo("length:too_short");
  }

  @Test
  void tagOnlyLinkKeepsTheDocumentAndRecordsTheReasonAndMeasures() {
    FilterChain chain = new FilterChain(List.of(new FilterChain.Link("length", SHORT_TEXT, true)));
    Outcome<Document> outcome = chain.apply(Document.of("2", null, "short"));
    assertThat(outcome.isKept()).isTrue();
    Document d = ((Outcome.Kept<Document>) outcome).value();
    assertThat(d.tags()).containsEntry("length:too_short", 1.0).containsEntry("length.chars", 5.0);
  }

  @Test
  void paramsRejectUnknownKeysAndBadTypes() {
    FilterParams p = new FilterParams("gopher_quality", Map.of("min_words", "50", "min_word", 3));
    assertThat(p.getInt("min_words", 10)).isEqualTo(50);
    assertThatThrownBy(p::checkAllUsed).hasMessageContaining("unknown parameter(s) [min_word]");
    FilterParams bad = new FilterParams("x", Map.of("ratio", "high"));
    assertThatThrownBy(() -> bad.getDouble("ratio", 0.1)).hasMessageContaining("parameter 'ratio' must be a number");
  }
}
