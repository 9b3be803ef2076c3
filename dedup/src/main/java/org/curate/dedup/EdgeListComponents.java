package org.curate.dedup;

import java.util.Arrays;

/**
 * Connected components of a graph given as an edge list of long vertex ids, in memory: each
 * vertex on an edge is labelled with the smallest vertex of its component (the same labels as the
 * distributed large-star/small-star rounds give). Union-find over the sorted distinct vertices
 * (array indices, no boxing): about 40 bytes per edge in all, so a graph of a few million edges
 * fits in one task.
 *
 * <p>Edges are added with {@link #add}, then {@link #components} is called once.
 */
public final class EdgeListComponents {
  private long[] src = new long[1024];
  private long[] dst = new long[1024];
  private int size;

  /** Adds the undirected edge (a, b); a self-loop only makes its vertex known. */
  public void add(long a, long b) {
    if (size == src.length) {
      src = Arrays.copyOf(src, size * 2);
      dst = Arrays.copyOf(dst, size * 2);
    }
    src[size] = a;
    dst[size] = b;
    size++;
  }

  /** Each vertex on an edge and its component's smallest vertex: sorted by vertex. */
  public Labels components() {
    long[] vertices = new long[2 * size];
    System.arraycopy(src, 0, vertices, 0, size);
    System.arraycopy(dst, 0, vertices, size, size);
    Arrays.sort(vertices);
    int n = 0;
    for (int i = 0; i < vertices.length; i++) {
      if (n == 0 || vertices[i] != vertices[n - 1]) {
        vertices[n++] = vertices[i];
      }
    }
    vertices = Arrays.copyOf(vertices, n);
    // parent[i] < i after every union (the root is the smaller index), and indices are in
    // vertex order, so each root is its component's smallest vertex.
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    for (int e = 0; e < size; e++) {
      int a = root(parent, Arrays.binarySearch(vertices, src[e]));
      int b = root(parent, Arrays.binarySearch(vertices, dst[e]));
      if (a < b) {
        parent[b] = a;
      } else if (b < a) {
        parent[a] = b;
      }
    }
    long[] component = new long[n];
    for (int i = 0; i < n; i++) {
      component[i] = vertices[root(parent, i)];
    }
    return new Labels(vertices, component);
  }

  /** Root of i, halving the path on the way (each visited node skips to its grandparent). */
  private static int root(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  /** {@code component[i]} is the smallest vertex of {@code vertices[i]}'s component. */
  public record Labels(long[] vertices, long[] component) {}
}
