package org.curate.filters.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.curate.core.DocumentStep;
import org.curate.filters.FilterRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QualityFiltersRegistryTest {
  private final FilterRegistry registry = new FilterRegistry();

  @ParameterizedTest
  @ValueSource(strings = {"gopher_quality", "gopher_repetition", "c4", "fineweb_quality", "refinedweb_lines"})
  void buildsWithDefaultsAndRejectsUnknownParams(String name) {
    DocumentStep step = registry.create(name, Map.of());
    assertThat(step.name()).isEqualTo(name);
    assertThat(step.apply(SampleTexts.doc("")).reason()).satisfiesAnyOf(
        r -> assertThat(r).isNull(), r -> assertThat(r).startsWith(name + ":"));
    assertThatThrownBy(() -> registry.create(name, Map.of("no_such_param", 1)))
        .hasMessageContaining("unknown parameter(s) [no_such_param]");
  }
}
