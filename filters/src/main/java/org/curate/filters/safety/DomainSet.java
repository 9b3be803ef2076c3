package org.curate.filters.safety;

import java.nio.file.Path;
import java.util.List;

/**
 * A domain blocklist (or allow-list) that matches a host and all its parent domains: an entry
 * {@code example.com} covers {@code example.com}, {@code www.example.com} and
 * {@code a.b.example.com}, but not {@code notexample.com}. Entries and hosts are compared in
 * {@link UrlNormalizer#normalizeDomain canonical form}. Stored as 64-bit hashes
 * ({@link HashedStringSet}) so the 4.6M-entry UT1 adult list costs ~37 MB, not ~400 MB.
 *
 * <p>This is a superset of datatrove's check (registered domain or full host in the list): every
 * parent is tried, so entries for intermediate subdomains (UT1 has many, e.g. {@code x.tumblr.com})
 * also cover their own subdomains, and no Public Suffix List is needed.
 */
public final class DomainSet {
  private final HashedStringSet hashes;
  private final int rejectedEntries;

  private DomainSet(HashedStringSet hashes, int rejectedEntries) {
    this.hashes = hashes;
    this.rejectedEntries = rejectedEntries;
  }

  public static DomainSet load(List<Path> files) {
    HashedStringSet.Builder builder = new HashedStringSet.Builder();
    int[] rejected = {0};
    ListFiles.forEachEntry(files, entry -> {
      String domain = UrlNormalizer.normalizeDomain(entry);
      if (domain == null) {
        rejected[0]++;
      } else {
        builder.add(domain);
      }
    });
    return new DomainSet(builder.build(), rejected[0]);
  }

  public static DomainSet of(Iterable<String> domains) {
    HashedStringSet.Builder builder = new HashedStringSet.Builder();
    int rejected = 0;
    for (String entry : domains) {
      String domain = UrlNormalizer.normalizeDomain(entry);
      if (domain == null) {
        rejected++;
      } else {
        builder.add(domain);
      }
    }
    return new DomainSet(builder.build(), rejected);
  }

  /** Distinct entries kept (after normalisation). */
  public int size() {
    return hashes.size();
  }

  /** List lines that were not plausible domains and were skipped. */
  public int rejectedEntries() {
    return rejectedEntries;
  }

  /**
   * The listed domain covering {@code host} (the host itself or its nearest listed parent), or
   * {@code null}. {@code host} must already be canonical ({@link UrlNormalizer#parse}); IP
   * literals are matched exactly, never by "parent".
   */
  public String match(String host, boolean ipLiteral) {
    if (host == null || host.isEmpty()) {
      return null;
    }
    if (ipLiteral) {
      return hashes.contains(host) ? host : null;
    }
    int from = 0;
    while (true) {
      if (hashes.contains(host, from, host.length())) {
        return host.substring(from);
      }
      int dot = host.indexOf('.', from);
      if (dot < 0) {
        return null;
      }
      from = dot + 1;
    }
  }

  /** Convenience for callers holding a raw domain or host. */
  public String match(String rawHost) {
    String host = UrlNormalizer.normalizeDomain(rawHost);
    return host == null ? null : match(host, UrlNormalizer.isIpv4(host));
  }
}
