package org.curate.demo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** WARC-Date values: UTC, whole seconds, as Common Crawl writes them. */
final class CrawlWarcDates {
    private CrawlWarcDates() {
    }

    static String of(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
