package org.curate.core;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Per-stage accounting: how many items came in, how many went out, and how many were dropped or
 * failed, by reason. The invariant {@code in = out + Σ dropped + Σ failed} is what makes "nothing
 * lost" checkable; {@link #checkConservation(String)} enforces it. Maps are sorted so the JSON a
 * stage writes is byte-identical from run to run.
 */
public final class StageCounts {
  private long in;
  private long out;
  private final TreeMap<String, Long> dropped = new TreeMap<>();
  private final TreeMap<String, Long> failed = new TreeMap<>();
  /** Kept items a step rewrote, by change code (an item may count under several); not part of the invariant. */
  private final TreeMap<String, Long> changed = new TreeMap<>();

  public StageCounts() {}

  public StageCounts(long in, long out, Map<String, Long> dropped, Map<String, Long> failed) {
    this.in = in;
    this.out = out;
    dropped.forEach((k, v) -> this.dropped.merge(ReasonCode.check(k), v, Long::sum));
    failed.forEach((k, v) -> this.failed.merge(ReasonCode.check(k), v, Long::sum));
  }

  /** Counts one item that came in and ended with {@code outcome}. */
  public void record(Outcome<?> outcome) {
    in++;
    if (outcome instanceof Outcome.Kept<?> kept) {
      out++;
      kept.changes().forEach(c -> changed.merge(c, 1L, Long::sum));
    } else if (outcome instanceof Outcome.Dropped<?> d) {
      dropped.merge(d.reason(), 1L, Long::sum);
    } else if (outcome instanceof Outcome.Failed<?> f) {
      failed.merge(f.reason(), 1L, Long::sum);
    }
  }

  public StageCounts merge(StageCounts other) {
    in += other.in;
    out += other.out;
    other.dropped.forEach((k, v) -> dropped.merge(k, v, Long::sum));
    other.failed.forEach((k, v) -> failed.merge(k, v, Long::sum));
    other.changed.forEach((k, v) -> changed.merge(k, v, Long::sum));
    return this;
  }

  public long in() {
    return in;
  }

  public long out() {
    return out;
  }

  public SortedMap<String, Long> dropped() {
    return Collections.unmodifiableSortedMap(dropped);
  }

  public SortedMap<String, Long> failed() {
    return Collections.unmodifiableSortedMap(failed);
  }

  public SortedMap<String, Long> changed() {
    return Collections.unmodifiableSortedMap(changed);
  }

  /** Records rewrite counts computed elsewhere (e.g. aggregated on Spark). */
  public StageCounts withChanged(Map<String, Long> counts) {
    counts.forEach((k, v) -> changed.merge(ReasonCode.check(k), v, Long::sum));
    return this;
  }

  public long droppedTotal() {
    return dropped.values().stream().mapToLong(Long::longValue).sum();
  }

  public long failedTotal() {
    return failed.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Throws {@link ConservationViolation} unless {@code in = out + Σ dropped + Σ failed}. */
  public StageCounts checkConservation(String stage) {
    long accounted = out + droppedTotal() + failedTotal();
    if (accounted != in) {
      throw new ConservationViolation(stage + ": in=" + in + " but out+dropped+failed=" + accounted
          + " (out=" + out + ", dropped=" + dropped + ", failed=" + failed + ")");
    }
    return this;
  }

  @Override
  public String toString() {
    return "in=" + in + " out=" + out + " dropped=" + dropped + " failed=" + failed
        + (changed.isEmpty() ? "" : " changed=" + changed);
  }

  /** A stage lost or invented items: always a bug, never a data problem, so it stops the run. */
  public static final class ConservationViolation extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public ConservationViolation(String message) {
      super(message);
    }
  }
}
