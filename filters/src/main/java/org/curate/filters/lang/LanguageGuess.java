package org.curate.filters.lang;

/** A predicted language: ISO code as the model names it ({@code en}, {@code zh}, {@code azb}) and its probability. */
public record LanguageGuess(String lang, double score) {}
