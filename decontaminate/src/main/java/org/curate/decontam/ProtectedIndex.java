package org.curate.decontam;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * The protected n-grams of all benchmarks as 64-bit fingerprints: a sorted {@code long[]} with
 * a parallel {@code int[]} of the item each came from (an n-gram shared by several items appears
 * once per item), plus one-word-per-lookup blocked Bloom prefilters (16 bits per entry, two bits
 * per key in the same 64-bit word) that answer most misses from one cache line before the
 * binary search confirms: one for the n-grams of full length, one for the shorter whole-item
 * sequences (few, so their filter stays in cache while a document is probed at every length). About 12 bytes per protected n-gram plus 2 for the prefilter, no
 * object per n-gram; the five shared benchmarks give about 1.6 M n-grams, 23 MB. Immutable and
 * serialisable, so the Spark stage broadcasts it.
 *
 * <p>An item contributes, per text segment, every window of {@code n} words, or, when the
 * segment has fewer than {@code n} but at least {@code minN} words, its whole word sequence
 * (AFM's "4–13-gram" rule). A document is scanned for windows of every length some item
 * contributed.
 */
public final class ProtectedIndex implements Serializable, HitOwners {
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
  /** Prefilter of the n-grams of full length n (most entries). */
  private final long[] filter;
  private final int filterShift;
  /** Prefilter of the shorter whole-item sequences (few entries: small enough to stay in cache). */
  private final long[] shortFilter;
  private final int shortFilterShift;
  /** The distinct shorter sequences' fingerprints, sorted: confirms short hits without touching the big array. */
  private final long[] shortSorted;
  /**
   * Filter of the fingerprints of the first {@code minN} words of every shorter sequence: a
   * document position whose {@code minN}-gram misses it cannot start one, so the other short
   * lengths are not probed there.
   */
  private final long[] shortPrefixFilter;
  private final int shortPrefixShift;
  /** The lengths below n that some sequence has, longest first. */
  private final int[] shortLengths;
  /** Per benchmark: items that contributed no n-gram (all segments shorter than minN words). */
  private final int[] shortItems;
  /** Per benchmark: distinct protected fingerprints. */
  private final long[] distinctNgrams;
  private final int[] itemOffset;

  private ProtectedIndex(int n, int minN, long[] keys, int[] entryItem, int[] itemBenchmark, int[] itemOffset,
      String[] names, String[] reasons, int[] lengths, int[] shortItems, long[] distinctNgrams, boolean[] isShort,
      long[] shortPrefixes) {
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
    int shortCount = 0;
    for (boolean b : isShort) {
      shortCount += b ? 1 : 0;
    }
    this.filter = new long[filterWords(keys.length - shortCount, 16)];
    this.filterShift = 64 - Integer.numberOfTrailingZeros(filter.length);
    // Short sequences are probed at up to n - minN lengths per position, so their filter gets
    // 64 bits per key (false-positive rate about 0.1 %).
    this.shortFilter = new long[filterWords(shortCount, 64)];
    this.shortFilterShift = 64 - Integer.numberOfTrailingZeros(shortFilter.length);
    long[] shorts = new long[shortCount];
    int si = 0;
    for (int i = 0; i < keys.length; i++) {
      long k = keys[i];
      if (isShort[i]) {
        shorts[si++] = k;
        shortFilter[(int) (k >>> shortFilterShift)] |= mask(k);
      } else {
        filter[(int) (k >>> filterShift)] |= mask(k);
      }
    }
    // keys are sorted, so shorts is too; drop repeats (one sequence, several items).
    int w = 0;
    for (int i = 0; i < shorts.length; i++) {
      if (w == 0 || shorts[i] != shorts[w - 1]) {
        shorts[w++] = shorts[i];
      }
    }
    this.shortSorted = Arrays.copyOf(shorts, w);
    this.shortPrefixFilter = new long[filterWords(shortPrefixes.length, 64)];
    this.shortPrefixShift = 64 - Integer.numberOfTrailingZeros(shortPrefixFilter.length);
    for (long p : shortPrefixes) {
      shortPrefixFilter[(int) (p >>> shortPrefixShift)] |= mask(p);
    }
    this.shortLengths = Arrays.stream(lengths).filter(k -> k < n).toArray();
  }

  /** 64-bit words for {@code bitsPerKey} bits per key, a power of two, at least 2. */
  private static int filterWords(long keys, int bitsPerKey) {
    long bits = 128;
    while (bits < keys * bitsPerKey && bits < (1L << 33)) {
      bits <<= 1;
    }
    return (int) (bits / 64);
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
    java.util.Set<Long> shortKeys = new java.util.HashSet<>();
    java.util.Set<Long> shortPrefixes = new java.util.HashSet<>();
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
            if (k < n) {
              shortKeys.add(keys[size]);
              shortPrefixes.add(hash.window(i, minN));
            }
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
    boolean[] isShort = new boolean[w];
    for (int i = 0; i < w; i++) {
      isShort[i] = !shortKeys.isEmpty() && shortKeys.contains(keys[i]);
    }
    String[] names = benchmarks.stream().map(Benchmark::name).toArray(String[]::new);
    String[] reasons = benchmarks.stream().map(Benchmark::reason).toArray(String[]::new);
    return new ProtectedIndex(n, minN, keys, entryItem, itemBenchmark, itemOffset, names, reasons, lengths,
        shortItems, distinct, isShort, shortPrefixes.stream().mapToLong(Long::longValue).sorted().toArray());
  }

  private static long mask(long key) {
    return (1L << (key & 63)) | (1L << ((key >>> 6) & 63));
  }

  /** False when {@code key} (a window of {@code length} words) is surely not protected: the prefilter alone. */
  public boolean mightContain(long key, int length) {
    long m = mask(key);
    long word = length == n ? filter[(int) (key >>> filterShift)] : shortFilter[(int) (key >>> shortFilterShift)];
    return (word & m) == m;
  }

  /** False when no shorter sequence starts with the {@code minN}-gram whose fingerprint is {@code prefix}. */
  public boolean mightStartShort(long prefix) {
    long m = mask(prefix);
    return (shortPrefixFilter[(int) (prefix >>> shortPrefixShift)] & m) == m;
  }

  /** The lengths below n that some whole-item sequence has, longest first (a view: do not modify). */
  int[] shortLengthsView() {
    return shortLengths;
  }

  /** True when {@code key}, the fingerprint of a window of {@code length} words, is protected. */
  public boolean contains(long key, int length) {
    long m = mask(key);
    long word = length == n ? filter[(int) (key >>> filterShift)] : shortFilter[(int) (key >>> shortFilterShift)];
    if ((word & m) != m) {
      return false;
    }
    return Arrays.binarySearch(length == n ? keys : shortSorted, key) >= 0;
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

  /** True when {@code key} is the fingerprint of some protected n-gram, of any length. */
  public boolean isProtected(long key) {
    return Arrays.binarySearch(keys, key) >= 0;
  }

  @Override
  public int[] benchmarksOf(long key) {
    int first = firstEntry(key);
    if (first < 0) {
      return new int[0];
    }
    // Entries are sorted by (key, item) and items are numbered benchmark by benchmark, so the
    // benchmarks of one key come in ascending order.
    int[] out = new int[4];
    int size = 0;
    for (int e = first; e < keys.length && keys[e] == key; e++) {
      int b = itemBenchmark[entryItem[e]];
      if (size == 0 || out[size - 1] != b) {
        if (size == out.length) {
          out = Arrays.copyOf(out, size * 2);
        }
        out[size++] = b;
      }
    }
    return Arrays.copyOf(out, size);
  }

  @Override
  public int firstLocalItem(long key) {
    return localItem(entryItem[firstEntry(key)]);
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
    return keys.length * 12L + (filter.length + shortFilter.length + shortSorted.length) * 8L + itemBenchmark.length * 4L;
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
