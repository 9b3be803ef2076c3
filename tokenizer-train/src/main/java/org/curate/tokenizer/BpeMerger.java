package org.curate.tokenizer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Incremental BPE training over a word → count table, following HF tokenizers' trainer
 * ({@code models/bpe/trainer.rs}): pair counts, a max-heap of merge candidates each carrying the
 * words it occurs in, lazy re-queueing of stale counts, left-to-right non-overlapping merges in
 * each word and count deltas for the neighbouring pairs. Tie-break: higher count first, then the
 * smaller {@code (left id, right id)}; identical candidates pop in creation order. Counts are
 * {@code long} (HF's are {@code i32}). Work and memory scale with distinct words, not corpus size.
 */
public final class BpeMerger {
  /** A learned merge: {@code left + right → result}. */
  public record Merge(int left, int right, int result) {}

  private static final class Candidate {
    long count;
    final long pair;
    final long seq;
    final IntList words;

    Candidate(long count, long pair, long seq, IntList words) {
      this.count = count;
      this.pair = pair;
      this.seq = seq;
      this.words = words;
    }
  }

  private final int[][] symbols;
  private final int[] lengths;
  private final long[] counts;
  private final List<String> tokens;
  private final Map<String, Integer> tokenIds;
  private final LongLongMap pairCounts;
  private final Set<Long> banned = new HashSet<>();
  private final List<Merge> merges = new ArrayList<>();
  private long seq;

  /**
   * @param words each word as symbol ids (copied; only the first {@code lengths[i]} are used)
   * @param initialTokens the strings of ids {@code 0..n-1}: specials, then the alphabet
   */
  public BpeMerger(int[][] words, long[] counts, List<String> initialTokens) {
    this.symbols = new int[words.length][];
    this.lengths = new int[words.length];
    long pairs = 0;
    for (int i = 0; i < words.length; i++) {
      symbols[i] = words[i].clone();
      lengths[i] = words[i].length;
      pairs += Math.max(0, words[i].length - 1);
    }
    this.counts = counts.clone();
    this.tokens = new ArrayList<>(initialTokens);
    this.tokenIds = new HashMap<>();
    for (int i = 0; i < tokens.size(); i++) {
      tokenIds.putIfAbsent(tokens.get(i), i);
    }
    this.pairCounts = new LongLongMap((int) Math.min(1 << 24, Math.max(16, pairs / 2)));
  }

  private static long key(int a, int b) {
    return ((long) a << 32) | (b & 0xFFFFFFFFL);
  }

  /**
   * Merges until the vocabulary has {@code vocabSize} tokens, no pair is left, or the best pair
   * occurs fewer than {@code max(1, minFrequency)} times. A merge whose result {@code valid}
   * rejects is never made (SentencePiece's piece rules); null accepts all.
   */
  public List<Merge> train(int vocabSize, long minFrequency, Predicate<String> valid) {
    PriorityQueue<Candidate> queue = new PriorityQueue<>(BpeMerger::compare);
    HashMap<Long, IntList> where = new HashMap<>();
    for (int w = 0; w < symbols.length; w++) {
      int[] s = symbols[w];
      for (int i = 0; i + 1 < lengths[w]; i++) {
        long k = key(s[i], s[i + 1]);
        pairCounts.add(k, counts[w]);
        where.computeIfAbsent(k, x -> new IntList(2)).addIfNotLast(w);
      }
    }
    pushAll(queue, where);
    HashMap<Long, IntList> formed = new HashMap<>();
    while (tokens.size() < vocabSize && !queue.isEmpty()) {
      Candidate top = queue.poll();
      long current = pairCounts.get(top.pair);
      if (top.count != current) {
        top.count = current;
        queue.add(top);
        continue;
      }
      if (top.count < 1 || minFrequency > top.count) {
        break;
      }
      int a = (int) (top.pair >>> 32);
      int b = (int) top.pair;
      if (banned.contains(top.pair)) {
        continue;
      }
      String merged = tokens.get(a) + tokens.get(b);
      if (valid != null && !valid.test(merged)) {
        banned.add(top.pair);
        continue;
      }
      Integer existing = tokenIds.get(merged);
      int id;
      if (existing != null) {
        id = existing;
      } else {
        id = tokens.size();
        tokens.add(merged);
        tokenIds.put(merged, id);
      }
      merges.add(new Merge(a, b, id));
      IntList ws = top.words;
      for (int j = 0; j < ws.size; j++) {
        mergeWord(ws.data[j], a, b, id, formed);
      }
      pushAll(queue, formed);
      formed.clear();
    }
    return List.copyOf(merges);
  }

  private void pushAll(PriorityQueue<Candidate> queue, HashMap<Long, IntList> where) {
    for (Map.Entry<Long, IntList> e : where.entrySet()) {
      long count = pairCounts.get(e.getKey());
      if (count > 0 && !banned.contains(e.getKey())) {
        queue.add(new Candidate(count, e.getKey(), seq++, e.getValue()));
      }
    }
  }

  private static int compare(Candidate x, Candidate y) {
    if (x.count != y.count) {
      return x.count > y.count ? -1 : 1;
    }
    if (x.pair != y.pair) {
      return x.pair < y.pair ? -1 : 1;
    }
    return Long.compare(x.seq, y.seq);
  }

  /** HF's {@code Word::merge}: left to right, non-overlapping, with neighbour pair deltas. */
  private void mergeWord(int w, int a, int b, int id, HashMap<Long, IntList> formed) {
    int[] s = symbols[w];
    int n = lengths[w];
    long c = counts[w];
    int out = 0;
    int i = 0;
    while (i < n) {
      if (i + 1 < n && s[i] == a && s[i + 1] == b) {
        if (out > 0) {
          int prev = s[out - 1];
          pairCounts.add(key(prev, a), -c);
          change(key(prev, id), c, w, formed);
        }
        if (i + 2 < n) {
          int next = s[i + 2];
          pairCounts.add(key(b, next), -c);
          change(key(id, next), c, w, formed);
        }
        s[out++] = id;
        i += 2;
      } else {
        s[out++] = s[i++];
      }
    }
    lengths[w] = out;
  }

  private void change(long pair, long c, int w, HashMap<Long, IntList> formed) {
    pairCounts.add(pair, c);
    formed.computeIfAbsent(pair, x -> new IntList(2)).addIfNotLast(w);
  }

  /** Token strings by id after training: the initial tokens, then each new merge result. */
  public List<String> tokens() {
    return List.copyOf(tokens);
  }
}
