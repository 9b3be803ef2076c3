package org.curate.demo;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;

/** Fixed, increasing capture times starting in January 2026; never the wall clock. */
public final class CrawlClock {
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Random random;
    private Instant now = Instant.parse("2026-01-05T08:00:00Z");

    public CrawlClock(Random random) {
        this.random = random;
    }

    /** Moves on by 10 minutes to 4 hours, so ~600 captures span January to March. */
    public Instant tick() {
        now = now.plusSeconds(600 + random.nextInt(14_400));
        return now;
    }

    public Instant now() {
        return now;
    }

    public static String httpDate(Instant t) {
        return HTTP_DATE.format(t);
    }
}
