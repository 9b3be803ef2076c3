package org.curate.dedup;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Text → {@link Fingerprint}: normalise, key the normalised text with SHA-256 (cut to 128 bits:
 * exact dedup must not merge different texts, which a 64-bit key would start to do at billions
 * of documents), shingle, MinHash, band. Not thread-safe (reuses buffers); one per task.
 */
public final class Fingerprinter {
  private final TextNormalizer normalizer = new TextNormalizer();
  private final ShingleHasher shingler;
  private final MinHasher minHasher;
  private final LshBands bands;
  private final MessageDigest sha256;

  public Fingerprinter(MinHashParams params, WordSplitter splitter) {
    this.shingler = new ShingleHasher(params.ngram(), splitter);
    this.minHasher = new MinHasher(params.numPerm(), params.seed());
    this.bands = new LshBands(params.bands(), params.rows());
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  public Fingerprinter(MinHashParams params) {
    this(params, new UnicodeWordSplitter());
  }

  public Fingerprint fingerprint(String text) {
    String normalized = normalizer.normalize(text);
    if (normalized.isEmpty()) {
      return new Fingerprint(0, 0, new long[0], new int[0], 0);
    }
    ByteBuffer digest = ByteBuffer.wrap(sha256.digest(normalized.getBytes(StandardCharsets.UTF_8)));
    // Neither the signature nor the compact set needs the 64-bit hashes sorted or distinct.
    long[] shingles = shingler.shingleHashes(normalized);
    long[] keys = bands.keys(minHasher.signature(shingles));
    return new Fingerprint(digest.getLong(), digest.getLong(), keys, CompactShingles.of(shingles), normalized.length());
  }
}
