package org.curate.decontam;

/**
 * Who contributed a protected fingerprint: what the verdict needs beyond the fingerprints a
 * document contains. The {@link ProtectedIndex} answers from its own arrays (broadcast mode);
 * the Spark stage's join mode ships the same answers with each hit, so executors never hold the
 * index.
 */
public interface HitOwners {
  /** The distinct benchmarks (indices in load order, ascending) with an item containing {@code fp}. */
  int[] benchmarksOf(long fp);

  /** The position, within its benchmark, of the first item (in load order) containing {@code fp}. */
  int firstLocalItem(long fp);
}
