package org.curate.filters.quality;

import org.curate.core.DocumentStep;
import org.curate.filters.FilterFactory;
import org.curate.filters.FilterParams;

/** Builds {@link C4Filter} ({@code c4}). */
public final class C4Factory implements FilterFactory {
  @Override
  public String name() {
    return C4Filter.NAME;
  }

  @Override
  public DocumentStep create(FilterParams params) {
    return new C4Filter(params);
  }
}
