package org.curate.filters.pii;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Payment card numbers: 13 to 19 digits, written solid or in the groups cards are printed in
 * (4-4-4-4 and longer runs of fours, Amex 4-6-5, Diners 4-6-4) joined by one space or one dash,
 * the same joiner throughout, that pass the Luhn check and start with an issuer prefix
 * ({@link CardIssuers}). 12-digit Maestro numbers exist too, but a random 12-digit number passes
 * Luhn one time in ten, so those count only after a card word ("card", "cc", "visa", ...).
 * ISBN-13s (prefix 978/979), dates and order numbers fail the prefix or the Luhn check.
 */
public final class CardDetector implements PiiDetector {
  private static final int MIN_DIGITS = 13;
  private static final int MIN_DIGITS_WITH_CUE = 12;
  private static final int MAX_DIGITS = 19;
  private static final Pattern CARD_CUE = Pattern.compile(
      "\\b(?:cards?|cc|credit|debit|visa|master\\s?card|maestro|amex|american express|discover|jcb|diners|unionpay)\\b");
  private static final int CUE_WINDOW = 40;

  @Override
  public PiiType type() {
    return PiiType.CARD;
  }

  @Override
  public void find(String text, String lang, List<PiiSpan> out) {
    if (!PhoneDetector.hasDigits(text, MIN_DIGITS_WITH_CUE)) {
      return;
    }
    int n = text.length();
    int i = 0;
    while (i < n) {
      if (!isDigit(text.charAt(i)) || (i > 0 && startsInsideToken(text.charAt(i - 1)))) {
        i++;
        continue;
      }
      i = scanRun(text, i, out);
    }
  }

  /** Reads the digit groups starting at {@code start}, records a card if a prefix of them is one; returns the run's end. */
  private static int scanRun(String text, int start, List<PiiSpan> out) {
    int n = text.length();
    int[] groupEnds = new int[MAX_DIGITS];
    int[] digitsAt = new int[MAX_DIGITS];
    StringBuilder digits = new StringBuilder(MAX_DIGITS + 8);
    char joiner = 0;
    int groups = 0;
    int i = start;
    while (true) {
      while (i < n && isDigit(text.charAt(i))) {
        digits.append(text.charAt(i++));
      }
      if (groups == MAX_DIGITS || digits.length() > MAX_DIGITS) {
        break;
      }
      groupEnds[groups] = i;
      digitsAt[groups++] = digits.length();
      boolean joined = i + 1 < n && (text.charAt(i) == ' ' || text.charAt(i) == '-') && isDigit(text.charAt(i + 1))
          && (joiner == 0 || joiner == text.charAt(i));
      if (!joined) {
        break;
      }
      joiner = text.charAt(i++);
    }
    // Longest first: "4111 1111 1111 1111 12 pcs" is the 16-digit card, not 18 digits.
    for (int g = groups - 1; g >= 0; g--) {
      int len = digitsAt[g];
      int end = groupEnds[g];
      if (len < MIN_DIGITS_WITH_CUE || (end < n && endsInsideToken(text, end))) {
        continue;
      }
      String number = digits.substring(0, len);
      if (printedLikeACard(digitsAt, g) && Luhn.valid(number) && CardIssuers.known(number)
          && (len >= MIN_DIGITS || hasCardCue(text, start))) {
        out.add(new PiiSpan(PiiType.CARD, start, end));
        return end;
      }
    }
    return i;
  }

  /**
   * Whether groups {@code 0..last} have a card's printed layout. Phone numbers ("+ 49 30 212341
   * 410") and other grouped numbers that happen to pass Luhn use other group sizes.
   */
  private static boolean printedLikeACard(int[] digitsAt, int last) {
    if (last == 0) {
      return true;
    }
    int first = digitsAt[0];
    if (first != 4) {
      return false;
    }
    if (last == 2 && digitsAt[1] - first == 6) {
      int third = digitsAt[2] - digitsAt[1];
      return third == 4 || third == 5; // Diners 4-6-4, Amex 4-6-5
    }
    for (int g = 1; g < last; g++) {
      if (digitsAt[g] - digitsAt[g - 1] != 4) {
        return false;
      }
    }
    int tail = digitsAt[last] - digitsAt[last - 1];
    return tail >= 1 && tail <= 4;
  }

  private static boolean hasCardCue(String text, int start) {
    String before = text.substring(Math.max(0, start - CUE_WINDOW), start).toLowerCase(Locale.ROOT);
    return CARD_CUE.matcher(before).find();
  }

  private static boolean startsInsideToken(char previous) {
    return Character.isLetterOrDigit(previous) || previous == '_' || previous == '-' || previous == '.'
        || previous == '/';
  }

  /** A group that runs on into letters or a dotted/slashed number is part of some other token. */
  private static boolean endsInsideToken(String text, int end) {
    char next = text.charAt(end);
    if (Character.isLetterOrDigit(next) || next == '_') {
      return true;
    }
    return (next == '.' || next == ',' || next == '/' || next == '-') && end + 1 < text.length()
        && isDigit(text.charAt(end + 1));
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
