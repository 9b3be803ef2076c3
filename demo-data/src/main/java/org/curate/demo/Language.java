package org.curate.demo;

import java.util.List;

/**
 * The languages of the sample, each with the charsets its pages are published in. The legacy
 * charsets come first and are preferred: they are what makes charset handling worth testing.
 */
public enum Language {
    ENGLISH("en", "com", List.of("UTF-8")),
    GERMAN("de", "de", List.of("ISO-8859-1", "UTF-8")),
    FRENCH("fr", "fr", List.of("ISO-8859-1", "UTF-8")),
    SPANISH("es", "es", List.of("UTF-8")),
    RUSSIAN("ru", "ru", List.of("windows-1251", "KOI8-R", "UTF-8")),
    CHINESE("zh", "cn", List.of("GBK", "UTF-8")),
    JAPANESE("ja", "jp", List.of("Shift_JIS", "UTF-8"));

    private final String code;
    private final String countryLabel;
    private final List<String> charsets;

    Language(String code, String countryLabel, List<String> charsets) {
        this.code = code;
        this.countryLabel = countryLabel;
        this.charsets = charsets;
    }

    /** ISO 639-1 code, as used in {@code <html lang>} and in the manifest. */
    public String code() {
        return code;
    }

    /** A country-like label put into host names, so hosts hint at the language like real ones do. */
    public String countryLabel() {
        return countryLabel;
    }

    public List<String> charsets() {
        return charsets;
    }

    /** Chinese and Japanese are written without spaces between words. */
    public boolean spaceless() {
        return this == CHINESE || this == JAPANESE;
    }
}
