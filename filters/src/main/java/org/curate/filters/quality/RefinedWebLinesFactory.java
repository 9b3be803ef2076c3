package org.curate.filters.quality;

import org.curate.core.DocumentStep;
import org.curate.filters.FilterFactory;
import org.curate.filters.FilterParams;

/** Builds {@link RefinedWebLinesFilter} ({@code refinedweb_lines}). */
public final class RefinedWebLinesFactory implements FilterFactory {
  @Override
  public String name() {
    return RefinedWebLinesFilter.NAME;
  }

  @Override
  public DocumentStep create(FilterParams params) {
    return new RefinedWebLinesFilter(params);
  }
}
