package org.curate.jobs.filter;

import java.util.ArrayList;
import java.util.List;
import org.curate.filters.FilterChain;
import org.curate.filters.FilterRegistry;

/** Builds the plain-Java filter chain a config describes (on the driver to validate, per partition to run). */
public final class FilterChains {
  private FilterChains() {}

  public static FilterChain build(FilterConfig config) {
    FilterRegistry registry = new FilterRegistry();
    List<FilterChain.Link> links = new ArrayList<>();
    for (FilterSpec spec : config.filters()) {
      links.add(new FilterChain.Link(spec.name(), registry.create(spec.name(), spec.params()), spec.tagOnly()));
    }
    return new FilterChain(links);
  }
}
