package org.curate.extract.charset;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the charset label an HTML page declares in a {@code <meta>} tag near its start, the way
 * browsers prescan: only the first bytes, read as ASCII, no full parse.
 */
public final class MetaCharsetScanner {
  static final int PRESCAN_BYTES = 4096;
  private static final Pattern META = Pattern.compile("<meta\\s[^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern CHARSET_ATTR =
      Pattern.compile("charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:\\-]+)", Pattern.CASE_INSENSITIVE);

  private MetaCharsetScanner() {}

  /** The label from {@code <meta charset>} or {@code <meta http-equiv content="...charset=...">}. */
  public static Optional<String> declaredLabel(byte[] bytes, int length) {
    String head = new String(bytes, 0, Math.min(length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
    Matcher meta = META.matcher(head);
    while (meta.find()) {
      Matcher charset = CHARSET_ATTR.matcher(meta.group());
      if (charset.find()) {
        return Optional.of(charset.group(1));
      }
    }
    return Optional.empty();
  }
}
