package org.curate.decontam;

import java.io.Serializable;
import java.util.Arrays;
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
  private final ContaminationJudge judge;

  public Decontaminator(ProtectedIndex index, DecontamOptions options) {
    if (index.n() != options.n() || index.minN() != options.minN()) {
      throw new IllegalArgumentException("index built for n=" + index.n() + "/min " + index.minN()
          + " but options say n=" + options.n() + "/min " + options.minN());
    }
    this.index = index;
    this.options = options;
    this.judge = ContaminationJudge.of(index, options);
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
    return sortedDistinct(s.found, found);
  }

  /** The distinct values of {@code values[0, n)}, ascending, in a new array. */
  static long[] sortedDistinct(long[] values, int n) {
    long[] out = Arrays.copyOf(values, n);
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

  /**
   * The verdict for a document with protected fingerprints {@code hits} (from {@link #scan}),
   * given the sorted fingerprints {@code excused} as common usage; see {@link ContaminationJudge}.
   */
  public Verdict judge(CharSequence text, long[] hits, long[] excused) {
    return judge.judge(text, hits, excused, index);
  }

  /** The verdict logic alone (no index): what executors need when the index is joined, not broadcast. */
  public ContaminationJudge judge() {
    return judge;
  }
}
