package org.curate.extract.http;

import java.util.Locale;

/**
 * The coarse kind of a payload, used in drop reasons ({@code non-html:<family>}) so that reports
 * count a fixed, small set of buckets instead of every MIME string seen in the wild.
 */
public enum MimeFamily {
  HTML, IMAGE, PDF, SCRIPT, CSS, FONT, MEDIA, OFFICE, JSON, XML, TEXT, ARCHIVE, OTHER;

  /** The lowercase name used after {@code non-html:}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The family of a base MIME type (no parameters); unknown or missing types are {@link #OTHER}. */
  public static MimeFamily of(String baseType) {
    if (baseType == null || baseType.isBlank()) {
      return OTHER;
    }
    String t = baseType.trim().toLowerCase(Locale.ROOT);
    if (t.equals("text/html") || t.equals("application/xhtml+xml")) {
      return HTML;
    }
    if (t.startsWith("image/")) {
      return IMAGE;
    }
    if (t.equals("application/pdf") || t.equals("application/x-pdf")) {
      return PDF;
    }
    if (t.contains("javascript") || t.contains("ecmascript")) {
      return SCRIPT;
    }
    if (t.equals("text/css")) {
      return CSS;
    }
    if (t.startsWith("font/") || t.contains("font") || t.contains("woff")) {
      return FONT;
    }
    if (t.startsWith("audio/") || t.startsWith("video/") || t.contains("shockwave") || t.equals("application/ogg")) {
      return MEDIA;
    }
    if (t.contains("msword") || t.contains("ms-excel") || t.contains("ms-powerpoint") || t.contains("officedocument")
        || t.contains("opendocument") || t.equals("application/rtf") || t.equals("text/rtf")) {
      return OFFICE;
    }
    if (t.equals("application/json") || t.endsWith("+json")) {
      return JSON;
    }
    if (t.endsWith("/xml") || t.endsWith("+xml")) {
      return XML;
    }
    if (t.startsWith("text/")) {
      return TEXT;
    }
    if (t.contains("zip") || t.contains("tar") || t.contains("compress") || t.contains("rar")) {
      return ARCHIVE;
    }
    return OTHER;
  }

  /** Types that say nothing reliable about the payload, so its bytes are sniffed for HTML. */
  public static boolean isUninformative(String baseType) {
    if (baseType == null || baseType.isBlank()) {
      return true;
    }
    String t = baseType.trim().toLowerCase(Locale.ROOT);
    return t.equals("application/octet-stream") || t.equals("text/plain") || t.equals("binary/octet-stream")
        || t.equals("unknown/unknown") || t.equals("application/unknown") || t.equals("content/unknown")
        || t.equals("application/x-unknown") || t.equals("*/*") || !t.contains("/");
  }
}
