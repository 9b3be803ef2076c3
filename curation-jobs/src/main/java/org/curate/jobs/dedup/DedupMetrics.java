package org.curate.jobs.dedup;

/**
 * What the MinHash step saw, beside the drop counts of {@code _stats.json}: LSH candidate edges
 * (star edges, before verification), edges that passed verification, connected-component
 * rounds, and near-duplicate components (clusters of two or more documents).
 */
public record DedupMetrics(long candidateEdges, long verifiedEdges, int componentRounds, long components) {
  public static final DedupMetrics NONE = new DedupMetrics(0, 0, 0, 0);
}
