package org.curate.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Composes sentences, paragraphs and titles in one language by filling the vocabulary's
 * templates. Grammar is deliberately simple: the texts only have to look like prose to language
 * identification, quality heuristics and deduplication.
 */
public final class TextComposer {
    private final Vocabulary vocabulary;
    private final Random random;

    public TextComposer(Vocabulary vocabulary, Random random) {
        this.vocabulary = vocabulary;
        this.random = random;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    public String sentence() {
        return capitalise(fill(pick("templates")));
    }

    public String title() {
        return capitalise(fill(pick("titles")));
    }

    public String paragraph(int minSentences, int maxSentences) {
        int n = minSentences + random.nextInt(maxSentences - minSentences + 1);
        List<String> sentences = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            sentences.add(sentence());
        }
        return String.join(separator(), sentences);
    }

    /** The main text of an article: 3-8 paragraphs of 3-8 sentences (roughly 80-800 words). */
    public List<String> article() {
        int paragraphs = 3 + random.nextInt(6);
        List<String> out = new ArrayList<>(paragraphs);
        for (int i = 0; i < paragraphs; i++) {
            out.add(paragraph(3, 8));
        }
        return out;
    }

    public String pick(String section) {
        List<String> list = vocabulary.list(section);
        return list.get(random.nextInt(list.size()));
    }

    /** Joins sentences the way the language does: with a space, or directly for Chinese/Japanese. */
    public String separator() {
        return vocabulary.language().spaceless() ? "" : " ";
    }

    private String fill(String template) {
        StringBuilder out = new StringBuilder(template.length() * 3);
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '{' && i + 2 < template.length() && template.charAt(i + 2) == '}') {
                out.append(slot(template.charAt(i + 1)));
                i += 3;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private String slot(char name) {
        switch (Character.toUpperCase(name)) {
            case 'S': return pick("subjects");
            case 'V': return pick("verbs");
            case 'O': return pick("objects");
            case 'P': return pick("places");
            case 'T': return pick("times");
            case 'A': return pick("adjectives");
            default: throw new IllegalArgumentException("unknown template slot {" + name + "}");
        }
    }

    private static String capitalise(String s) {
        if (s.isEmpty() || !Character.isLowerCase(s.charAt(0))) {
            return s;
        }
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
