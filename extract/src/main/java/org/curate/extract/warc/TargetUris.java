package org.curate.extract.warc;

import java.util.Locale;

/**
 * Cleans WARC-Target-URI values and extracts hosts without java.net.URI, which rejects the spaces,
 * brackets and odd characters that real crawls contain.
 */
public final class TargetUris {
  private TargetUris() {}

  /** The URI as written, without the angle brackets wget and WARC 1.0 examples put around it. */
  public static String clean(String raw) {
    if (raw == null) {
      return null;
    }
    String v = raw.trim();
    if (v.startsWith("<") && v.endsWith(">")) {
      v = v.substring(1, v.length() - 1).trim();
    }
    return v.isEmpty() ? null : v;
  }

  /** The lowercase host of {@code url}, or null when it has none (dns:, urn:, junk). */
  public static String host(String url) {
    if (url == null) {
      return null;
    }
    int scheme = url.indexOf("://");
    if (scheme <= 0) {
      return null;
    }
    int start = scheme + 3;
    int end = start;
    while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
      end++;
    }
    String authority = url.substring(start, end);
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      authority = authority.substring(at + 1);
    }
    String host;
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      host = close > 0 ? authority.substring(0, close + 1) : authority;
    } else {
      int colon = authority.indexOf(':');
      host = colon >= 0 ? authority.substring(0, colon) : authority;
    }
    host = host.trim().toLowerCase(Locale.ROOT);
    while (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    return host.isEmpty() || host.chars().anyMatch(Character::isWhitespace) ? null : host;
  }

  /** The path of a hierarchical {@code url} ("/" when empty), without query and fragment; "" when it has none. */
  public static String path(String url) {
    int scheme = url.indexOf("://");
    if (scheme <= 0) {
      return "";
    }
    int start = scheme + 3;
    while (start < url.length() && "/?#".indexOf(url.charAt(start)) < 0) {
      start++;
    }
    int end = start;
    while (end < url.length() && "?#".indexOf(url.charAt(end)) < 0) {
      end++;
    }
    return end > start ? url.substring(start, end) : "/";
  }
}
