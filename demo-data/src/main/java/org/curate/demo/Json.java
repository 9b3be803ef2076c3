package org.curate.demo;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/** Just enough JSON writing for the manifest and the benchmark file: sorted keys, one line. */
public final class Json {
    private Json() {
    }

    /** An object from already-encoded values; keys are sorted so the output never depends on map order. */
    public static String object(Map<String, String> encodedValues) {
        StringBuilder out = new StringBuilder("{");
        new TreeMap<>(encodedValues).forEach((k, v) -> {
            if (out.length() > 1) {
                out.append(", ");
            }
            out.append(string(k)).append(": ").append(v);
        });
        return out.append('}').toString();
    }

    public static String counts(Map<String, Integer> counts) {
        Map<String, String> encoded = new TreeMap<>();
        counts.forEach((k, v) -> encoded.put(k, Integer.toString(v)));
        return object(encoded);
    }

    public static String array(Collection<String> encodedValues) {
        return "[" + String.join(", ", encodedValues) + "]";
    }

    public static String string(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
