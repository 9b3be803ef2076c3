package org.curate.filters;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The configuration of one filter: named values from the pipeline config, read with typed getters
 * that supply the published defaults. Reading marks a key as known; {@link #checkAllUsed()} then
 * rejects typos ("min_word" for "min_words") with an error naming the filter and the key.
 */
public final class FilterParams {
  private final String filter;
  private final Map<String, Object> values;
  private final Set<String> used = new TreeSet<>();

  public FilterParams(String filter, Map<String, ?> values) {
    this.filter = filter;
    this.values = Collections.unmodifiableMap(new TreeMap<>(values));
  }

  public static FilterParams empty(String filter) {
    return new FilterParams(filter, Map.of());
  }

  public String filter() {
    return filter;
  }

  public double getDouble(String key, double defaultValue) {
    Object v = take(key);
    if (v == null) {
      return defaultValue;
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    try {
      return Double.parseDouble(v.toString().trim());
    } catch (NumberFormatException e) {
      throw invalid(key, v, "a number");
    }
  }

  public int getInt(String key, int defaultValue) {
    double d = getDouble(key, defaultValue);
    if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
      throw invalid(key, values.get(key), "an integer");
    }
    return (int) d;
  }

  public boolean getBoolean(String key, boolean defaultValue) {
    Object v = take(key);
    if (v == null) {
      return defaultValue;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    return switch (v.toString().trim().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> throw invalid(key, v, "true or false");
    };
  }

  public String getString(String key, String defaultValue) {
    Object v = take(key);
    return v == null ? defaultValue : v.toString();
  }

  /** A list value; a single string is a one-element list, a comma-separated string is split. */
  public List<String> getStringList(String key, List<String> defaultValue) {
    Object v = take(key);
    if (v == null) {
      return defaultValue;
    }
    List<String> out = new ArrayList<>();
    if (v instanceof List<?> list) {
      list.forEach(x -> out.add(String.valueOf(x).trim()));
    } else {
      for (String part : v.toString().split(",")) {
        if (!part.isBlank()) {
          out.add(part.trim());
        }
      }
    }
    return List.copyOf(out);
  }

  public boolean has(String key) {
    return values.containsKey(key);
  }

  /** Throws if the config holds a key no getter asked for. Call after building the filter. */
  public void checkAllUsed() {
    Set<String> unknown = new TreeSet<>(values.keySet());
    unknown.removeAll(used);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("filter '" + filter + "': unknown parameter(s) " + unknown
          + "; known: " + used);
    }
  }

  private Object take(String key) {
    used.add(key);
    return values.get(key);
  }

  private IllegalArgumentException invalid(String key, Object value, String expected) {
    return new IllegalArgumentException("filter '" + filter + "': parameter '" + key + "' must be " + expected
        + ", got '" + value + "'");
  }
}
