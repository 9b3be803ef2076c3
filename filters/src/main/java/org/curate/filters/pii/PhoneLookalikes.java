package org.curate.filters.pii;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Number shapes that pass as phone numbers, in particular under libphonenumber with a German or
 * French region, where "09.11.2022" is a valid-looking national number (0 + area code + line):
 * dates, the fractional seconds of timestamps, page and part-number ranges ("168-172"), and
 * anything with fewer than seven digits. Found on real pages (the extraction-dev audit), not in
 * the Presidio sentences, which have no dates next to phones.
 */
final class PhoneLookalikes {
  /** The shortest numbers worth redacting have 7 digits (a local number in the US). */
  static final int MIN_DIGITS = 7;
  /** A date at the start of a candidate and not continued by more digit groups ("60-56-85-91" is a phone). */
  private static final Pattern DATE_FIRST = Pattern.compile(
      "^(?:(\\d{4})[./\\-](\\d{1,2})[./\\-](\\d{1,2})|(\\d{1,2})[./\\-](\\d{1,2})[./\\-](?:\\d{4}|\\d{2}))(?![./\\-]?\\d)");

  /** Opening hours "08.30 - 12.00", "9:00-16:00". */
  private static final Pattern TIME_RANGE = Pattern.compile("^\\d{1,2}[.:]\\d{2}\\s*[-–]\\s*\\d{1,2}[.:]\\d{2}$");
  /** German-style day and month without a year ("02.02. - 23.02.23", a date range). */
  private static final Pattern DAY_MONTH = Pattern.compile("^(\\d{1,2})\\.(\\d{1,2})\\.(?!\\d)");

  private PhoneLookalikes() {}

  static boolean rejected(String text, int start, int end) {
    String candidate = text.substring(start, end);
    return nationalDigits(candidate) < MIN_DIGITS || startsWithDate(candidate)
        || TIME_RANGE.matcher(candidate).matches() || startsWithDayMonth(candidate) || isOneDigitRepeated(candidate)
        || continuesANumber(text, start);
  }

  private static boolean startsWithDate(String candidate) {
    Matcher m = DATE_FIRST.matcher(candidate);
    if (!m.find()) {
      return false;
    }
    if (m.group(1) != null) {
      return isMonth(m.group(2)) && isDay(m.group(3));
    }
    String a = m.group(4);
    String b = m.group(5);
    return isDay(a) && isMonth(b) || isMonth(a) && isDay(b); // European or US order
  }

  private static boolean isDay(String s) {
    int v = Integer.parseInt(s);
    return v >= 1 && v <= 31;
  }

  private static boolean isMonth(String s) {
    int v = Integer.parseInt(s);
    return v >= 1 && v <= 12;
  }

  /** Digits before any extension marker ("x123", "ext. 12"). */
  static int nationalDigits(String candidate) {
    int n = 0;
    for (int i = 0; i < candidate.length(); i++) {
      char c = candidate.charAt(i);
      if (c == 'x' || c == 'e' || c == 'X' || c == 'E') {
        break;
      }
      if (c >= '0' && c <= '9') {
        n++;
      }
    }
    return n;
  }

  private static boolean isOneDigitRepeated(String candidate) {
    char first = 0;
    for (int i = 0; i < candidate.length(); i++) {
      char c = candidate.charAt(i);
      if (c >= '0' && c <= '9') {
        if (first == 0) {
          first = c;
        } else if (c != first) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Digits right after "digit + ':', '.', ',' or '/'" are the tail of another number: seconds of
   * a timestamp ("17:13:04.031886"), decimals ("17.093994855880737"), a tax number ("27/026/35703").
   */
  private static boolean continuesANumber(String text, int start) {
    if (start < 2 || !Character.isDigit(text.charAt(start - 2))) {
      return false;
    }
    char joiner = text.charAt(start - 1);
    return joiner == ':' || joiner == '.' || joiner == ',' || joiner == '/';
  }

  private static boolean startsWithDayMonth(String candidate) {
    Matcher m = DAY_MONTH.matcher(candidate);
    return m.find() && isDay(m.group(1)) && isMonth(m.group(2));
  }
}
