package org.curate.decontam;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What decontamination found, per benchmark (written as {@code _contamination.json} beside the
 * stage's {@code _stats.json}; schema in docs/ARCHITECTURE.md). Built on the driver from the
 * collision counts of pass 1 (documents per protected n-gram) and the drop counts of pass 2.
 * Every list is sorted, so the same input gives the same bytes.
 */
@JsonPropertyOrder({"n", "min_n", "common_usage_threshold", "mode", "documents", "documents_dropped",
    "documents_cut", "protected_ngrams", "index_bytes", "common_usage", "benchmarks"})
public record ContaminationReport(int n, int min_n, long common_usage_threshold, String mode, long documents,
    long documents_dropped, long documents_cut, long protected_ngrams, long index_bytes,
    List<NgramCount> common_usage, List<BenchmarkReport> benchmarks) {

  /** One protected n-gram and the number of documents of the corpus that contain it. */
  @JsonPropertyOrder({"ngram", "n", "documents", "excused", "benchmarks"})
  public record NgramCount(String ngram, int n, long documents, boolean excused, List<String> benchmarks) {}

  @JsonPropertyOrder({"name", "reason", "files", "items", "items_too_short", "protected_ngrams", "items_hit",
      "ngrams_hit", "ngrams_excused", "documents_dropped", "documents_cut", "top_ngrams"})
  public record BenchmarkReport(String name, String reason, int files, int items, int items_too_short,
      long protected_ngrams, int items_hit, int ngrams_hit, int ngrams_excused, long documents_dropped,
      long documents_cut, List<NgramCount> top_ngrams) {}

  /**
   * @param hitKeys protected fingerprints found in at least one document (sorted)
   * @param hitDocuments for each, the number of documents containing it (its collision count)
   * @param droppedByBenchmark documents dropped, by benchmark index
   * @param cutByBenchmark documents cut in window mode, by benchmark index
   */
  public static ContaminationReport build(List<Benchmark> loaded, ProtectedIndex index, DecontamOptions options,
      long[] hitKeys, long[] hitDocuments, long documents, long[] droppedByBenchmark, long[] cutByBenchmark,
      int topPerBenchmark) {
    int benchmarks = index.benchmarks();
    List<List<NgramCount>> perBenchmark = new ArrayList<>();
    BitSet[] itemsHit = new BitSet[benchmarks];
    int[] ngramsHit = new int[benchmarks];
    int[] ngramsExcused = new int[benchmarks];
    for (int b = 0; b < benchmarks; b++) {
      perBenchmark.add(new ArrayList<>());
      itemsHit[b] = new BitSet();
    }
    List<NgramCount> common = new ArrayList<>();
    NgramTexts texts = new NgramTexts(loaded, index);
    Integer[] order = new Integer[hitKeys.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    // Most frequent first; ties by fingerprint so the order never depends on the input order.
    Arrays.sort(order, Comparator.<Integer>comparingLong(i -> -hitDocuments[i]).thenComparingLong(i -> hitKeys[i]));
    int[] shown = new int[benchmarks];
    for (int oi : order) {
      long key = hitKeys[oi];
      long docs = hitDocuments[oi];
      boolean excused = docs >= options.commonUsageThreshold();
      BitSet bs = new BitSet();
      for (int e = index.firstEntry(key); e >= 0 && e < index.entries() && index.key(e) == key; e++) {
        int item = index.item(e);
        int b = index.benchmarkOfItem(item);
        bs.set(b);
        if (!excused) {
          itemsHit[b].set(index.localItem(item));
        }
      }
      List<String> names = bs.stream().mapToObj(index::benchmarkName).toList();
      NgramCount count = null;
      for (int b = bs.nextSetBit(0); b >= 0; b = bs.nextSetBit(b + 1)) {
        if (excused) {
          ngramsExcused[b]++;
        } else {
          ngramsHit[b]++;
        }
        if (shown[b] < topPerBenchmark) {
          shown[b]++;
          count = count != null ? count : texts.count(key, docs, excused, names);
          perBenchmark.get(b).add(count);
        }
      }
      if (excused) {
        common.add(count != null ? count : texts.count(key, docs, true, names));
      }
    }
    List<BenchmarkReport> reports = new ArrayList<>();
    long dropped = 0;
    long cut = 0;
    for (int b = 0; b < benchmarks; b++) {
      Benchmark bm = loaded.get(b);
      dropped += droppedByBenchmark[b];
      cut += cutByBenchmark[b];
      reports.add(new BenchmarkReport(bm.name(), bm.reason(), bm.files().size(), index.items(b), index.shortItems(b),
          index.distinctNgrams(b), itemsHit[b].cardinality(), ngramsHit[b], ngramsExcused[b], droppedByBenchmark[b],
          cutByBenchmark[b], perBenchmark.get(b)));
    }
    return new ContaminationReport(options.n(), options.minN(), options.commonUsageThreshold(),
        options.mode().name().toLowerCase(java.util.Locale.ROOT), documents, dropped, cut, index.entries(),
        index.bytes(), common, reports);
  }

  /** Per-benchmark counts as a map keyed by reason, for quick assertions. */
  public Map<String, BenchmarkReport> byReason() {
    Map<String, BenchmarkReport> m = new java.util.LinkedHashMap<>();
    benchmarks.forEach(b -> m.put(b.reason(), b));
    return m;
  }

  /** Recovers the words of a protected fingerprint from the benchmark item it came from. */
  static final class NgramTexts {
    private final List<Benchmark> loaded;
    private final ProtectedIndex index;
    private final NormalizedTokens tokens = new NormalizedTokens();
    private final NgramHash hash = new NgramHash();

    NgramTexts(List<Benchmark> loaded, ProtectedIndex index) {
      this.loaded = loaded;
      this.index = index;
    }

    NgramCount count(long key, long docs, boolean excused, List<String> names) {
      int item = index.item(index.firstEntry(key));
      BenchmarkItem it = loaded.get(index.benchmarkOfItem(item)).items().get(index.localItem(item));
      for (String segment : it.segments()) {
        tokens.of(segment);
        hash.over(tokens);
        for (int k : index.lengthsView()) {
          for (int i = 0; i + k <= tokens.size(); i++) {
            if (hash.window(i, k) == key) {
              return new NgramCount(tokens.normalized(i, k), k, docs, excused, names);
            }
          }
        }
      }
      return new NgramCount("?", 0, docs, excused, names);
    }
  }
}
