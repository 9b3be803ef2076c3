package org.curate.filters.pii;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Public IPv4 and IPv6 addresses ({@link PublicAddressRanges}). Guards against the dotted
 * numbers that are not addresses: a dotted quad inside a longer dotted sequence (SNMP OIDs
 * {@code 1.3.6.1.4.1.2021}, {@code 1.2.3.4.5}), octets with leading zeros, and quads announced as
 * versions ("version 1.2.3.4", "v1.2.3.4", "build 10.0.19041.1").
 */
public final class IpDetector implements PiiDetector {
  static final Pattern V4 = Pattern.compile(
      "(?<![\\w.\\-])(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?![\\w\\-]|\\.\\d)");
  private static final Pattern VERSION_CUE = Pattern.compile(
      "(?i)(?:\\b(?:v|ver|version|versions|release|build|firmware|rev|revision|update|patch|kernel)\\.?|[a-z]/)\\s*$");
  private static final int CUE_WINDOW = 16;
  /** Hex groups with colons, optionally ending in a dotted quad; parsed strictly afterwards. */
  static final Pattern V6 = Pattern.compile(
      "(?<![\\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|\\d{1,3}(?:\\.\\d{1,3}){3})?(?![\\w:]|\\.\\w)");
  /** "ab::cd" is more often code than an address; real ones written with "::" keep 3+ groups. */
  private static final int MIN_V6_GROUPS = 3;

  @Override
  public PiiType type() {
    return PiiType.IP;
  }

  @Override
  public void find(String text, String lang, List<PiiSpan> out) {
    int firstOwn = out.size();
    if (hasColonPair(text)) {
      findV6(text, out);
    }
    if (hasDottedQuad(text)) {
      findV4(text, out, firstOwn);
    }
  }

  /**
   * Whether some two colons are at most 4 hex digits apart, which every {@link #V6} match holds
   * (its first two groups are {@code hex{0,4}:}). A cheap scan that spares the regex on text
   * with colons only in times and labels ("10:30", "Phone: ...").
   */
  static boolean hasColonPair(String text) {
    int prev = text.indexOf(':');
    for (int colon = prev < 0 ? -1 : text.indexOf(':', prev + 1); colon >= 0; colon = text.indexOf(':', colon + 1)) {
      if (colon - prev <= 5 && allHex(text, prev + 1, colon)) {
        return true;
      }
      prev = colon;
    }
    return false;
  }

  private static boolean allHex(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (Character.digit(text.charAt(i), 16) < 0 || text.charAt(i) > 'f') {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the text holds four runs of 1 to 3 ASCII digits joined by dots, which every
   * {@link #V4} match is; spares the regex on text without one.
   */
  static boolean hasDottedQuad(String text) {
    int n = text.length();
    int groups = 0;
    int run = 0;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        run++;
        if (groups == 3 && run >= 1) {
          return true;
        }
      } else if (c == '.' && run >= 1 && run <= 3) {
        groups++;
        run = 0;
      } else {
        groups = 0;
        run = 0;
      }
      if (run > 3) {
        // a longer run can still end in the first group of a quad: keep its last three digits
        run = 3;
        groups = 0;
      }
    }
    return false;
  }

  /** Skips quads already covered by an IPv6 span from index {@code firstOwn} on ({@code ::ffff:1.2.3.4}). */
  private static void findV4(String text, List<PiiSpan> out, int firstOwn) {
    int v6End = out.size();
    Matcher m = V4.matcher(text);
    while (m.find()) {
      long address = 0;
      boolean valid = true;
      for (int g = 1; g <= 4 && valid; g++) {
        String octet = m.group(g);
        int value = Integer.parseInt(octet);
        valid = value <= 255 && (octet.length() == 1 || octet.charAt(0) != '0');
        address = (address << 8) | value;
      }
      PiiSpan span = new PiiSpan(PiiType.IP, m.start(), m.end());
      if (valid && PublicAddressRanges.isPublicV4(address) && !announcedAsVersion(text, m.start())
          && out.subList(firstOwn, v6End).stream().noneMatch(span::overlaps)) {
        out.add(span);
      }
    }
  }

  private static boolean announcedAsVersion(String text, int start) {
    return VERSION_CUE.matcher(text.substring(Math.max(0, start - CUE_WINDOW), start)).find();
  }

  private static void findV6(String text, List<PiiSpan> out) {
    Matcher m = V6.matcher(text);
    while (m.find()) {
      int[] groups = Ipv6Literal.parse(m.group(), MIN_V6_GROUPS);
      if (groups != null && PublicAddressRanges.isPublicV6(groups)) {
        out.add(new PiiSpan(PiiType.IP, m.start(), m.end()));
      }
    }
  }
}
