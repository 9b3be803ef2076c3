package org.curate.jobs.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The filter chain of a run, read from YAML:
 *
 * <pre>
 * filters:
 *   - filter: gopher_quality      # a registered filter name
 *     tag_only: false             # optional: measure and tag, never drop
 *     min_words: 50               # every other key is a parameter of the filter
 *   - filter: pii
 * </pre>
 *
 * Parameters whose name ends in {@code model}, {@code lists_dir}, or that name list files
 * ({@code domains}, {@code urls}, ...) are paths; relative ones are resolved against the
 * config file's folder so a config and its lists travel together.
 */
public record FilterConfig(List<FilterSpec> filters) implements Serializable {
  private static final Set<String> PATH_KEYS = Set.of("model", "lists_dir", "lists", "domains", "urls",
      "expressions", "banned_words", "soft_banned_words", "banned_subwords", "allow_domains", "stop_words_file");

  public FilterConfig {
    filters = List.copyOf(filters);
  }

  /** This config with one more (or a replaced) parameter on the filter at {@code index}. */
  public FilterConfig withParam(int index, String key, Object value) {
    List<FilterSpec> specs = new ArrayList<>(filters);
    FilterSpec spec = specs.get(index);
    Map<String, Object> params = new LinkedHashMap<>(spec.params());
    params.put(key, value);
    specs.set(index, new FilterSpec(spec.name(), spec.tagOnly(), params));
    return new FilterConfig(specs);
  }

  public static FilterConfig load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in, file.toAbsolutePath().getParent(), file.toString());
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read filter config " + file + ": " + e.getMessage(), e);
    }
  }

  /** Parses YAML; {@code baseDir} resolves relative paths (null: leave them as they are). */
  public static FilterConfig parse(InputStream yaml, Path baseDir, String sourceName) throws IOException {
    return fromTree(new ObjectMapper(new YAMLFactory()).readTree(yaml), baseDir, sourceName);
  }

  /** The chain from an already parsed document ({@code {filters: [...]}}), e.g. inline in a pipeline config. */
  public static FilterConfig fromTree(JsonNode root, Path baseDir, String sourceName) {
    if (root == null || !root.isObject() || !root.has("filters") || !root.get("filters").isArray()) {
      throw new IllegalArgumentException(sourceName + ": expected a top-level 'filters:' list");
    }
    Iterator<String> topKeys = root.fieldNames();
    while (topKeys.hasNext()) {
      String key = topKeys.next();
      if (!key.equals("filters")) {
        throw new IllegalArgumentException(sourceName + ": unknown key '" + key + "' (expected only 'filters')");
      }
    }
    List<FilterSpec> specs = new ArrayList<>();
    int index = 0;
    for (JsonNode entry : root.get("filters")) {
      index++;
      String where = sourceName + ": filters[" + index + "]";
      if (!entry.isObject() || !entry.hasNonNull("filter")) {
        throw new IllegalArgumentException(where + ": each entry needs 'filter: <name>'");
      }
      Map<String, Object> params = new LinkedHashMap<>();
      boolean tagOnly = false;
      for (Iterator<Map.Entry<String, JsonNode>> it = entry.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        String key = field.getKey();
        if (key.equals("filter")) {
          continue;
        }
        if (key.equals("tag_only")) {
          if (!field.getValue().isBoolean()) {
            throw new IllegalArgumentException(where + ": 'tag_only' must be true or false");
          }
          tagOnly = field.getValue().booleanValue();
          continue;
        }
        params.put(key, plain(field.getValue(), baseDir, PATH_KEYS.contains(key), where + "." + key));
      }
      specs.add(new FilterSpec(entry.get("filter").asText(), tagOnly, params));
    }
    return new FilterConfig(specs);
  }

  private static Object plain(JsonNode v, Path baseDir, boolean isPath, String where) {
    if (v.isArray()) {
      List<Object> list = new ArrayList<>();
      v.forEach(x -> list.add(plain(x, baseDir, isPath, where)));
      return list;
    }
    if (v.isObject()) {
      throw new IllegalArgumentException(where + ": nested maps are not filter parameters");
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    if (v.isIntegralNumber()) {
      return v.longValue();
    }
    if (v.isNumber()) {
      return v.doubleValue();
    }
    String s = v.asText();
    if (isPath && baseDir != null && !s.contains("://") && !Path.of(s).isAbsolute()) {
      return baseDir.resolve(s).normalize().toString();
    }
    return s;
  }
}
