package org.curate.extract.http;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Tells from its first bytes whether an unlabelled payload is HTML, as browsers do for text/plain mislabels. */
public final class HtmlSniffer {
  private static final String[] HTML_STARTS = {"<!doctype html", "<html", "<head", "<body"};

  private HtmlSniffer() {}

  public static boolean looksLikeHtml(byte[] bytes, int length) {
    int start = 0;
    if (length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
      start = 3;
    }
    while (start < length && (bytes[start] == ' ' || bytes[start] == '\t' || bytes[start] == '\r'
        || bytes[start] == '\n' || bytes[start] == '\f')) {
      start++;
    }
    String head = new String(bytes, start, Math.min(32, length - start), StandardCharsets.ISO_8859_1)
        .toLowerCase(Locale.ROOT);
    for (String prefix : HTML_STARTS) {
      if (head.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
