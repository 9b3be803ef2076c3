package org.curate.filters.quality;

import org.curate.core.DocumentStep;
import org.curate.filters.FilterFactory;
import org.curate.filters.FilterParams;

/** Builds {@link FineWebQualityFilter} ({@code fineweb_quality}). */
public final class FineWebQualityFactory implements FilterFactory {
  @Override
  public String name() {
    return FineWebQualityFilter.NAME;
  }

  @Override
  public DocumentStep create(FilterParams params) {
    return new FineWebQualityFilter(params);
  }
}
