package org.curate.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Counts what is written, as it is written, so the manifest cannot drift from the file. */
public final class ManifestTally {
    private final Map<String, Integer> pagesByLanguage = new TreeMap<>();
    private final Map<String, Integer> pagesByCharset = new TreeMap<>();
    private final Map<String, Integer> pagesByDeclaration = new TreeMap<>();
    private final Map<String, Integer> pagesByCategory = new TreeMap<>();
    private final Map<String, Integer> lowQualityByKind = new TreeMap<>();
    private final Map<String, Integer> responsesByStatus = new TreeMap<>();
    private final Map<String, Integer> nonHtmlByMime = new TreeMap<>();
    private final Map<String, Integer> brokenByKind = new TreeMap<>();
    private final List<BrokenRecord> broken = new ArrayList<>();
    private final List<String> contaminatedQaIds = new ArrayList<>();
    private int htmlPages;
    private int gzipPages;
    private int chunkedPages;

    public void page(HtmlPage page) {
        htmlPages++;
        add(pagesByLanguage, page.language().code());
        add(pagesByCharset, page.charset());
        String declaration = page.declaration().label();
        if (PageFactory.UNKNOWN_CHARSET_LABEL.equals(page.declaredLabel())) {
            declaration = "unknown-label:" + declaration;
        }
        add(pagesByDeclaration, declaration);
        add(pagesByCategory, page.category().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        add(responsesByStatus, "200");
        switch (page.transfer()) {
            case GZIP -> gzipPages++;
            case CHUNKED -> chunkedPages++;
            default -> { }
        }
    }

    public void lowQuality(LowQualityText.Kind kind) {
        add(lowQualityByKind, kind.label());
    }

    public void contaminated(String qaId) {
        contaminatedQaIds.add(qaId);
    }

    public void status(int status) {
        add(responsesByStatus, Integer.toString(status));
    }

    public void nonHtml(String mime) {
        add(nonHtmlByMime, mime);
        add(responsesByStatus, "200");
    }

    /** Broken records with a parseable HTTP head still count towards the status tally. */
    public void broken(BrokenRecord record) {
        broken.add(record);
        add(brokenByKind, record.kind());
        if (record.kind().equals(BrokenRecord.UNDECODABLE_CONTENT_ENCODING)) {
            add(responsesByStatus, "200");
        }
    }

    public Manifest build(long seed, Map<String, Integer> recordsByType, long bytes, String sha256) {
        int total = recordsByType.values().stream().mapToInt(Integer::intValue).sum();
        List<String> qaIds = new ArrayList<>(contaminatedQaIds);
        java.util.Collections.sort(qaIds);
        int unreadable = brokenByKind.getOrDefault(BrokenRecord.TRUNCATED_GZIP_MEMBER, 0);
        return new Manifest(seed, total, recordsByType, unreadable, htmlPages, pagesByLanguage, pagesByCharset,
                pagesByDeclaration, pagesByCategory,
                category("exact-duplicate"), category("near-duplicate"), category("pii"), category("profane"),
                category("adult"), category("low-quality"), lowQualityByKind, category("contaminated"), qaIds,
                gzipPages, chunkedPages, responsesByStatus,
                nonHtmlByMime.values().stream().mapToInt(Integer::intValue).sum(), nonHtmlByMime,
                recordsByType.getOrDefault("revisit", 0), recordsByType.getOrDefault("resource", 0),
                recordsByType.getOrDefault("metadata", 0), brokenByKind, broken, bytes, sha256);
    }

    private int category(String name) {
        return pagesByCategory.getOrDefault(name, 0);
    }

    private static void add(Map<String, Integer> map, String key) {
        map.merge(key, 1, Integer::sum);
    }
}
