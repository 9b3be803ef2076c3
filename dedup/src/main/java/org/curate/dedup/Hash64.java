package org.curate.dedup;

/**
 * The 64-bit hashing MinHash needs: FNV-1a over UTF-16 code units, finished with MurmurHash3's
 * 64-bit finaliser ({@code fmix64}). FNV-1a alone mixes its last characters poorly; the
 * finaliser gives full avalanche, which MinHash relies on (it treats hashes as random values).
 */
public final class Hash64 {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private Hash64() {}

  /** Hash of {@code text[start, end)}, seeded so that independent hash functions can be drawn. */
  public static long chars(CharSequence text, int start, int end, long seed) {
    long h = FNV_OFFSET ^ seed;
    for (int i = start; i < end; i++) {
      h ^= text.charAt(i);
      h *= FNV_PRIME;
    }
    return fmix64(h ^ (end - start));
  }

  /** MurmurHash3's finaliser: a bijection on 64-bit values with full avalanche. */
  public static long fmix64(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }
}
