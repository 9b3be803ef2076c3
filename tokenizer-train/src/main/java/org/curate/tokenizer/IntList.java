package org.curate.tokenizer;

import java.util.Arrays;

/** A growable int array (no boxing). */
final class IntList {
  int[] data;
  int size;

  IntList() {
    this(4);
  }

  IntList(int capacity) {
    data = new int[Math.max(1, capacity)];
  }

  void add(int v) {
    if (size == data.length) {
      data = Arrays.copyOf(data, data.length * 2);
    }
    data[size++] = v;
  }

  /** Adds {@code v} unless it is the last element (callers add each word's entries together). */
  void addIfNotLast(int v) {
    if (size == 0 || data[size - 1] != v) {
      add(v);
    }
  }

  int[] toArray() {
    return Arrays.copyOf(data, size);
  }
}
