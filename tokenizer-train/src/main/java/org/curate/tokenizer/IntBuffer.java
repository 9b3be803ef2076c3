package org.curate.tokenizer;

/** A reusable growable int buffer for callers outside this package (token ids of a document). */
public final class IntBuffer {
  final IntList list;

  public IntBuffer(int capacity) {
    list = new IntList(capacity);
  }

  public void add(int v) {
    list.add(v);
  }

  public int get(int i) {
    return list.data[i];
  }

  public int size() {
    return list.size;
  }

  public void clear() {
    list.size = 0;
  }

  public int[] toArray() {
    return list.toArray();
  }
}
