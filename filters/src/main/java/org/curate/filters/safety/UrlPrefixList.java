package org.curate.filters.safety;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A URL list in the UT1/squidGuard format: lines of {@code host/path} without scheme, such as
 * {@code 1banglaxxx.com/en/}. A document URL matches an entry when its canonical host is the
 * entry's host and its lower-cased path (query included) equals the entry's path or continues it
 * after a {@code /} or {@code ?}: {@code example.com/tag} matches {@code http://www.example.com/tag},
 * {@code .../tag/x} and {@code .../tag?page=2}, not {@code .../tags}. An entry with no path blocks
 * the host (exactly, subdomains are the domain list's job).
 *
 * <p>datatrove compares the full URL string to the list ({@code url in block_listed_url}); UT1
 * entries are prefixes without scheme, so exact string equality would almost never fire on
 * crawled URLs with {@code https://}. Prefix-at-segment-boundary is squidGuard's documented use.
 */
public final class UrlPrefixList {
  private final HashedStringSet keys;
  private final int rejectedEntries;

  private UrlPrefixList(HashedStringSet keys, int rejectedEntries) {
    this.keys = keys;
    this.rejectedEntries = rejectedEntries;
  }

  public static UrlPrefixList load(List<Path> files) {
    HashedStringSet.Builder builder = new HashedStringSet.Builder();
    int[] rejected = {0};
    ListFiles.forEachEntry(files, entry -> {
      String key = key(entry);
      if (key == null) {
        rejected[0]++;
      } else {
        builder.add(key);
      }
    });
    return new UrlPrefixList(builder.build(), rejected[0]);
  }

  public int size() {
    return keys.size();
  }

  public int rejectedEntries() {
    return rejectedEntries;
  }

  /** The canonical key of a list line: host + lower-case path without trailing slashes. */
  static String key(String entry) {
    UrlNormalizer.ParsedUrl parsed = UrlNormalizer.parse(entry);
    if (parsed == null) {
      return null;
    }
    return parsed.host() + trimTrailingSlashes(parsed.pathAndQuery().toLowerCase(Locale.ROOT));
  }

  /** The matching prefix ({@code host/path}) or {@code null}. */
  public String match(UrlNormalizer.ParsedUrl url) {
    if (url == null || keys.size() == 0) {
      return null;
    }
    String candidate = url.host() + trimTrailingSlashes(url.pathAndQuery());
    int hostEnd = url.host().length();
    for (int i = hostEnd; i <= candidate.length(); i++) {
      boolean boundary = i == candidate.length() || candidate.charAt(i) == '/' || candidate.charAt(i) == '?';
      if (boundary && keys.contains(candidate, 0, i)) {
        return candidate.substring(0, i);
      }
    }
    return null;
  }

  private static String trimTrailingSlashes(String path) {
    int end = path.length();
    while (end > 0 && path.charAt(end - 1) == '/') {
      end--;
    }
    return path.substring(0, end);
  }
}
