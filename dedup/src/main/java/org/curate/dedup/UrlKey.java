package org.curate.dedup;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The key under which captures of "the same page" are grouped for URL dedup: scheme dropped
 * (http and https captures of one page are one page), host lowercased without a leading
 * {@code www.}, default ports, fragment, trailing slash and tracking parameters ({@code utm_*},
 * {@code fbclid}, {@code gclid}) removed. The rest of the query is kept in order, because it
 * often selects the content ({@code ?id=42}). Stateless and thread-safe.
 */
public final class UrlKey {

  /** The key of {@code url}, or null when there is no URL to group by. */
  public String of(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    String trimmed = url.trim();
    URI uri;
    try {
      uri = new URI(trimmed);
    } catch (URISyntaxException e) {
      return trimmed.toLowerCase(Locale.ROOT); // unparsable: still groups identical strings
    }
    if (uri.getRawAuthority() == null) {
      return trimmed.toLowerCase(Locale.ROOT);
    }
    String host = uri.getHost() == null ? uri.getRawAuthority().toLowerCase(Locale.ROOT)
        : uri.getHost().toLowerCase(Locale.ROOT);
    if (host.startsWith("www.")) {
      host = host.substring(4);
    }
    int port = uri.getPort();
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    boolean defaultPort = port == -1 || (port == 80 && scheme.equals("http")) || (port == 443 && scheme.equals("https"));
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    if (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    StringBuilder key = new StringBuilder(host);
    if (!defaultPort) {
      key.append(':').append(port);
    }
    key.append(path);
    String query = keptQuery(uri.getRawQuery());
    if (!query.isEmpty()) {
      key.append('?').append(query);
    }
    return key.toString();
  }

  private static String keptQuery(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    StringJoiner kept = new StringJoiner("&");
    for (String part : rawQuery.split("&")) {
      String name = part.split("=", 2)[0].toLowerCase(Locale.ROOT);
      if (!part.isEmpty() && !name.startsWith("utm_") && !name.equals("fbclid") && !name.equals("gclid")) {
        kept.add(part);
      }
    }
    return kept.toString();
  }
}
