package org.curate.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The words, sentence templates and site furniture of one language, read from
 * {@code vocab/<code>.txt}. Kept as text resources so translators can edit them without Java.
 */
public final class Vocabulary {
    private final Language language;
    private final Map<String, List<String>> sections;
    private final Map<String, String> ui;

    private Vocabulary(Language language, Map<String, List<String>> sections, Map<String, String> ui) {
        this.language = language;
        this.sections = sections;
        this.ui = ui;
    }

    public static Vocabulary of(Language language) {
        String resource = "vocab/" + language.code() + ".txt";
        try (InputStream in = Vocabulary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return parse(language, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Vocabulary parse(Language language, BufferedReader reader) throws IOException {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        Map<String, String> ui = new TreeMap<>();
        String section = null;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1);
                sections.putIfAbsent(section, new ArrayList<>());
            } else if ("ui".equals(section)) {
                int eq = line.indexOf('=');
                ui.put(line.substring(0, eq), line.substring(eq + 1));
            } else if (section != null) {
                sections.get(section).add(line);
            }
        }
        Map<String, List<String>> frozen = new LinkedHashMap<>();
        sections.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return new Vocabulary(language, Collections.unmodifiableMap(frozen), Collections.unmodifiableMap(ui));
    }

    public Language language() {
        return language;
    }

    /** Entries of a section such as {@code subjects}, {@code verbs} or {@code templates}. */
    public List<String> list(String section) {
        List<String> list = sections.get(section);
        if (list == null || list.isEmpty()) {
            throw new IllegalArgumentException(language + " vocabulary has no section " + section);
        }
        return list;
    }

    /** A piece of site furniture (menu label, cookie banner, footer text...). */
    public String ui(String key) {
        String value = ui.get(key);
        if (value == null) {
            throw new IllegalArgumentException(language + " vocabulary has no ui key " + key);
        }
        return value;
    }

    /** Every word-like entry, for checks such as "can this be encoded in charset X". */
    public List<String> allText() {
        List<String> all = new ArrayList<>();
        sections.values().forEach(all::addAll);
        all.addAll(ui.values());
        return all;
    }
}
