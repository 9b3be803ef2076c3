package org.curate.demo;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.curate.core.JsonString;

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
            out.append(JsonString.quote(k)).append(": ").append(v);
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
}
