package org.curate.extract.warc;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the dates crawl records carry: WARC-Date in any precision WARC 1.1 allows (down to
 * minutes, with or without a zone, taken as UTC when missing) and ARC's 14-digit timestamps.
 * Anything else, including years beyond four digits seen in real Common Crawl data, is unknown
 * (null) rather than an error, since a bad date must not cost the document.
 */
public final class WarcDates {
  private static final Pattern ISO = Pattern.compile(
      "(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?)?\\s*(Z|[+-]\\d{2}:?\\d{2})?",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern ARC = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})(\\d{2})?(\\d{2})?(\\d{2})?");

  private WarcDates() {}

  /** The instant, or null when {@code value} is missing or not a plausible date. */
  public static Instant parse(String value) {
    if (value == null) {
      return null;
    }
    String v = value.trim();
    Matcher iso = ISO.matcher(v);
    if (iso.matches()) {
      return toInstant(iso.group(1), iso.group(2), iso.group(3), iso.group(4), iso.group(5), iso.group(6),
          iso.group(7), iso.group(8));
    }
    Matcher arc = ARC.matcher(v);
    if (arc.matches()) {
      return toInstant(arc.group(1), arc.group(2), arc.group(3), arc.group(4), arc.group(5), arc.group(6), null, null);
    }
    return null;
  }

  private static Instant toInstant(String year, String month, String day, String hour, String minute,
      String second, String fraction, String zone) {
    try {
      int nanos = fraction == null ? 0 : Integer.parseInt((fraction + "000000000").substring(0, 9));
      LocalDateTime local = LocalDateTime.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day),
          number(hour), number(minute), number(second), nanos);
      ZoneOffset offset = zone == null || zone.equalsIgnoreCase("Z") ? ZoneOffset.UTC : ZoneOffset.of(zone.length() == 5
          ? zone.substring(0, 3) + ":" + zone.substring(3) : zone);
      return local.toInstant(offset);
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  private static int number(String digits) {
    return digits == null ? 0 : Integer.parseInt(digits);
  }
}
