package org.curate.demo;

import java.util.List;

/** The main text of a page, before any boilerplate is put around it. */
public record Article(String title, List<String> paragraphs) {
    public Article {
        paragraphs = List.copyOf(paragraphs);
    }

    public String text() {
        return title + "\n" + String.join("\n", paragraphs);
    }
}
