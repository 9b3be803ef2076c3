package org.curate.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class EdgeListComponentsTest {

  @Test
  void labelsChainsCyclesStarsAndSelfLoopsWithTheirSmallestVertex() {
    EdgeListComponents g = new EdgeListComponents();
    long[][] edges = {{9, 4}, {4, 12}, {12, 1}, {1, 15}, {15, 7}, {7, 20}, {20, 7}, {30, 31}, {31, 32}, {32, 30},
        {50, 41}, {50, 42}, {50, 43}, {60, 60}};
    for (long[] e : edges) {
      g.add(e[0], e[1]);
    }
    Map<Long, Long> expected = new TreeMap<>();
    for (long v : new long[] {1, 4, 7, 9, 12, 15, 20}) {
      expected.put(v, 1L);
    }
    for (long v : new long[] {30, 31, 32}) {
      expected.put(v, 30L);
    }
    for (long v : new long[] {41, 42, 43, 50}) {
      expected.put(v, 41L);
    }
    expected.put(60L, 60L);
    assertThat(asMap(g.components())).isEqualTo(expected);
  }

  @Test
  void agreesWithBreadthFirstSearchOnRandomSparseGraphs() {
    Random random = new Random(7);
    for (int trial = 0; trial < 20; trial++) {
      int n = 50 + random.nextInt(2000);
      int m = random.nextInt(2 * n);
      EdgeListComponents g = new EdgeListComponents();
      Map<Long, List<Long>> adjacency = new HashMap<>();
      for (int e = 0; e < m; e++) {
        // Sparse, widely spread ids (including negatives and large values), as row numbers are.
        long a = (random.nextInt(n) - n / 2) * 1_000_003L;
        long b = (random.nextInt(n) - n / 2) * 1_000_003L;
        g.add(a, b);
        adjacency.computeIfAbsent(a, k -> new ArrayList<>()).add(b);
        adjacency.computeIfAbsent(b, k -> new ArrayList<>()).add(a);
      }
      assertThat(asMap(g.components())).isEqualTo(bfsMinimumLabels(adjacency));
    }
  }

  @Test
  void anEmptyGraphHasNoVertices() {
    assertThat(new EdgeListComponents().components().vertices()).isEmpty();
  }

  private static Map<Long, Long> asMap(EdgeListComponents.Labels labels) {
    Map<Long, Long> out = new TreeMap<>();
    for (int i = 0; i < labels.vertices().length; i++) {
      out.put(labels.vertices()[i], labels.component()[i]);
    }
    assertThat(labels.vertices()).isSorted();
    return out;
  }

  private static Map<Long, Long> bfsMinimumLabels(Map<Long, List<Long>> adjacency) {
    Map<Long, Long> label = new TreeMap<>();
    for (long start : adjacency.keySet()) {
      if (label.containsKey(start)) {
        continue;
      }
      List<Long> seen = new ArrayList<>();
      ArrayDeque<Long> queue = new ArrayDeque<>(List.of(start));
      label.put(start, start);
      while (!queue.isEmpty()) {
        long v = queue.poll();
        seen.add(v);
        for (long w : adjacency.get(v)) {
          if (!label.containsKey(w)) {
            label.put(w, start);
            queue.add(w);
          }
        }
      }
      long min = seen.stream().mapToLong(Long::longValue).min().orElseThrow();
      seen.forEach(v -> label.put(v, min));
    }
    return label;
  }
}
