package org.curate.filters.safety;

import java.net.IDN;
import java.util.Locale;

/**
 * Turns URLs and list entries into the canonical forms the blocklists compare, without ever
 * throwing: a URL that cannot be understood yields {@code null}, and the caller falls back to
 * the checks that need no host.
 *
 * <p>Host canonical form: lower case (ROOT locale), userinfo and port removed, leading and
 * trailing dots removed, internationalised names converted to punycode ({@code IDN.toASCII}), and
 * one leading {@code www.} removed (as squidGuard and UT1 do) unless that would leave a bare
 * suffix such as {@code com}. IPv4 literals and bracketed IPv6 literals are hosts too, flagged so
 * that nobody walks their "parent domains".
 */
public final class UrlNormalizer {
  /** The parts of a URL the blocklists need; {@code pathAndQuery} is lower case, fragment removed. */
  public record ParsedUrl(String host, boolean ipLiteral, String pathAndQuery) {}

  private UrlNormalizer() {}

  /** Parses {@code http://user@Www.Example.COM.:8080/A?b#c}; also accepts scheme-less {@code example.com/a}. */
  public static ParsedUrl parse(String url) {
    if (url == null) {
      return null;
    }
    String s = url.strip();
    int schemeEnd = schemeEnd(s);
    if (schemeEnd >= 0) {
      s = s.substring(schemeEnd + 3);
    } else if (s.startsWith("//")) {
      s = s.substring(2);
    } else if (s.indexOf(':') >= 0 && s.indexOf(':') < firstOf(s, "/?#") && !hasPort(s)) {
      return null; // mailto:, javascript:, data: ... have no host
    }
    int authorityEnd = firstOf(s, "/?#\\");
    String authority = s.substring(0, authorityEnd);
    String rest = s.substring(authorityEnd);
    int fragment = rest.indexOf('#');
    if (fragment >= 0) {
      rest = rest.substring(0, fragment);
    }
    authority = authority.substring(authority.lastIndexOf('@') + 1);
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      if (close < 0) {
        return null;
      }
      String v6 = authority.substring(1, close).toLowerCase(Locale.ROOT);
      return v6.isEmpty() || !v6.matches("[0-9a-f:.]+") ? null
          : new ParsedUrl(v6, true, rest.toLowerCase(Locale.ROOT));
    }
    int colon = authority.indexOf(':');
    String host = normalizeDomain(colon >= 0 ? authority.substring(0, colon) : authority);
    if (host == null) {
      return null;
    }
    return new ParsedUrl(host, isIpv4(host), rest.toLowerCase(Locale.ROOT));
  }

  /**
   * Canonical form of a domain (from a URL or a list line); {@code null} when it is not a
   * plausible host name (empty, spaces, characters outside LDH plus underscore after IDN).
   */
  public static String normalizeDomain(String domain) {
    if (domain == null) {
      return null;
    }
    String d = domain.strip().toLowerCase(Locale.ROOT);
    int start = 0;
    int end = d.length();
    while (start < end && d.charAt(start) == '.') {
      start++;
    }
    while (end > start && d.charAt(end - 1) == '.') {
      end--;
    }
    d = d.substring(start, end);
    if (d.isEmpty()) {
      return null;
    }
    if (!isAscii(d)) {
      try {
        d = IDN.toASCII(d, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    for (int i = 0; i < d.length(); i++) {
      char c = d.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_';
      if (!ok) {
        return null;
      }
    }
    if (d.startsWith("www.") && d.indexOf('.', 4) > 0) {
      d = d.substring(4);
    }
    return d;
  }

  private static int schemeEnd(String s) {
    int i = s.indexOf("://");
    if (i <= 0) {
      return -1;
    }
    for (int k = 0; k < i; k++) {
      char c = s.charAt(k);
      boolean ok = Character.isLetter(c) && c < 128 || (k > 0 && (Character.isDigit(c) || c == '+' || c == '-' || c == '.'));
      if (!ok) {
        return -1;
      }
    }
    return i;
  }

  /** {@code host:8080/...}: a colon followed by digits up to the end of the authority is a port, not a scheme. */
  private static boolean hasPort(String s) {
    int colon = s.indexOf(':');
    int end = firstOf(s, "/?#\\");
    if (colon + 1 >= end) {
      return false;
    }
    for (int i = colon + 1; i < end; i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static int firstOf(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return s.length();
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 128) {
        return false;
      }
    }
    return true;
  }

  static boolean isIpv4(String host) {
    String[] parts = host.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit) || Integer.parseInt(p) > 255) {
        return false;
      }
    }
    return true;
  }
}
