package org.curate.filters.pii;

/**
 * Issuer identification number (IIN) prefixes of the card networks, with the lengths each
 * network issues. A Luhn-valid number outside these ranges (an ISBN-13, a tracking number) is
 * not a card. Ranges as published by the networks; kept coarse where a network uses a whole block.
 */
final class CardIssuers {
  private CardIssuers() {}

  static boolean known(String digits) {
    int len = digits.length();
    int p2 = prefix(digits, 2);
    int p3 = prefix(digits, 3);
    int p4 = prefix(digits, 4);
    int p6 = prefix(digits, 6);
    if (digits.charAt(0) == '4') {
      return len == 13 || len == 16 || len == 19; // Visa
    }
    if (p2 >= 51 && p2 <= 55 || p4 >= 2221 && p4 <= 2720) {
      return len == 16; // Mastercard
    }
    if (p2 == 34 || p2 == 37) {
      return len == 15; // American Express
    }
    if (p4 == 1800 || p4 == 2131) {
      return len == 15; // JCB, early 15-digit numbers
    }
    if (p2 == 35) {
      return len >= 16; // JCB issues 3528-3589; the rest of 35 is unassigned card space, never anything else
    }
    if (p3 >= 300 && p3 <= 305 || p4 == 3095 || p2 == 36 || p2 == 38 || p2 == 39) {
      return len >= 14; // Diners Club
    }
    if (p4 >= 2200 && p4 <= 2204) {
      return len >= 16; // Mir
    }
    if (p4 == 6011 || p3 >= 644 && p3 <= 649 || p2 == 65 || p6 >= 622126 && p6 <= 622925 || p2 == 62) {
      return len >= 16; // Discover, China UnionPay
    }
    if (p2 == 50 || p2 >= 56 && p2 <= 69) {
      return len >= 12; // Maestro and national debit schemes (RuPay 60, Verve 506/650)
    }
    return false;
  }

  private static int prefix(String digits, int n) {
    return Integer.parseInt(digits.substring(0, Math.min(n, digits.length())));
  }
}
