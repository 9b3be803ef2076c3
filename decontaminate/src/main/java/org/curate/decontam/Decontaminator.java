package org.curate.decontam;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.curate.core.Outcome;

/**
 * The per-document work of decontamination, in two steps that a distributed job runs in two
 * passes: {@link #scan} finds the protected n-grams a document contains (pass 1 counts, per
 * n-gram, the documents containing it: its collision count); {@link #judge} decides, given the
 * n-grams excused as common usage (collision count at or above the threshold), whether the
 * document is dropped ({@code decontam:<benchmark>}), cut (window mode) or kept.
 *
 * <p>Serialisable (the index is the only state); scanning uses per-thread scratch buffers.
 */
public final class Decontaminator implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final long[] NONE = new long[0];
  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  private final ProtectedIndex index;
  private final DecontamOptions options;

  public Decontaminator(ProtectedIndex index, DecontamOptions options) {
    if (index.n() != options.n() || index.minN() != options.minN()) {
      throw new IllegalArgumentException("index built for n=" + index.n() + "/min " + index.minN()
          + " but options say n=" + options.n() + "/min " + options.minN());
    }
    this.index = index;
    this.options = options;
  }

  public ProtectedIndex index() {
    return index;
  }

  public DecontamOptions options() {
    return options;
  }

  private static final class Scratch {
    final NormalizedTokens tokens = new NormalizedTokens();
    final NgramHash hash = new NgramHash();
    long[] found = new long[16];
  }

  /** The distinct protected fingerprints {@code text} contains, sorted; empty when clean. */
  public long[] scan(CharSequence text) {
    Scratch s = SCRATCH.get();
    NormalizedTokens t = s.tokens.of(text);
    int size = t.size();
    if (size == 0) {
      return NONE;
    }
    s.hash.over(t);
    int found = 0;
    int n = index.n();
    int minN = index.minN();
    int[] shortLengths = index.shortLengthsView();
    NgramHash hash = s.hash;
    for (int i = 0; i + minN <= size; i++) {
      if (i + n <= size) {
        long fp = hash.window(i, n);
        if (index.mightContain(fp, n) && index.contains(fp, n)) {
          found = add(s, found, fp);
        }
      }
      // Shorter whole-item sequences: only where some of them could start.
      if (shortLengths.length > 0 && index.mightStartShort(hash.window(i, minN))) {
        for (int k : shortLengths) {
          if (i + k <= size) {
            long fp = hash.window(i, k);
            if (index.mightContain(fp, k) && index.contains(fp, k)) {
              found = add(s, found, fp);
            }
          }
        }
      }
    }
    if (found == 0) {
      return NONE;
    }
    long[] out = Arrays.copyOf(s.found, found);
    Arrays.sort(out);
    int w = 1;
    for (int i = 1; i < out.length; i++) {
      if (out[i] != out[w - 1]) {
        out[w++] = out[i];
      }
    }
    return w == out.length ? out : Arrays.copyOf(out, w);
  }

  private static int add(Scratch s, int found, long fp) {
    if (found == s.found.length) {
      s.found = Arrays.copyOf(s.found, found * 2);
    }
    s.found[found] = fp;
    return found + 1;
  }

  /** What became of one document. */
  public record Verdict(Outcome.Dropped<Void> drop, String cutText, int benchmark, int liveHits) {
    public boolean dropped() {
      return drop != null;
    }

    public boolean cut() {
      return cutText != null;
    }
  }

  private static final Verdict CLEAN = new Verdict(null, null, -1, 0);

  /**
   * The verdict for a document with protected fingerprints {@code hits} (from {@link #scan}),
   * given the sorted fingerprints {@code excused} as common usage. The benchmark named in the
   * reason is the one with the most live hits (ties: the first loaded).
   */
  public Verdict judge(CharSequence text, long[] hits, long[] excused) {
    if (hits.length == 0) {
      return CLEAN;
    }
    int[] perBenchmark = null;
    int live = 0;
    long firstLive = 0;
    for (long fp : hits) {
      if (Arrays.binarySearch(excused, fp) >= 0) {
        continue;
      }
      if (live++ == 0) {
        firstLive = fp;
        perBenchmark = new int[index.benchmarks()];
      }
      int lastB = -1;
      for (int e = index.firstEntry(fp); e >= 0 && e < index.entries() && index.key(e) == fp; e++) {
        int b = index.benchmarkOfItem(index.item(e));
        if (b != lastB) {
          perBenchmark[b]++;
          lastB = b;
        }
      }
    }
    if (live == 0) {
      return CLEAN;
    }
    int best = 0;
    for (int b = 1; b < perBenchmark.length; b++) {
      if (perBenchmark[b] > perBenchmark[best]) {
        best = b;
      }
    }
    String reason = index.benchmarkReason(best);
    String detail = live + " protected n-gram(s) of " + index.benchmarkName(best) + ", e.g. item "
        + index.localItem(index.item(index.firstEntry(firstLive)));
    if (options.mode() == DecontamOptions.Mode.DROP) {
      return new Verdict(new Outcome.Dropped<>(reason, detail), null, best, live);
    }
    List<String> pieces = cut(text, hits, excused);
    if (pieces.isEmpty() || pieces.size() > options.maxPieces()) {
      return new Verdict(new Outcome.Dropped<>(reason, detail + "; window mode: " + pieces.size()
          + " piece(s) left (kept only 1.." + options.maxPieces() + ")"), null, best, live);
    }
    return new Verdict(null, String.join("\n", pieces), best, live);
  }

  /**
   * GPT-3's cut: remove each live hit plus {@code windowChars} characters on each side, split the
   * text at the removed spans, drop pieces shorter than {@code minPieceChars}; returns the pieces.
   */
  List<String> cut(CharSequence text, long[] hits, long[] excused) {
    Scratch s = SCRATCH.get();
    NormalizedTokens t = s.tokens.of(text);
    s.hash.over(t);
    int size = t.size();
    List<int[]> spans = new ArrayList<>();
    for (int k : index.lengthsView()) {
      for (int i = 0; i + k <= size; i++) {
        long fp = s.hash.window(i, k);
        if (Arrays.binarySearch(hits, fp) >= 0 && Arrays.binarySearch(excused, fp) < 0) {
          spans.add(new int[] {Math.max(0, t.start(i) - options.windowChars()),
              Math.min(text.length(), t.end(i + k - 1) + options.windowChars())});
        }
      }
    }
    spans.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
    List<String> pieces = new ArrayList<>();
    int pos = 0;
    for (int[] span : spans) {
      if (span[0] > pos) {
        addPiece(pieces, text.subSequence(pos, span[0]).toString());
      }
      pos = Math.max(pos, span[1]);
    }
    if (pos < text.length()) {
      addPiece(pieces, text.subSequence(pos, text.length()).toString());
    }
    return pieces;
  }

  private void addPiece(List<String> pieces, String piece) {
    String p = piece.strip();
    if (p.length() >= options.minPieceChars() && !p.isEmpty()) {
      pieces.add(p);
    }
  }
}
