package org.curate.jobs.report;

/**
 * The one escaping function of the report. Every string that is not a fixed literal of this
 * package (crawled titles, URLs, text, reason codes, details, file paths, JSON from stage
 * sections) goes through {@link #escape} before it is written into the HTML or SVG, whether as
 * element text or as an attribute value.
 */
public final class Html {
  private Html() {}

  /**
   * Escapes {@code & < > " '} so the result is inert as element content and inside single- or
   * double-quoted attribute values; null becomes the empty string. Control characters other than
   * tab and newline (not allowed in HTML text) become U+FFFD.
   */
  public static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String rep = switch (c) {
        case '&' -> "&amp;";
        case '<' -> "&lt;";
        case '>' -> "&gt;";
        case '"' -> "&quot;";
        case '\'' -> "&#39;";
        default -> (c < 0x20 && c != '\n' && c != '\t' && c != '\r') || c == 0x7f ? "\uFFFD" : null;
      };
      if (rep != null) {
        if (out == null) {
          out = new StringBuilder(s.length() + 16).append(s, 0, i);
        }
        out.append(rep);
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? s : out.toString();
  }
}
