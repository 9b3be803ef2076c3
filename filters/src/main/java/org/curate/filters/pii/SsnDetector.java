package org.curate.filters.pii;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * US social security numbers in their written form {@code AAA-GG-SSSS}, minus the numbers the
 * SSA never issues: area 000, 666 or 900-999, group 00, serial 0000, and the famous sample
 * numbers printed in ads and manuals (078-05-1120, 219-09-9999, 123-45-6789). Only the dashed
 * form: nine bare digits or space-separated groups are far more often something else.
 */
public final class SsnDetector implements PiiDetector {
  private static final Pattern SSN = Pattern.compile("(?<![\\w\\-.])(\\d{3})-(\\d{2})-(\\d{4})(?![\\w\\-]|\\.\\d)");

  @Override
  public PiiType type() {
    return PiiType.SSN;
  }

  @Override
  public void find(String text, String lang, List<PiiSpan> out) {
    if (text.indexOf('-') < 0) {
      return;
    }
    Matcher m = SSN.matcher(text);
    while (m.find()) {
      if (issuable(m.group(1), m.group(2), m.group(3))) {
        out.add(new PiiSpan(PiiType.SSN, m.start(), m.end()));
      }
    }
  }

  static boolean issuable(String area, String group, String serial) {
    int a = Integer.parseInt(area);
    String all = area + group + serial;
    return a != 0 && a != 666 && a < 900 && !group.equals("00") && !serial.equals("0000")
        && !all.equals("078051120") && !all.equals("219099999") && !all.equals("123456789");
  }
}
