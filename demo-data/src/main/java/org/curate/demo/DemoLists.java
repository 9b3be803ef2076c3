package org.curate.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

/**
 * Small safety lists written by the project for the demo run, so the URL and word-list filters
 * have something to match on the sample without any third-party list: the sample's adult hosts,
 * and the profane and adult words its pages use. Real runs point the filters at real lists.
 */
public final class DemoLists {
    public static final String ADULT_DOMAINS = "adult-domains.txt";
    public static final String BAD_WORDS_DIR = "bad-words";

    private static final List<String> BAD_WORDS = List.of(
            "asshole", "bastards", "bullshit", "crap", "damn", "fuck", "fucking", "shit",
            "porn", "xxx", "horny", "nude", "erotic", "hardcore", "milf");

    private DemoLists() {}

    /** Writes {@code dir/adult-domains.txt} and {@code dir/bad-words/en}. */
    public static void write(Path dir) throws IOException {
        Files.createDirectories(dir.resolve(BAD_WORDS_DIR));
        TreeSet<String> domains = new TreeSet<>();
        for (String host : AdultText.hosts()) {
            domains.add(host.startsWith("www.") ? host.substring(4) : host);
        }
        Files.write(dir.resolve(ADULT_DOMAINS), header("adult domains of the sample crawl", domains), StandardCharsets.UTF_8);
        Files.write(dir.resolve(BAD_WORDS_DIR).resolve("en"), new TreeSet<>(BAD_WORDS), StandardCharsets.UTF_8);
    }

    private static List<String> header(String what, TreeSet<String> lines) {
        List<String> out = new java.util.ArrayList<>();
        out.add("# " + what + " (written by curate's demo-data; not a real blocklist)");
        out.addAll(lines);
        return out;
    }
}
