package org.curate.decontam;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.curate.core.Outcome;

/**
 * Pass 2 of decontamination for one document: given the protected fingerprints it contains, the
 * ones excused as common usage and who owns each ({@link HitOwners}), decides whether it is
 * dropped ({@code decontam:<benchmark>}), cut (window mode) or kept. Holds only the benchmark
 * names, the window lengths and the options (a few KB even for hundreds of benchmarks), so the
 * Spark stage can ship it to executors when the index itself is too large to broadcast.
 */
public final class ContaminationJudge implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);
  private static final Decontaminator.Verdict CLEAN = new Decontaminator.Verdict(null, null, -1, 0);

  private final String[] names;
  private final String[] reasons;
  private final int[] lengths;
  private final DecontamOptions options;

  private ContaminationJudge(String[] names, String[] reasons, int[] lengths, DecontamOptions options) {
    this.names = names;
    this.reasons = reasons;
    this.lengths = lengths;
    this.options = options;
  }

  public static ContaminationJudge of(ProtectedIndex index, DecontamOptions options) {
    String[] names = new String[index.benchmarks()];
    String[] reasons = new String[index.benchmarks()];
    for (int b = 0; b < names.length; b++) {
      names[b] = index.benchmarkName(b);
      reasons[b] = index.benchmarkReason(b);
    }
    return new ContaminationJudge(names, reasons, index.lengths(), options);
  }

  private static final class Scratch {
    final NormalizedTokens tokens = new NormalizedTokens();
    final NgramHash hash = new NgramHash();
  }

  public DecontamOptions options() {
    return options;
  }

  /** The change code of a document cut in window mode: {@code decontam_cut:<benchmark>}. */
  public String cutCode(int benchmark) {
    return cutCode(reasons[benchmark]);
  }

  /** {@code decontam:<name>} → {@code decontam_cut:<name>}. */
  static String cutCode(String reason) {
    return "decontam_cut:" + reason.substring("decontam:".length());
  }

  /**
   * The verdict for a document with the sorted protected fingerprints {@code hits}, given the
   * sorted fingerprints {@code excused} as common usage. The benchmark named in the reason is the
   * one with the most live hits (ties: the first loaded).
   */
  public Decontaminator.Verdict judge(CharSequence text, long[] hits, long[] excused, HitOwners owners) {
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
        perBenchmark = new int[names.length];
      }
      for (int b : owners.benchmarksOf(fp)) {
        perBenchmark[b]++;
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
    String reason = reasons[best];
    String detail = live + " protected n-gram(s) of " + names[best] + ", e.g. item " + owners.firstLocalItem(firstLive);
    if (options.mode() == DecontamOptions.Mode.DROP) {
      return new Decontaminator.Verdict(new Outcome.Dropped<>(reason, detail), null, best, live);
    }
    List<String> pieces = cut(text, hits, excused);
    if (pieces.isEmpty() || pieces.size() > options.maxPieces()) {
      return new Decontaminator.Verdict(new Outcome.Dropped<>(reason, detail + "; window mode: " + pieces.size()
          + " piece(s) left (kept only 1.." + options.maxPieces() + ")"), null, best, live);
    }
    return new Decontaminator.Verdict(null, String.join("\n", pieces), best, live);
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
    for (int k : lengths) {
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
