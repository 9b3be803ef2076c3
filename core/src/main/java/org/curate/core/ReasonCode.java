package org.curate.core;

import java.util.regex.Pattern;

/**
 * Reason codes are stable, report-friendly strings: a lowercase family, a colon, a lowercase
 * detail, such as {@code warc:truncated-gzip} or {@code gopher_quality:word_count}. They end up as
 * keys in {@code _stats.json} and as values in reject listings, so they must not carry
 * per-document data (URLs, sizes, names); that belongs in the outcome's detail.
 */
public final class ReasonCode {
  private static final Pattern CODE = Pattern.compile("[a-z0-9_]+(-[a-z0-9_]+)*(:[a-z0-9_./+]+(-[a-z0-9_./+]+)*)+");

  private ReasonCode() {}

  /** Returns {@code code} if well formed, else throws, so a typo fails in unit tests, not reports. */
  public static String check(String code) {
    if (code == null || !CODE.matcher(code).matches()) {
      throw new IllegalArgumentException("malformed reason code '" + code + "' (expected family:detail in lowercase)");
    }
    return code;
  }
}
