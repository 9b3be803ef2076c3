package org.curate.dedup.truth;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleBiFunction;

/**
 * Precision and recall of predicted duplicate pairs against a generator's truth at a Jaccard
 * threshold. A predicted pair the truth does not know (two different families, or natural
 * duplicates in real text) is scored by its exact Jaccard from {@code verifier}, so it is a
 * false positive only if it really is below the threshold. Cluster predictions are scored as the
 * set of all pairs inside each cluster, which is what removing all but one member implies.
 */
public final class DedupEvaluation {
  /** Recall bins over [threshold, 1]: [t, t+.05), ..., the last one closed. */
  public record Scores(long predictedPairs, long truePositives, long truthPositives, double precision, double recall,
      List<String> recallByBin) {}

  private final Map<String, Double> truth = new HashMap<>();
  private final double threshold;
  private final ToDoubleBiFunction<String, String> verifier;
  private long truthPositives;

  public DedupEvaluation(Collection<TruthPair> pairs, double threshold, ToDoubleBiFunction<String, String> verifier) {
    this.threshold = threshold;
    this.verifier = verifier;
    for (TruthPair p : pairs) {
      truth.put(p.key(), p.jaccard());
      if (p.jaccard() >= threshold) {
        truthPositives++;
      }
    }
  }

  /** Scores pairs given as {id, id} (any order, duplicates counted once). */
  public Scores pairs(Collection<String[]> predicted) {
    Map<String, Double> seen = new HashMap<>();
    for (String[] p : predicted) {
      if (!p[0].equals(p[1])) {
        String key = TruthPair.key(p[0], p[1]);
        seen.computeIfAbsent(key, k -> truth.containsKey(k) ? truth.get(k) : verifier.applyAsDouble(p[0], p[1]));
      }
    }
    return score(seen);
  }

  /** Scores a clustering given as id → cluster label (ids not listed are singletons). */
  public Scores clusters(Map<String, String> clusterOf) {
    Map<String, List<String>> members = new HashMap<>();
    clusterOf.forEach((id, c) -> members.computeIfAbsent(c, k -> new ArrayList<>()).add(id));
    List<String[]> pairs = new ArrayList<>();
    for (List<String> m : members.values()) {
      for (int i = 0; i < m.size(); i++) {
        for (int k = i + 1; k < m.size(); k++) {
          pairs.add(new String[] {m.get(i), m.get(k)});
        }
      }
    }
    return pairs(pairs);
  }

  private Scores score(Map<String, Double> predicted) {
    long tp = 0;
    int bins = (int) Math.ceil((1.0 - threshold) / 0.05 - 1e-9);
    long[] hits = new long[Math.max(bins, 1)];
    long[] totals = new long[hits.length];
    for (Map.Entry<String, Double> t : truth.entrySet()) {
      if (t.getValue() >= threshold) {
        int bin = Math.min(hits.length - 1, (int) ((t.getValue() - threshold) / 0.05));
        totals[bin]++;
        if (predicted.containsKey(t.getKey())) {
          hits[bin]++;
        }
      }
    }
    for (double j : predicted.values()) {
      if (j >= threshold) {
        tp++;
      }
    }
    List<String> byBin = new ArrayList<>();
    for (int b = 0; b < hits.length; b++) {
      byBin.add(String.format(java.util.Locale.ROOT, "[%.2f,%.2f%s %d/%d", threshold + b * 0.05,
          Math.min(1.0, threshold + (b + 1) * 0.05), b == hits.length - 1 ? "]" : ")", hits[b], totals[b]));
    }
    double precision = predicted.isEmpty() ? 1.0 : (double) tp / predicted.size();
    long found = 0;
    for (long h : hits) {
      found += h;
    }
    double recall = truthPositives == 0 ? 1.0 : (double) found / truthPositives;
    return new Scores(predicted.size(), tp, truthPositives, precision, recall, byBin);
  }
}
