package org.curate.filters.pii;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phone-shaped numbers that a nearby word announces as a phone number: "Phone: 0490 75 40 81",
 * "call 467 3395", "(37) 788-063 office", "22 498317 fax". Used for what libphonenumber cannot
 * validate (another country's national format, a short local number). Without such a word, a
 * group of digits stays untouched: order numbers, ISBNs and measurements look just the same.
 */
final class PhoneInContext {
  /**
   * Digit groups (a leading '+' and one parenthesised area code allowed) joined by at most one
   * space, '-' or '.', with an optional extension. Not preceded or followed by a word character
   * or a dotted/dashed continuation, so it never starts inside a longer token.
   */
  private static final Pattern SHAPE = Pattern.compile(
      "(?<![\\w+.\\-/#])(?:\\+\\d{1,3}[ .\\-]?)?(?:\\(\\d{1,5}\\)[ .\\-]?)?\\d{1,12}(?:[ .\\-]\\d{1,8}){0,5}"
          + "(?:\\s?(?:x|ext\\.?\\s?)\\d{1,6})?(?!\\w|[./\\-]\\d)");
  /** Words that name a phone wherever they stand near the number ("Phone:", "call me on", "fax"). */
  private static final Pattern CUE = Pattern.compile(
      "\\b(?:(?:tele|cell|smart|mobile\\s?)?phones?|tel|tél|t[ée]l[ée]phone|telefon|tel[ée]fono|mobile|mob|cell"
          + "|mobil|fon|telefonisch|rufnummer|handy|fax|call(?:ed|ing)?|dial|reach|answering|sms|whatsapp|hotline)\\b");
  /**
   * Words that name a phone only right next to it, as labels in contact blocks ("Office: ...",
   * "... office", "messages to ..."); further away they are ordinary words ("the office is at 17 Main St").
   */
  private static final Pattern LABEL_BEFORE = Pattern.compile(
      "\\b(?:office|desk|home|work|direct|main|contact|messages? to|text(?: me)? (?:at|on))\\s*[:.\\-–]?\\s*$");
  private static final Pattern LABEL_AFTER = Pattern.compile("^[\\s\\-–(]*(?:office|desk|home|work|direct)\\b");
  /** Book numbers are digit groups too, and pages about books mention "call" or "contact" often enough. */
  private static final Pattern ISBN_BEFORE = Pattern.compile("\\bisbn(?:-?1[03])?\\b");
  private static final int CUE_BEFORE = 32;
  private static final int CUE_AFTER = 12;
  private static final int MAX_DIGITS = 15;

  void find(String text, List<PiiSpan> out, int firstOwn) {
    Matcher m = SHAPE.matcher(text);
    while (m.find()) {
      if (PhoneLookalikes.nationalDigits(m.group()) > MAX_DIGITS || PhoneLookalikes.rejected(text, m.start(), m.end())
          || !hasCue(text, m.start(), m.end()) || isIsbn(text, m.start())) {
        continue;
      }
      PiiSpan span = new PiiSpan(PiiType.PHONE, m.start(), m.end());
      if (!overlapsAny(span, out, firstOwn)) {
        out.add(span);
      }
    }
  }

  private static boolean isIsbn(String text, int start) {
    return ISBN_BEFORE.matcher(text.substring(Math.max(0, start - 12), start).toLowerCase(Locale.ROOT)).find();
  }

  private static boolean hasCue(String text, int start, int end) {
    String before = text.substring(Math.max(0, start - CUE_BEFORE), start).toLowerCase(Locale.ROOT);
    String after = text.substring(end, Math.min(text.length(), end + CUE_AFTER)).toLowerCase(Locale.ROOT);
    return CUE.matcher(before).find() || CUE.matcher(after).find() || LABEL_BEFORE.matcher(before).find()
        || LABEL_AFTER.matcher(after).find();
  }

  private static boolean overlapsAny(PiiSpan span, List<PiiSpan> spans, int from) {
    for (int i = from; i < spans.size(); i++) {
      if (spans.get(i).overlaps(span)) {
        return true;
      }
    }
    return false;
  }
}
