package org.curate.filters.pii;

import java.util.List;
import java.util.Map;

/**
 * International bank account numbers: a country code, two check digits and the country's BBAN,
 * the whole exactly as long as that country's IBAN ({@link #LENGTHS}), passing the ISO 7064
 * mod-97 check. Written solid ({@code GB82WEST12345698765432}) or in the print form with single
 * spaces ({@code DE89 3704 0044 0532 0130 00}); either case, not mixed within the letters.
 */
public final class IbanDetector implements PiiDetector {
  /** IBAN lengths by country, from the SWIFT IBAN registry. */
  private static final Map<String, Integer> LENGTHS = Map.ofEntries(
      Map.entry("AD", 24), Map.entry("AE", 23), Map.entry("AL", 28), Map.entry("AT", 20), Map.entry("AZ", 28),
      Map.entry("BA", 20), Map.entry("BE", 16), Map.entry("BG", 22), Map.entry("BH", 22), Map.entry("BI", 27),
      Map.entry("BR", 29), Map.entry("BY", 28), Map.entry("CH", 21), Map.entry("CR", 22), Map.entry("CY", 28),
      Map.entry("CZ", 24), Map.entry("DE", 22), Map.entry("DJ", 27), Map.entry("DK", 18), Map.entry("DO", 28),
      Map.entry("EE", 20), Map.entry("EG", 29), Map.entry("ES", 24), Map.entry("FI", 18), Map.entry("FK", 18),
      Map.entry("FO", 18), Map.entry("FR", 27), Map.entry("GB", 22), Map.entry("GE", 22), Map.entry("GI", 23),
      Map.entry("GL", 18), Map.entry("GR", 27), Map.entry("GT", 28), Map.entry("HN", 28), Map.entry("HR", 21),
      Map.entry("HU", 28), Map.entry("IE", 22), Map.entry("IL", 23), Map.entry("IQ", 23), Map.entry("IS", 26),
      Map.entry("IT", 27), Map.entry("JO", 30), Map.entry("KW", 30), Map.entry("KZ", 20), Map.entry("LB", 28),
      Map.entry("LC", 32), Map.entry("LI", 21), Map.entry("LT", 20), Map.entry("LU", 20), Map.entry("LV", 21),
      Map.entry("LY", 25), Map.entry("MC", 27), Map.entry("MD", 24), Map.entry("ME", 22), Map.entry("MK", 19),
      Map.entry("MN", 20), Map.entry("MR", 27), Map.entry("MT", 31), Map.entry("MU", 30), Map.entry("NI", 28),
      Map.entry("NL", 18), Map.entry("NO", 15), Map.entry("OM", 23), Map.entry("PK", 24), Map.entry("PL", 28),
      Map.entry("PS", 29), Map.entry("PT", 25), Map.entry("QA", 29), Map.entry("RO", 24), Map.entry("RS", 22),
      Map.entry("RU", 33), Map.entry("SA", 24), Map.entry("SC", 31), Map.entry("SD", 18), Map.entry("SE", 24),
      Map.entry("SI", 19), Map.entry("SK", 24), Map.entry("SM", 27), Map.entry("SO", 23), Map.entry("ST", 25),
      Map.entry("SV", 28), Map.entry("TL", 23), Map.entry("TN", 24), Map.entry("UA", 29), Map.entry("VA", 22),
      Map.entry("VG", 24), Map.entry("XK", 20), Map.entry("YE", 30));

  @Override
  public PiiType type() {
    return PiiType.IBAN;
  }

  @Override
  public void find(String text, String lang, List<PiiSpan> out) {
    int n = text.length();
    for (int i = 0; i + 15 <= n; i++) {
      // The check digits first: most text has few digits, so this rejects almost every position at once.
      if (!isDigit(text.charAt(i + 2)) || !isDigit(text.charAt(i + 3)) || !isLetter(text.charAt(i))
          || !isLetter(text.charAt(i + 1)) || (i > 0 && Character.isLetterOrDigit(text.charAt(i - 1)))) {
        continue;
      }
      Integer length = LENGTHS.get(text.substring(i, i + 2).toUpperCase(java.util.Locale.ROOT));
      if (length == null) {
        continue;
      }
      int end = readChars(text, i, length);
      if (end > 0) {
        out.add(new PiiSpan(PiiType.IBAN, i, end));
        i = end - 1;
      }
    }
  }

  /** End of an IBAN of {@code length} characters starting at {@code start}, or -1. */
  private static int readChars(String text, int start, int length) {
    StringBuilder iban = new StringBuilder(length);
    int i = start;
    boolean upper = Character.isUpperCase(text.charAt(start));
    while (iban.length() < length && i < text.length()) {
      char c = text.charAt(i);
      if (c == ' ' && iban.length() >= 4 && i + 1 < text.length() && isAlnum(text.charAt(i + 1))) {
        i++; // print form: groups separated by single spaces
        continue;
      }
      if (!isAlnum(c) || (isLetter(c) && Character.isUpperCase(c) != upper)) {
        return -1;
      }
      iban.append(c);
      i++;
    }
    if (iban.length() < length || (i < text.length() && isAlnum(text.charAt(i)))) {
      return -1;
    }
    return mod97(iban.toString().toUpperCase(java.util.Locale.ROOT)) == 1 ? i : -1;
  }

  /** ISO 7064 MOD 97-10 over the IBAN moved to "BBAN + country + check" with letters as 10..35. */
  static int mod97(String iban) {
    String rearranged = iban.substring(4) + iban.substring(0, 4);
    int remainder = 0;
    for (int i = 0; i < rearranged.length(); i++) {
      char c = rearranged.charAt(i);
      if (c >= '0' && c <= '9') {
        remainder = (remainder * 10 + (c - '0')) % 97;
      } else {
        remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
      }
    }
    return remainder;
  }

  private static boolean isAlnum(char c) {
    return isLetter(c) || isDigit(c);
  }

  private static boolean isLetter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
