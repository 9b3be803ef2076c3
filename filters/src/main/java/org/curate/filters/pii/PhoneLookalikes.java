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

  private PhoneLookalikes() {}

  static boolean rejected(String text, int start, int end) {
    String candidate = text.substring(start, end);
    return nationalDigits(candidate) < MIN_DIGITS || startsWithDate(candidate)
        || isOneDigitRepeated(candidate) || followsTimeOfDay(text, start);
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

  /** "17:13:04.031886": the digits after a clock time are seconds and their fraction. */
  private static boolean followsTimeOfDay(String text, int start) {
    return start >= 2 && text.charAt(start - 1) == ':' && Character.isDigit(text.charAt(start - 2));
  }
}
