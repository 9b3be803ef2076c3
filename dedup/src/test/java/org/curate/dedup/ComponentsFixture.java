package org.curate.dedup;

import java.util.Map;
import java.util.TreeMap;

/**
 * A small graph with known components, checked by both the union-find ({@link EdgeListComponents})
 * and the Spark connected-components tests: a long chain in scrambled order (the worst case for
 * naive label propagation), a cycle, a star whose centre is not the minimum, a duplicated
 * reversed edge and a self-loop.
 */
public final class ComponentsFixture {
  private ComponentsFixture() {}

  /** The self-loop's vertex: it has no edge to another vertex. */
  public static final long SELF_LOOP = 60;

  /** Edges as (src, dst) pairs. */
  public static long[][] edges() {
    return new long[][] {{9, 4}, {4, 12}, {12, 1}, {1, 15}, {15, 7}, {7, 20}, {20, 7}, {30, 31}, {31, 32}, {32, 30},
        {50, 41}, {50, 42}, {50, 43}, {SELF_LOOP, SELF_LOOP}};
  }

  /** Every vertex's label, its component's smallest vertex (the self-loop's vertex is its own). */
  public static Map<Long, Long> labels() {
    Map<Long, Long> labels = new TreeMap<>();
    for (long v : new long[] {1, 4, 7, 9, 12, 15, 20}) {
      labels.put(v, 1L);
    }
    for (long v : new long[] {30, 31, 32}) {
      labels.put(v, 30L);
    }
    for (long v : new long[] {41, 42, 43, 50}) {
      labels.put(v, 41L);
    }
    labels.put(SELF_LOOP, SELF_LOOP);
    return labels;
  }
}
