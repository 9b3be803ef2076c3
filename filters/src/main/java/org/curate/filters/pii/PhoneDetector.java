package org.curate.filters.pii;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.List;

/**
 * Phone numbers, in two passes.
 *
 * <ol>
 *   <li>Google libphonenumber {@code findNumbers} with leniency {@code VALID}: the number must be
 *       a valid number of the document's region ({@link PhoneRegion}, from {@code lang}) or an
 *       international {@code +} number of any country. This is precise (it knows every country's
 *       numbering plan and skips dates and timestamps) but misses numbers of other countries
 *       written in their national format, which is common in contact blocks. Its matches still
 *       pass {@link PhoneLookalikes}: with a German region, "09.11.2022" is a valid number.
 *   <li>{@link PhoneInContext}: phone-shaped digit groups next to a word that announces a phone
 *       number ("Phone:", "call", "fax", "mobile", ...). The word is what makes a bare group of
 *       digits a phone number rather than an order number.
 * </ol>
 */
public final class PhoneDetector implements PiiDetector {
  /** Bounds libphonenumber's work on pathological pages full of digit runs. */
  private static final long MAX_TRIES = 10_000;

  private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
  private final PhoneInContext inContext = new PhoneInContext();
  private final boolean useContext;

  public PhoneDetector() {
    this(true);
  }

  /** {@code useContext = false} keeps only the libphonenumber pass (stricter, lower recall). */
  public PhoneDetector(boolean useContext) {
    this.useContext = useContext;
  }

  @Override
  public PiiType type() {
    return PiiType.PHONE;
  }

  @Override
  public void find(String text, String lang, List<PiiSpan> out) {
    if (!hasDigits(text, PhoneLookalikes.MIN_DIGITS)) {
      return;
    }
    int firstOwn = out.size();
    for (PhoneNumberMatch m : util.findNumbers(text, PhoneRegion.forLanguage(lang), PhoneNumberUtil.Leniency.VALID,
        MAX_TRIES)) {
      if (!PhoneLookalikes.rejected(text, m.start(), m.end())) {
        out.add(new PiiSpan(PiiType.PHONE, m.start(), m.end()));
      }
    }
    if (useContext) {
      inContext.find(text, out, firstOwn);
    }
  }

  static boolean hasDigits(String text, int atLeast) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9' && ++n >= atLeast) {
        return true;
      }
    }
    return false;
  }
}
