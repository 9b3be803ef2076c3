package org.curate.filters;

import org.curate.core.DocumentStep;

/**
 * Builds a filter by name from its parameters, so a pipeline config can list filters by name.
 * Implementations are registered in {@code META-INF/services/org.curate.filters.FilterFactory}.
 * The step's reason codes use {@link #name()} as their family ({@code gopher_quality:word_count}).
 */
public interface FilterFactory {
  /** Stable snake_case name used in configs, e.g. {@code gopher_quality}. */
  String name();

  /** Builds the step; reads its thresholds from {@code params} with the published defaults. */
  DocumentStep create(FilterParams params);
}
