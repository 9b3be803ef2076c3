package org.curate.filters;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.curate.core.DocumentStep;

/** Finds filter factories by name (ServiceLoader) and builds configured steps. */
public final class FilterRegistry {
  private final Map<String, FilterFactory> factories = new TreeMap<>();

  public FilterRegistry() {
    for (FilterFactory f : ServiceLoader.load(FilterFactory.class, FilterRegistry.class.getClassLoader())) {
      FilterFactory previous = factories.put(f.name(), f);
      if (previous != null) {
        throw new IllegalStateException("two filters named '" + f.name() + "': " + previous.getClass().getName()
            + " and " + f.getClass().getName());
      }
    }
  }

  public java.util.Set<String> names() {
    return factories.keySet();
  }

  /** Builds filter {@code name}; unknown names and unknown parameters are errors that say so. */
  public DocumentStep create(String name, Map<String, ?> params) {
    FilterFactory factory = factories.get(name);
    if (factory == null) {
      throw new IllegalArgumentException("unknown filter '" + name + "'; known filters: " + factories.keySet());
    }
    FilterParams p = new FilterParams(name, params);
    DocumentStep step = factory.create(p);
    p.checkAllUsed();
    return step;
  }
}
