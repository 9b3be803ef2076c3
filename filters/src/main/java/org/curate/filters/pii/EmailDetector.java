package org.curate.filters.pii;

import java.util.List;
import java.util.Set;

/**
 * E-mail addresses: {@code local@domain.tld} with an RFC 5321-ish dot-atom local part and a domain
 * of at least two labels whose last label has the shape of a real top-level domain (letters only,
 * or an IDNA {@code xn--} label). A hand-written scanner that starts from each '@', so text
 * without '@' costs one {@code indexOf}.
 *
 * <p>Deliberately not matched, because they are not mailboxes and are common in web text:
 * <ul>
 *   <li>image names such as {@code logo@2x.png}: the "TLD" is a file extension ({@link #FILE_EXTENSIONS});
 *   <li>scp/git remotes {@code git@github.com:org/repo.git}: a ':' directly followed by a
 *       non-space character after the domain marks a {@code user@host:path}, which names an SSH
 *       login on a host (usually the shared {@code git} account), not a person's mailbox;
 *   <li>{@code name@localhost} and other single-label hosts;
 *   <li>npm specifiers {@code @babel/core@7.22.5}: numeric last label.
 * </ul>
 */
public final class EmailDetector implements PiiDetector {
  private static final int MAX_LOCAL = 64;
  private static final int MAX_DOMAIN = 253;
  /** Extensions of files that get "@2x"-style names; none of them is a delegated TLD. */
  private static final Set<String> FILE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "gif", "svg", "webp", "avif",
      "bmp", "ico", "tif", "tiff", "heic", "css", "js", "mjs", "json", "map", "html", "htm", "php", "jsp", "asp",
      "aspx", "txt", "xml", "pdf", "woff", "woff2", "ttf", "otf", "eot", "mp3", "mp4", "webm", "gz", "tgz");

  @Override
  public PiiType type() {
    return PiiType.EMAIL;
  }

  @Override
  public void find(String text, String lang, List<PiiSpan> out) {
    int at = text.indexOf('@');
    int searchFrom = 0;
    while (at >= 0) {
      int end = at > searchFrom ? matchAt(text, at, searchFrom) : -1;
      if (end > 0) {
        out.add(new PiiSpan(PiiType.EMAIL, localStart(text, at, searchFrom), end));
        searchFrom = end;
        at = text.indexOf('@', end);
      } else {
        at = text.indexOf('@', at + 1);
      }
    }
  }

  /** End of the address whose '@' is at {@code at}, or -1 if this '@' is not part of one. */
  private static int matchAt(String text, int at, int floor) {
    int start = localStart(text, at, floor);
    if (start == at || at - start > MAX_LOCAL || text.charAt(start) == '.' || text.charAt(at - 1) == '.'
        || text.substring(start, at).contains("..")) {
      return -1;
    }
    int end = at + 1;
    while (end < text.length() && isDomainChar(text.charAt(end))) {
      end++;
    }
    // A sentence may end right after the address: "write to a@b.com." or "a@b.com-".
    while (end > at + 1 && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == '-')) {
      end--;
    }
    if (end - at - 1 > MAX_DOMAIN || !validDomain(text, at + 1, end)) {
      return -1;
    }
    if (end < text.length()) {
      char next = text.charAt(end);
      if (next == '@' || Character.isLetterOrDigit(next) || next == '_') {
        return -1; // part of something longer that is not an address (a@b.c@d, non-ASCII domains)
      }
      if (next == ':' && end + 1 < text.length() && !Character.isWhitespace(text.charAt(end + 1))) {
        return -1; // user@host:path, an scp/git remote
      }
    }
    return end;
  }

  private static int localStart(String text, int at, int floor) {
    int start = at;
    while (start > floor && isLocalChar(text.charAt(start - 1))) {
      start--;
    }
    // Leading dots belong to the sentence ("...john@x.org"), not to the address.
    while (start < at && text.charAt(start) == '.') {
      start++;
    }
    return start;
  }

  private static boolean validDomain(String text, int from, int to) {
    int labels = 0;
    int labelStart = from;
    for (int i = from; i <= to; i++) {
      if (i == to || text.charAt(i) == '.') {
        int len = i - labelStart;
        if (len == 0 || len > 63 || text.charAt(labelStart) == '-' || text.charAt(i - 1) == '-') {
          return false;
        }
        labels++;
        if (i == to) {
          return labels >= 2 && isTopLevelDomain(text.substring(labelStart, to));
        }
        labelStart = i + 1;
      }
    }
    return false;
  }

  private static boolean isTopLevelDomain(String label) {
    String tld = label.toLowerCase(java.util.Locale.ROOT);
    if (tld.startsWith("xn--")) {
      return tld.length() > 4;
    }
    if (tld.length() < 2 || FILE_EXTENSIONS.contains(tld) || tld.equals("localhost") || tld.equals("local")) {
      return false;
    }
    for (int i = 0; i < tld.length(); i++) {
      if (tld.charAt(i) < 'a' || tld.charAt(i) > 'z') {
        return false;
      }
    }
    return true;
  }

  /** Dot-atom characters of RFC 5322 minus '/', '=' and '`', which in web text glue paths and code to an '@'. */
  private static boolean isLocalChar(char c) {
    return c < 128 && (Character.isLetterOrDigit(c) || ".!#$%&'*+-?^_{|}~".indexOf(c) >= 0);
  }

  private static boolean isDomainChar(char c) {
    return c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-');
  }
}
