package org.curate.extract.html;

/** The title and main text of a page, and how the text was found; {@code title} may be empty, never null. */
public record MainText(String title, String text, ExtractionMode mode) {}
