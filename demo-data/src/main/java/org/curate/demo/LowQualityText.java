package org.curate.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Main texts that heuristic quality filters should drop: too short, keyword lists, symbols, repetition. */
public final class LowQualityText {
    public enum Kind {
        VERY_SHORT("very-short"), KEYWORD_LIST("keyword-list"), MOSTLY_SYMBOLS("mostly-symbols"), REPEATED_LINES("repeated-lines");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private static final String[] KEYWORDS = {"cheap flights", "best price", "buy now", "free shipping", "discount",
            "casino bonus", "weight loss", "cheap hotels", "crypto", "online deals", "top 10", "best offers",
            "replica watches", "loans", "click here", "sale"};
    private static final String[] SYMBOLS = {"★", "☆", ">>>", "###", "$$$", "!!!", "***", "|", "::", "~~~", "+++", "<<<", "%%", "@@", "==", "--"};

    private final Random random;

    public LowQualityText(Random random) {
        this.random = random;
    }

    public Article article(Kind kind, TextComposer composer) {
        return switch (kind) {
            case VERY_SHORT -> new Article(composer.pick("subjects"), List.of("Welcome! Click here."));
            case KEYWORD_LIST -> new Article("Best deals cheap buy now", List.of(keywords(60 + random.nextInt(60)), keywords(40)));
            case MOSTLY_SYMBOLS -> new Article("★★★ " + SYMBOLS[random.nextInt(SYMBOLS.length)] + " ★★★",
                    List.of(symbols(200), symbols(150) + " 100% " + symbols(50)));
            case REPEATED_LINES -> repeated(composer);
        };
    }

    private String keywords(int n) {
        List<String> words = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            words.add(KEYWORDS[random.nextInt(KEYWORDS.length)]);
        }
        return String.join(", ", words);
    }

    private String symbols(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(SYMBOLS[random.nextInt(SYMBOLS.length)]).append(random.nextInt(4) == 0 ? " " : "");
        }
        return s.toString();
    }

    private Article repeated(TextComposer composer) {
        String line = composer.sentence();
        List<String> lines = new ArrayList<>();
        int n = 20 + random.nextInt(20);
        for (int i = 0; i < n; i++) {
            lines.add(line);
        }
        return new Article(line, lines);
    }
}
