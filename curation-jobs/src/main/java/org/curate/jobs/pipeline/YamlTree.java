package org.curate.jobs.pipeline;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as maps, lists and scalars that remember their line, so a configuration error
 * can say "pipeline.yaml:12". Jackson's tree model drops locations; its streaming parser keeps
 * them, and this is the small tree built from it.
 */
public sealed interface YamlTree {
  /** 1-based line where the node starts. */
  int line();

  /** What the node is, for error messages: "a map", "a list", "text", "a number", ... */
  String kind();

  record MapNode(int line, Map<String, YamlTree> entries, Map<String, Integer> keyLines) implements YamlTree {
    @Override
    public String kind() {
      return "a map";
    }
  }

  record ListNode(int line, List<YamlTree> items) implements YamlTree {
    @Override
    public String kind() {
      return "a list";
    }
  }

  /** A scalar: {@code value} is a String, Long, Double, Boolean or null. */
  record Scalar(int line, Object value) implements YamlTree {
    @Override
    public String kind() {
      if (value == null) {
        return "null";
      }
      return value instanceof String ? "text" : value instanceof Boolean ? "true/false" : "a number";
    }

    public String text() {
      return value == null ? null : value.toString();
    }
  }

  static YamlTree parse(String yaml, String sourceName) {
    try (JsonParser p = new YAMLFactory().createParser(yaml)) {
      if (p.nextToken() == null) {
        return new MapNode(1, Map.of(), Map.of());
      }
      YamlTree root = read(p, sourceName);
      return root;
    } catch (IOException e) {
      throw new IllegalArgumentException(sourceName + ": not valid YAML: " + e.getMessage().lines().findFirst().orElse(""), e);
    }
  }

  private static YamlTree read(JsonParser p, String sourceName) throws IOException {
    int line = p.currentTokenLocation().getLineNr();
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT -> {
        Map<String, YamlTree> entries = new LinkedHashMap<>();
        Map<String, Integer> keyLines = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          int keyLine = p.currentTokenLocation().getLineNr();
          if (entries.containsKey(key)) {
            throw new IllegalArgumentException(sourceName + ":" + keyLine + ": key '" + key + "' appears twice");
          }
          p.nextToken();
          keyLines.put(key, keyLine);
          entries.put(key, read(p, sourceName));
        }
        return new MapNode(line, Collections.unmodifiableMap(entries), Collections.unmodifiableMap(keyLines));
      }
      case START_ARRAY -> {
        List<YamlTree> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          items.add(read(p, sourceName));
        }
        return new ListNode(line, List.copyOf(items));
      }
      case VALUE_STRING -> {
        return new Scalar(line, p.getText());
      }
      case VALUE_NUMBER_INT -> {
        return new Scalar(line, p.getLongValue());
      }
      case VALUE_NUMBER_FLOAT -> {
        return new Scalar(line, p.getDoubleValue());
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return new Scalar(line, t == JsonToken.VALUE_TRUE);
      }
      case VALUE_NULL -> {
        return new Scalar(line, null);
      }
      default -> throw new IllegalArgumentException(sourceName + ":" + line + ": unexpected YAML token " + t);
    }
  }
}
