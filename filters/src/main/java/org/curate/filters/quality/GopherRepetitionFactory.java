package org.curate.filters.quality;

import org.curate.core.DocumentStep;
import org.curate.filters.FilterFactory;
import org.curate.filters.FilterParams;

/** Builds {@link GopherRepetitionFilter} ({@code gopher_repetition}). */
public final class GopherRepetitionFactory implements FilterFactory {
  @Override
  public String name() {
    return GopherRepetitionFilter.NAME;
  }

  @Override
  public DocumentStep create(FilterParams params) {
    return new GopherRepetitionFilter(params);
  }
}
