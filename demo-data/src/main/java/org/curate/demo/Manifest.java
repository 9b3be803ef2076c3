package org.curate.demo;

import org.curate.core.JsonString;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the sample contains, for tests elsewhere to assert against. Page counts cover HTML
 * responses with status 200 that a correct reader can turn into text ({@code htmlPages}); the
 * per-language, per-charset and per-declaration maps each sum to it. Category counts are copies:
 * {@code exactDuplicatePages} counts the extra copies, not the originals.
 *
 * @param totalRecords        every record written, including the truncated one
 * @param recordsByType       WARC-Type to count, including the broken records
 * @param unreadableRecords   records no WARC reader can parse (the truncated gzip member)
 * @param responsesByStatus   HTTP status of the readable responses with a parseable HTTP head
 * @param nonHtmlByMimeType   200 responses that are not HTML, by MIME type
 * @param brokenRecords       deliberately defective records by kind
 */
public record Manifest(
        long seed,
        int totalRecords,
        Map<String, Integer> recordsByType,
        int unreadableRecords,
        int htmlPages,
        Map<String, Integer> pagesByLanguage,
        Map<String, Integer> pagesByCharset,
        Map<String, Integer> pagesByCharsetDeclaration,
        Map<String, Integer> pagesByCategory,
        int exactDuplicatePages,
        int nearDuplicatePages,
        int piiPages,
        int profanePages,
        int adultPages,
        int lowQualityPages,
        Map<String, Integer> lowQualityByKind,
        int contaminatedPages,
        List<String> contaminatedQaIds,
        int gzipEncodedPages,
        int chunkedPages,
        Map<String, Integer> responsesByStatus,
        int nonHtmlResponses,
        Map<String, Integer> nonHtmlByMimeType,
        int revisits,
        int resources,
        int metadataRecords,
        Map<String, Integer> brokenRecords,
        List<BrokenRecord> brokenRecordDetails,
        long warcBytes,
        String warcSha256) {

    public Manifest {
        recordsByType = sorted(recordsByType);
        pagesByLanguage = sorted(pagesByLanguage);
        pagesByCharset = sorted(pagesByCharset);
        pagesByCharsetDeclaration = sorted(pagesByCharsetDeclaration);
        pagesByCategory = sorted(pagesByCategory);
        lowQualityByKind = sorted(lowQualityByKind);
        responsesByStatus = sorted(responsesByStatus);
        nonHtmlByMimeType = sorted(nonHtmlByMimeType);
        brokenRecords = sorted(brokenRecords);
        contaminatedQaIds = List.copyOf(contaminatedQaIds);
        brokenRecordDetails = List.copyOf(brokenRecordDetails);
    }

    private static Map<String, Integer> sorted(Map<String, Integer> map) {
        return java.util.Collections.unmodifiableMap(new TreeMap<>(map));
    }

    /** Pretty enough to read, with sorted keys so the file is byte-stable. */
    public String toJson() {
        Map<String, String> f = new TreeMap<>();
        f.put("seed", Long.toString(seed));
        f.put("totalRecords", Integer.toString(totalRecords));
        f.put("recordsByType", Json.counts(recordsByType));
        f.put("unreadableRecords", Integer.toString(unreadableRecords));
        f.put("htmlPages", Integer.toString(htmlPages));
        f.put("pagesByLanguage", Json.counts(pagesByLanguage));
        f.put("pagesByCharset", Json.counts(pagesByCharset));
        f.put("pagesByCharsetDeclaration", Json.counts(pagesByCharsetDeclaration));
        f.put("pagesByCategory", Json.counts(pagesByCategory));
        f.put("exactDuplicatePages", Integer.toString(exactDuplicatePages));
        f.put("nearDuplicatePages", Integer.toString(nearDuplicatePages));
        f.put("piiPages", Integer.toString(piiPages));
        f.put("profanePages", Integer.toString(profanePages));
        f.put("adultPages", Integer.toString(adultPages));
        f.put("lowQualityPages", Integer.toString(lowQualityPages));
        f.put("lowQualityByKind", Json.counts(lowQualityByKind));
        f.put("contaminatedPages", Integer.toString(contaminatedPages));
        f.put("contaminatedQaIds", Json.array(contaminatedQaIds.stream().map(JsonString::quote).toList()));
        f.put("gzipEncodedPages", Integer.toString(gzipEncodedPages));
        f.put("chunkedPages", Integer.toString(chunkedPages));
        f.put("responsesByStatus", Json.counts(responsesByStatus));
        f.put("nonHtmlResponses", Integer.toString(nonHtmlResponses));
        f.put("nonHtmlByMimeType", Json.counts(nonHtmlByMimeType));
        f.put("revisits", Integer.toString(revisits));
        f.put("resources", Integer.toString(resources));
        f.put("metadataRecords", Integer.toString(metadataRecords));
        f.put("brokenRecords", Json.counts(brokenRecords));
        List<String> details = new ArrayList<>();
        brokenRecordDetails.forEach(b -> details.add(b.toJson()));
        f.put("brokenRecordDetails", "[\n    " + String.join(",\n    ", details) + "\n  ]");
        f.put("warcBytes", Long.toString(warcBytes));
        f.put("warcSha256", JsonString.quote(warcSha256));
        StringBuilder out = new StringBuilder("{\n");
        f.forEach((k, v) -> out.append("  ").append(JsonString.quote(k)).append(": ").append(v).append(",\n"));
        out.setLength(out.length() - 2);
        return out.append("\n}\n").toString();
    }
}
