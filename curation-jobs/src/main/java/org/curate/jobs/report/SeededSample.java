package org.curate.jobs.report;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Seeded, order-independent sampling: a document's sampling key is the first 8 bytes of
 * SHA-256({@code seed + ":" + id}), and a sample of n is the n documents with the smallest
 * (key, id). The same seed and the same ids give the same sample however the data is
 * partitioned or ordered; another seed gives another sample. Spark computes the key with the
 * same function (a UDF), so {@link #pick} is the reference for what the report shows.
 */
public final class SeededSample {
  public static final long DEFAULT_SEED = 20_260_105L;

  private SeededSample() {}

  public static long key(long seed, String id) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] digest = sha.digest((seed + ":" + (id == null ? "" : id)).getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(digest, 0, 8).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JVM", e);
    }
  }

  /** The n ids with the smallest (key, id), in that order. */
  public static List<String> pick(Collection<String> ids, long seed, int n) {
    return ids.stream().distinct()
        .sorted(Comparator.<String>comparingLong(id -> key(seed, id)).thenComparing(Comparator.naturalOrder()))
        .limit(n).toList();
  }
}
