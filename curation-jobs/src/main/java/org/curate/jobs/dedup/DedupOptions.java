package org.curate.jobs.dedup;

import java.io.Serializable;
import org.curate.dedup.MinHashParams;

/**
 * Settings of the dedup stage. {@code threshold} is the exact Jaccard a MinHash candidate pair
 * must reach when {@code verify} is on; without verification every LSH candidate is a duplicate
 * (datatrove's behaviour: about 0.72 with 14 × 8, and chains of false positives merge).
 * {@code maxIterations} bounds the connected-component rounds (a guard against bugs).
 * {@code broadcastDropsUpTo}: when at most this many documents are dropped, the drop decisions
 * (about 100 bytes each) are broadcast to the tasks that write the output, so the texts are not
 * shuffled; above it, a shuffle join is used, which keeps driver memory bounded by this limit.
 * {@code scoreColumn} is the numeric column or tag {@link SurvivorChoice#BEST_SCORE} ranks by
 * (required with it, rejected with the other choices); {@code paragraphs} is the optional
 * cross-document paragraph dedup run on the survivors. {@code componentsInOneTaskUpTo}: a
 * verified-edge graph of at most this many edges (16 bytes each, about 40 bytes per edge while
 * labelled) gets its connected components in one executor task by union-find; a bigger one goes
 * through distributed large-star/small-star rounds until it is that small ({@code -1}: rounds only).
 */
public record DedupOptions(MinHashParams minHash, double threshold, boolean verify, SurvivorChoice survivor,
    String scoreColumn, boolean url, boolean exact, boolean nearDuplicates, ParagraphOptions paragraphs,
    int maxIterations, boolean writeEdges, long broadcastDropsUpTo, long componentsInOneTaskUpTo) implements Serializable {

  public static final DedupOptions DEFAULTS = new DedupOptions(MinHashParams.DEFAULTS, 0.8, true, SurvivorChoice.LOWEST_ID,
      null, true, true, true, ParagraphOptions.OFF, 40, false, 1_000_000, 2_000_000);

  public DedupOptions {
    if (threshold < 0 || threshold > 1) {
      throw new IllegalArgumentException("threshold must be in [0, 1], got " + threshold);
    }
    boolean hasColumn = scoreColumn != null && !scoreColumn.isBlank();
    if (survivor == SurvivorChoice.BEST_SCORE && !hasColumn) {
      throw new IllegalArgumentException("survivor best-score needs a score column (--survivor-score-column COL)");
    }
    if (survivor != SurvivorChoice.BEST_SCORE && hasColumn) {
      throw new IllegalArgumentException("a survivor score column is used only with survivor best-score, not " + survivor);
    }
  }

  public DedupOptions withMinHash(MinHashParams params) {
    return new DedupOptions(params, threshold, verify, survivor, scoreColumn, url, exact, nearDuplicates, paragraphs,
        maxIterations, writeEdges, broadcastDropsUpTo, componentsInOneTaskUpTo);
  }

  public DedupOptions withWriteEdges(boolean write) {
    return new DedupOptions(minHash, threshold, verify, survivor, scoreColumn, url, exact, nearDuplicates, paragraphs,
        maxIterations, write, broadcastDropsUpTo, componentsInOneTaskUpTo);
  }

  public DedupOptions withComponentsInOneTaskUpTo(long edges) {
    return new DedupOptions(minHash, threshold, verify, survivor, scoreColumn, url, exact, nearDuplicates, paragraphs,
        maxIterations, writeEdges, broadcastDropsUpTo, edges);
  }

  /** {@code column} is null except for {@link SurvivorChoice#BEST_SCORE}. */
  public DedupOptions withSurvivor(SurvivorChoice choice, String column) {
    return new DedupOptions(minHash, threshold, verify, choice, column, url, exact, nearDuplicates, paragraphs,
        maxIterations, writeEdges, broadcastDropsUpTo, componentsInOneTaskUpTo);
  }

  public DedupOptions withParagraphs(ParagraphOptions options) {
    return new DedupOptions(minHash, threshold, verify, survivor, scoreColumn, url, exact, nearDuplicates, options,
        maxIterations, writeEdges, broadcastDropsUpTo, componentsInOneTaskUpTo);
  }
}
