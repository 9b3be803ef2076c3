package org.curate.tokenizer;

/** Open-addressing long → long map (keys ≥ 0, no boxing); absent keys read as 0. */
final class LongLongMap {
  private static final long EMPTY = -1L;
  private long[] keys;
  private long[] values;
  private int size;
  private int mask;

  LongLongMap(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
    keys = new long[cap];
    values = new long[cap];
    java.util.Arrays.fill(keys, EMPTY);
    mask = cap - 1;
  }

  private static int hash(long k) {
    long h = k * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }

  long get(long key) {
    int i = hash(key) & mask;
    while (true) {
      long k = keys[i];
      if (k == key) {
        return values[i];
      }
      if (k == EMPTY) {
        return 0;
      }
      i = (i + 1) & mask;
    }
  }

  /** The value of {@code key}, or {@code missing} when absent. */
  long getOrDefault(long key, long missing) {
    int i = hash(key) & mask;
    while (true) {
      long k = keys[i];
      if (k == key) {
        return values[i];
      }
      if (k == EMPTY) {
        return missing;
      }
      i = (i + 1) & mask;
    }
  }

  /** Sets {@code key} to {@code value}. */
  void put(long key, long value) {
    int i = hash(key) & mask;
    while (true) {
      long k = keys[i];
      if (k == key || k == EMPTY) {
        if (k == EMPTY) {
          keys[i] = key;
          if (++size * 2 > keys.length) {
            values[i] = value;
            grow();
            return;
          }
        }
        values[i] = value;
        return;
      }
      i = (i + 1) & mask;
    }
  }

  /** Adds {@code delta} and returns the new value. */
  long add(long key, long delta) {
    int i = hash(key) & mask;
    while (true) {
      long k = keys[i];
      if (k == key) {
        return values[i] += delta;
      }
      if (k == EMPTY) {
        keys[i] = key;
        values[i] = delta;
        if (++size * 2 > keys.length) {
          grow();
        }
        return delta;
      }
      i = (i + 1) & mask;
    }
  }

  int size() {
    return size;
  }

  private void grow() {
    long[] oldKeys = keys;
    long[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new long[oldKeys.length * 2];
    java.util.Arrays.fill(keys, EMPTY);
    mask = keys.length - 1;
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        add(oldKeys[i], oldValues[i]);
      }
    }
  }
}
