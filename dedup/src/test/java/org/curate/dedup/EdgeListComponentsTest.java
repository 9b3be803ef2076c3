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
    for (long[] e : ComponentsFixture.edges()) {
      g.add(e[0], e[1]);
    }
    assertThat(asMap(g.components())).isEqualTo(ComponentsFixture.labels());
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
