package org.curate.jobs.filter;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One entry of a filter chain config: the filter's registered name, whether it only tags, and
 * its parameters (plain YAML values: strings, numbers, booleans, lists). Serializable, so the
 * driver ships specs, not filters, and each partition builds its own chain.
 */
public record FilterSpec(String name, boolean tagOnly, Map<String, Object> params) implements Serializable {
  public FilterSpec {
    params = new LinkedHashMap<>(params);
  }
}
