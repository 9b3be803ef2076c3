package org.curate.decontam;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * The protected n-grams of all benchmarks as 64-bit fingerprints: a sorted {@code long[]} with
 * a parallel {@code int[]} of the item each came from (an n-gram shared by several items appears
 * once per item), plus a one-word-per-lookup blocked Bloom prefilter (16 bits per entry, two bits
 * per key in the same 64-bit word) that answers most misses from one cache line before the
 * binary search confirms. About 12 bytes per protected n-gram plus 2 for the prefilter, no
 * object per n-gram; the five shared benchmarks give about 1.6 M n-grams, 23 MB. Immutable and
 * serialisable, so the Spark stage broadcasts it.
 *
 * <p>An item contributes, per text segment, every window of {@code n} words, or, when the
 * segment has fewer than {@code n} but at least {@code minN} words, its whole word sequence
 * (AFM's "4–13-gram" rule). A document is scanned for windows of every length some item
 * contributed.
 */
public final class ProtectedIndex implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int n;
  private final int minN;
  private final long[] keys;
  private final int[] entryItem;
  /** Global item index → benchmark index. */
  private final int[] itemBenchmark;
  private final String[] benchmarkNames;
  private final String[] benchmarkReasons;
  /** Lengths some entry has, longest first. */
  private final int[] lengths;
  private final long[] filter;
  private final int filterShift;
  /** Per benchmark: items that contributed no n-gram (all segments shorter than minN words). */
  private final int[] shortItems;
  /** Per benchmark: distinct protected fingerprints. */
  private final long[] distinctNgrams;
  private final int[] itemOffset;

  private ProtectedIndex(int n, int minN, long[] keys, int[] entryItem, int[] itemBenchmark, int[] itemOffset,
      String[] names, String[] reasons, int[] lengths, int[] shortItems, long[] distinctNgrams) {
    this.n = n;
    this.minN = minN;
    this.keys = keys;
    this.entryItem = entryItem;
    this.itemBenchmark = itemBenchmark;
    this.itemOffset = itemOffset;
    this.benchmarkNames = names;
    this.benchmarkReasons = reasons;
    this.lengths = lengths;
    this.shortItems = shortItems;
    this.distinctNgrams = distinctNgrams;
    int bits = 128;
    while (bits < (long) keys.length * 16 && bits < (1 << 30)) {
      bits <<= 1;
    }
    int words = bits / 64;
    this.filter = new long[words];
    this.filterShift = 64 - Integer.numberOfTrailingZeros(words);
    for (long k : keys) {
      filter[word(k)] |= mask(k);
    }
  }

  /** Builds the index of {@code benchmarks} under {@code options} (n and min n). */
  public static ProtectedIndex build(List<Benchmark> benchmarks, DecontamOptions options) {
    int n = options.n();
    int minN = options.minN();
    int items = benchmarks.stream().mapToInt(b -> b.items().size()).sum();
    int[] itemBenchmark = new int[items];
    int[] itemOffset = new int[benchmarks.size() + 1];
    int[] shortItems = new int[benchmarks.size()];
    long[] keys = new long[1 << 16];
    int[] entryItem = new int[1 << 16];
    int size = 0;
    boolean[] lengthSeen = new boolean[n + 1];
    NormalizedTokens tokens = new NormalizedTokens();
    NgramHash hash = new NgramHash();
    int g = 0;
    for (int b = 0; b < benchmarks.size(); b++) {
      itemOffset[b] = g;
      for (BenchmarkItem item : benchmarks.get(b).items()) {
        itemBenchmark[g] = b;
        int itemStart = size;
        for (String segment : item.segments()) {
          tokens.of(segment);
          int len = tokens.size();
          int k = len >= n ? n : len >= minN ? len : 0;
          if (k == 0) {
            continue;
          }
          lengthSeen[k] = true;
          hash.over(tokens);
          for (int i = 0; i + k <= len; i++) {
            if (size == keys.length) {
              keys = Arrays.copyOf(keys, size * 2);
              entryItem = Arrays.copyOf(entryItem, size * 2);
            }
            keys[size] = hash.window(i, k);
            entryItem[size] = g;
            size++;
          }
        }
        if (size == itemStart) {
          shortItems[b]++;
        }
        g++;
      }
    }
    itemOffset[benchmarks.size()] = g;
    keys = Arrays.copyOf(keys, size);
    entryItem = Arrays.copyOf(entryItem, size);
    PairSort.sort(keys, entryItem);
    // Drop repeated (key, item) pairs: an n-gram repeated inside one item counts once.
    int w = 0;
    for (int i = 0; i < size; i++) {
      if (w == 0 || keys[i] != keys[w - 1] || entryItem[i] != entryItem[w - 1]) {
        keys[w] = keys[i];
        entryItem[w] = entryItem[i];
        w++;
      }
    }
    keys = Arrays.copyOf(keys, w);
    entryItem = Arrays.copyOf(entryItem, w);
    long[] distinct = new long[benchmarks.size()];
    for (int i = 0; i < w; ) {
      int j = i;
      java.util.BitSet seen = null;
      int first = itemBenchmark[entryItem[i]];
      distinct[first]++;
      while (++j < w && keys[j] == keys[i]) {
        int bj = itemBenchmark[entryItem[j]];
        if (bj != first) {
          if (seen == null) {
            seen = new java.util.BitSet();
            seen.set(first);
          }
          if (!seen.get(bj)) {
            seen.set(bj);
            distinct[bj]++;
          }
        }
      }
      i = j;
    }
    int count = 0;
    for (boolean seenLen : lengthSeen) {
      count += seenLen ? 1 : 0;
    }
    int[] lengths = new int[count];
    int li = 0;
    for (int k = n; k >= 1; k--) {
      if (lengthSeen[k]) {
        lengths[li++] = k;
      }
    }
    String[] names = benchmarks.stream().map(Benchmark::name).toArray(String[]::new);
    String[] reasons = benchmarks.stream().map(Benchmark::reason).toArray(String[]::new);
    return new ProtectedIndex(n, minN, keys, entryItem, itemBenchmark, itemOffset, names, reasons, lengths,
        shortItems, distinct);
  }

  private int word(long key) {
    return (int) (key >>> filterShift);
  }

  private static long mask(long key) {
    return (1L << (key & 63)) | (1L << ((key >>> 6) & 63));
  }

  /** True when {@code key} is a protected fingerprint. */
  public boolean contains(long key) {
    long m = mask(key);
    if ((filter[word(key)] & m) != m) {
      return false;
    }
    return Arrays.binarySearch(keys, key) >= 0;
  }

  /** Index of the first entry with {@code key}, or -1. */
  public int firstEntry(long key) {
    int i = Arrays.binarySearch(keys, key);
    if (i < 0) {
      return -1;
    }
    while (i > 0 && keys[i - 1] == key) {
      i--;
    }
    return i;
  }

  /** Number of entries (protected (n-gram, item) pairs). */
  public int entries() {
    return keys.length;
  }

  public long key(int entry) {
    return keys[entry];
  }

  /** Global item index of an entry. */
  public int item(int entry) {
    return entryItem[entry];
  }

  public int benchmarkOfItem(int item) {
    return itemBenchmark[item];
  }

  /** Index of the item within its benchmark. */
  public int localItem(int item) {
    return item - itemOffset[itemBenchmark[item]];
  }

  public int benchmarks() {
    return benchmarkNames.length;
  }

  public String benchmarkName(int b) {
    return benchmarkNames[b];
  }

  /** The drop reason of benchmark {@code b}: {@code decontam:<name>}. */
  public String benchmarkReason(int b) {
    return benchmarkReasons[b];
  }

  public int items(int b) {
    return itemOffset[b + 1] - itemOffset[b];
  }

  public int shortItems(int b) {
    return shortItems[b];
  }

  public long distinctNgrams(int b) {
    return distinctNgrams[b];
  }

  public int n() {
    return n;
  }

  public int minN() {
    return minN;
  }

  /** The window lengths scanned, longest first. */
  public int[] lengths() {
    return lengths.clone();
  }

  int[] lengthsView() {
    return lengths;
  }

  /** Approximate heap size in bytes. */
  public long bytes() {
    return keys.length * 12L + filter.length * 8L + itemBenchmark.length * 4L;
  }

  /** In-place sort of parallel arrays by (key, value). */
  static final class PairSort {
    private PairSort() {}

    static void sort(long[] k, int[] v) {
      quick(k, v, 0, k.length - 1);
    }

    private static boolean less(long[] k, int[] v, int i, long pk, int pv) {
      return k[i] < pk || (k[i] == pk && v[i] < pv);
    }

    private static boolean greater(long[] k, int[] v, int i, long pk, int pv) {
      return k[i] > pk || (k[i] == pk && v[i] > pv);
    }

    private static void quick(long[] k, int[] v, int lo, int hi) {
      while (hi - lo > 16) {
        int mid = (lo + hi) >>> 1;
        long pk = k[mid];
        int pv = v[mid];
        int i = lo;
        int j = hi;
        while (i <= j) {
          while (less(k, v, i, pk, pv)) {
            i++;
          }
          while (greater(k, v, j, pk, pv)) {
            j--;
          }
          if (i <= j) {
            swap(k, v, i++, j--);
          }
        }
        if (j - lo < hi - i) {
          quick(k, v, lo, j);
          lo = i;
        } else {
          quick(k, v, i, hi);
          hi = j;
        }
      }
      for (int i = lo + 1; i <= hi; i++) {
        for (int j = i; j > lo && greater(k, v, j - 1, k[j], v[j]); j--) {
          swap(k, v, j, j - 1);
        }
      }
    }

    private static void swap(long[] k, int[] v, int a, int b) {
      long tk = k[a];
      k[a] = k[b];
      k[b] = tk;
      int tv = v[a];
      v[a] = v[b];
      v[b] = tv;
    }
  }
}
