package org.curate.demo;

import org.curate.core.JsonString;

/**
 * A deliberately defective record. {@code offset} is where its gzip member starts in the file;
 * {@code countedAsPage} says whether a correct reader still gets a page out of it.
 */
public record BrokenRecord(String kind, String uri, String recordId, long offset, boolean countedAsPage) {
    public static final String TRUNCATED_GZIP_MEMBER = "truncated-gzip-member";
    public static final String GARBAGE_HTTP_HEADER = "garbage-http-header";
    public static final String UNDECODABLE_CONTENT_ENCODING = "undecodable-content-encoding";
    public static final String UNKNOWN_CHARSET_LABEL = "unknown-charset-label";

    public String toJson() {
        return Json.object(java.util.Map.of("countedAsPage", Boolean.toString(countedAsPage), "kind", JsonString.quote(kind),
                "offset", Long.toString(offset), "recordId", JsonString.quote(recordId), "uri", JsonString.quote(uri)));
    }
}
