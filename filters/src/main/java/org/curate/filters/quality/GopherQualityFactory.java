package org.curate.filters.quality;

import org.curate.core.DocumentStep;
import org.curate.filters.FilterFactory;
import org.curate.filters.FilterParams;

/** Builds {@link GopherQualityFilter} ({@code gopher_quality}). */
public final class GopherQualityFactory implements FilterFactory {
  @Override
  public String name() {
    return GopherQualityFilter.NAME;
  }

  @Override
  public DocumentStep create(FilterParams params) {
    return new GopherQualityFilter(params);
  }
}
