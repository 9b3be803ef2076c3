package org.curate.tokenizer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pre-token ("word") → count, with {@code long} counts. Words are kept as the pre-tokenizer's
 * strings (raw text, before any byte mapping). Merging two tables adds counts.
 */
public final class WordCounts {
  private final HashMap<String, long[]> counts = new HashMap<>();
  private long total;

  public void add(String word, long count) {
    if (count <= 0) {
      return;
    }
    counts.computeIfAbsent(word, w -> new long[1])[0] += count;
    total += count;
  }

  public void addAll(WordCounts other) {
    other.counts.forEach((w, c) -> add(w, c[0]));
  }

  /** Counts every pre-token of {@code text}. */
  public void addText(PreTokenizer pre, String text) {
    pre.split(text, (t, s, e) -> add(t.substring(s, e), 1));
  }

  public long count(String word) {
    long[] c = counts.get(word);
    return c == null ? 0 : c[0];
  }

  public int size() {
    return counts.size();
  }

  /** The sum of all counts (pre-tokens seen). */
  public long total() {
    return total;
  }

  /** Entries sorted by word (a deterministic order, whatever the insertion order was). */
  public List<Map.Entry<String, Long>> sortedEntries() {
    List<Map.Entry<String, Long>> out = new ArrayList<>(counts.size());
    counts.forEach((w, c) -> out.add(Map.entry(w, c[0])));
    out.sort(Map.Entry.comparingByKey());
    return out;
  }

  /**
   * Keeps words with count ≥ {@code minCount}, then at most {@code maxWords} of them (highest
   * count first, ties by word). Returns what was dropped.
   */
  public Pruning prune(long minCount, int maxWords) {
    long beforeWords = counts.size();
    long beforeTotal = total;
    counts.values().removeIf(c -> c[0] < minCount);
    if (maxWords > 0 && counts.size() > maxWords) {
      List<Map.Entry<String, Long>> all = sortedEntries();
      all.sort(Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue).reversed()
          .thenComparing(Map.Entry::getKey));
      for (Map.Entry<String, Long> e : all.subList(maxWords, all.size())) {
        counts.remove(e.getKey());
      }
    }
    total = 0;
    counts.values().forEach(c -> total += c[0]);
    return new Pruning(beforeWords, counts.size(), beforeTotal, total, minCount, maxWords);
  }

  /** What pruning the word table removed (distinct words and their occurrences). */
  public record Pruning(long wordsBefore, long wordsAfter, long occurrencesBefore, long occurrencesAfter,
      long minCount, int maxWords) {
    public static Pruning none(long words, long occurrences) {
      return new Pruning(words, words, occurrences, occurrences, 1, 0);
    }
  }
}
