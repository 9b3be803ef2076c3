package org.curate.demo;

/**
 * A website of the sample. Hosts end in the reserved {@code .example} TLD so no URL in the
 * sample points at a real site.
 */
public record Site(String host, String name, Language language) {
    public static Site of(String id, Language language) {
        String name = Character.toUpperCase(id.charAt(0)) + id.substring(1);
        return new Site("www." + id + "." + language.countryLabel() + ".example", name, language);
    }

    public String url(String path) {
        return "https://" + host + path;
    }
}
