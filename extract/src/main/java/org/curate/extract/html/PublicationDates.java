package org.curate.extract.html;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the publication date a page declares: ISO-8601 extended format only (what
 * {@code article:published_time}, schema.org and {@code <time datetime>} prescribe), as an
 * {@link Instant} in UTC. Accepted: a date ({@code 2024-03-05}, start of that day UTC), a date and
 * time with {@code T} or a space, minutes or seconds with an optional fraction, and a zone
 * ({@code Z}, {@code +01:00}, {@code +0100}, {@code +01}); without a zone the time is taken as
 * UTC. Anything else, an impossible date ({@code 2024-02-30}), or a date before {@link #EARLIEST}
 * (the web's dates start in the 1990s; earlier values are placeholders such as
 * {@code 0000-00-00} or 1970) is no date. The upper bound needs the capture date and is
 * {@link #notAfterCapture}: no wall clock, so the same record gives the same answer every run.
 */
public final class PublicationDates {
  private PublicationDates() {}

  static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");
  /** Pages dated up to a day after their capture are clock or zone slop, not the future. */
  static final Duration CAPTURE_SLACK = Duration.ofDays(1);

  private static final Pattern ISO = Pattern.compile(
      "(\\d{4})-(\\d{2})-(\\d{2})"
          + "(?:[Tt ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?"
          + "\\s*(?:([Zz])|([+-])(\\d{2})(?::?(\\d{2}))?)?)?");

  /** The instant {@code raw} names, or null when it is not an ISO-8601 date or is before {@link #EARLIEST}. */
  static Instant parse(String raw) {
    if (raw == null) return null;
    String s = raw.strip();
    if (s.length() < 10 || s.length() > 40) return null;
    Matcher m = ISO.matcher(s);
    if (!m.matches()) return null;
    try {
      int hour = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
      int minute = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
      int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
      int nanos = m.group(7) == null ? 0 : Integer.parseInt((m.group(7) + "00000000").substring(0, 9));
      LocalDateTime local = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
          Integer.parseInt(m.group(3)), hour, minute, second, nanos);
      ZoneOffset offset = ZoneOffset.UTC;
      if (m.group(9) != null) {
        int hours = Integer.parseInt(m.group(10));
        int minutes = m.group(11) == null ? 0 : Integer.parseInt(m.group(11));
        offset = m.group(9).equals("-") ? ZoneOffset.ofHoursMinutes(-hours, -minutes) : ZoneOffset.ofHoursMinutes(hours, minutes);
      }
      Instant instant = local.toInstant(offset);
      return instant.isBefore(EARLIEST) ? null : instant;
    } catch (DateTimeException e) {
      return null;
    }
  }

  /**
   * {@code published} unless it is more than {@link #CAPTURE_SLACK} after {@code captured} (a
   * page cannot have been published after it was crawled); with no capture date, no upper bound.
   */
  public static Instant notAfterCapture(Instant published, Instant captured) {
    if (published == null || captured == null) return published;
    return published.isAfter(captured.plus(CAPTURE_SLACK)) ? null : published;
  }
}
