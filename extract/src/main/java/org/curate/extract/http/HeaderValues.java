package org.curate.extract.http;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads values from header lists that may repeat a field (duplicated Content-Type is common). */
public final class HeaderValues {
  private HeaderValues() {}

  /** The first value that is not blank. */
  public static Optional<String> firstMeaningful(List<String> values) {
    return values.stream().map(String::trim).filter(v -> !v.isEmpty()).findFirst();
  }

  /** The base MIME type of a Content-Type value, lowercase, without parameters; null if blank. */
  public static String baseType(String contentType) {
    if (contentType == null) {
      return null;
    }
    int semicolon = contentType.indexOf(';');
    String base = (semicolon >= 0 ? contentType.substring(0, semicolon) : contentType).trim().toLowerCase(Locale.ROOT);
    return base.isEmpty() ? null : base;
  }

  /** The {@code charset} parameter of a Content-Type value, or null. */
  public static String charsetParameter(String contentType) {
    if (contentType == null) {
      return null;
    }
    for (String part : contentType.split(";")) {
      int eq = part.indexOf('=');
      if (eq > 0 && part.substring(0, eq).trim().equalsIgnoreCase("charset")) {
        String value = part.substring(eq + 1).trim().replace("\"", "").replace("'", "");
        return value.isEmpty() ? null : value;
      }
    }
    return null;
  }
}
