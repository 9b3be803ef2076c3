package org.curate.filters.fasttext;

import java.io.IOException;
import java.util.Arrays;

/**
 * The vocabulary of a model: words then labels (each with its count and type), and the mapping
 * from tokens to input-matrix rows. Rows 0..nwords-1 are words; rows nwords.. are hashed buckets
 * shared by character n-grams and word n-grams (remapped through {@code pruneidx} in pruned
 * quantized models). Immutable and shareable between threads.
 */
public final class FastTextDictionary {
  /** The end-of-sentence token fastText appends at every newline. */
  static final byte[] EOS = {'<', '/', 's', '>'};
  static final byte[] LABEL_PREFIX = {'_', '_', 'l', 'a', 'b', 'e', 'l', '_', '_'};
  private static final int FNV_OFFSET = 0x811C9DC5;
  private static final int FNV_PRIME = 16777619;
  private static final byte TYPE_WORD = 0;
  private static final byte TYPE_LABEL = 1;

  private final FastTextArgs args;
  private final int nwords;
  private final int nlabels;
  private final byte[][] entries;
  private final long[] counts;
  private final String[] labels;
  /** Open-addressing table: entry id, or -1; probed by the FNV-1a hash of the token. */
  private final int[] table;
  private final int tableMask;
  /** Per word: its own row followed by its character n-gram rows, computed once at load. */
  private final int[][] wordRows;
  /** Null when the model was never pruned (fastText's pruneidx_size -1). */
  private final PrunedBucketIndex pruned;
  /** True when pruning kept no bucket at all (pruneidx_size 0): n-grams then have no rows. */
  private final boolean allBucketsPruned;

  private FastTextDictionary(FastTextArgs args, byte[][] entries, long[] counts, byte[] types, int nwords,
      int nlabels, PrunedBucketIndex pruned, boolean allBucketsPruned) {
    this.args = args;
    this.entries = entries;
    this.counts = counts;
    this.nwords = nwords;
    this.nlabels = nlabels;
    this.pruned = pruned;
    this.allBucketsPruned = allBucketsPruned;
    int capacity = Integer.highestOneBit(Math.max(4, entries.length * 2 - 1)) << 1;
    table = new int[capacity];
    tableMask = capacity - 1;
    Arrays.fill(table, -1);
    for (int id = 0; id < entries.length; id++) {
      byte[] e = entries[id];
      int s = hash(e, 0, e.length) & tableMask;
      while (table[s] != -1) {
        s = (s + 1) & tableMask;
      }
      table[s] = id;
    }
    labels = new String[nlabels];
    for (int i = 0; i < nlabels; i++) {
      labels[i] = ModelReader.utf8(entries[nwords + i]);
    }
    wordRows = new int[nwords][];
    IntList scratch = new IntList(64);
    byte[] wrapped = new byte[64];
    for (int id = 0; id < nwords; id++) {
      if (types[id] != TYPE_WORD) {
        throw new IllegalStateException("entry " + id + " is among the words but typed " + types[id]);
      }
      scratch.clear();
      scratch.add(id);
      byte[] w = entries[id];
      if (!Arrays.equals(w, EOS)) {
        if (wrapped.length < w.length + 2) {
          wrapped = new byte[w.length * 2 + 2];
        }
        int len = wrap(w, 0, w.length, wrapped);
        addCharNgramRows(wrapped, len, scratch);
      }
      wordRows[id] = scratch.toArray();
    }
  }

  static FastTextDictionary read(ModelReader in, FastTextArgs args) throws IOException {
    int size = in.readInt();
    int nwords = in.readInt();
    int nlabels = in.readInt();
    in.readLong(); // ntokens: a training statistic
    long pruneSize = in.readLong();
    if (size < 0 || nwords < 0 || nlabels < 0 || nwords + nlabels != size || pruneSize < -1 || pruneSize > Integer.MAX_VALUE) {
      throw in.corrupt("dictionary header size=" + size + " nwords=" + nwords + " nlabels=" + nlabels + " pruneidx=" + pruneSize);
    }
    byte[][] entries = new byte[size][];
    long[] counts = new long[size];
    byte[] types = new byte[size];
    for (int i = 0; i < size; i++) {
      entries[i] = in.readCString();
      counts[i] = in.readLong();
      types[i] = in.readByte();
      boolean label = i >= nwords;
      if (types[i] != (label ? TYPE_LABEL : TYPE_WORD)) {
        throw in.corrupt("entry " + i + " has type " + types[i]);
      }
    }
    PrunedBucketIndex pruned = null;
    if (pruneSize >= 0) {
      int n = (int) pruneSize;
      int[] buckets = new int[n];
      int[] rows = new int[n];
      for (int i = 0; i < n; i++) {
        buckets[i] = in.readInt();
        rows[i] = in.readInt();
      }
      pruned = new PrunedBucketIndex(buckets, rows);
    }
    return new FastTextDictionary(args, entries, counts, types, nwords, nlabels, pruned, pruneSize == 0);
  }

  /** fastText's token hash: 32-bit FNV-1a over the UTF-8 bytes, each byte sign-extended (C's signed char). */
  static int hash(byte[] bytes, int off, int len) {
    int h = FNV_OFFSET;
    for (int i = off; i < off + len; i++) {
      h ^= bytes[i]; // Java sign-extends the byte exactly as fastText's int8_t → uint32_t cast does
      h *= FNV_PRIME;
    }
    return h;
  }

  /** The entry id of the token with hash {@code h}, or -1. */
  int find(byte[] bytes, int off, int len, int h) {
    int s = h & tableMask;
    for (int id; (id = table[s]) != -1; s = (s + 1) & tableMask) {
      if (Arrays.equals(entries[id], 0, entries[id].length, bytes, off, off + len)) {
        return id;
      }
    }
    return -1;
  }

  int nwords() {
    return nwords;
  }

  public int nlabels() {
    return nlabels;
  }

  /** The label's full text, e.g. {@code __label__en}. */
  public String label(int labelIndex) {
    return labels[labelIndex];
  }

  long[] labelCounts() {
    return Arrays.copyOfRange(counts, nwords, nwords + nlabels);
  }

  boolean isWord(int id) {
    return id < nwords;
  }

  /** The input rows of an in-vocabulary word: its own row, then its character n-grams'. */
  int[] wordRows(int wordId) {
    return wordRows[wordId];
  }

  /** Writes {@code <word>} into {@code into}, the form fastText takes character n-grams from. */
  static int wrap(byte[] word, int off, int len, byte[] into) {
    into[0] = '<';
    System.arraycopy(word, off, into, 1, len);
    into[len + 1] = '>';
    return len + 2;
  }

  /**
   * Adds the rows of the character n-grams (minn..maxn characters) of a wrapped word. Lengths are
   * counted in UTF-8 characters: an n-gram starts on a lead byte and takes whole characters. The
   * one-character n-grams "<" and ">" alone are skipped. The hash is FNV-1a extended byte by byte,
   * so every n-gram starting at one position costs one multiply per byte.
   */
  void addCharNgramRows(byte[] w, int len, IntList out) {
    int minn = args.minn();
    int maxn = args.maxn();
    if (args.bucket() == 0) {
      return; // no n-gram rows at all (fastText would divide by zero here)
    }
    for (int i = 0; i < len; i++) {
      if ((w[i] & 0xC0) == 0x80) {
        continue;
      }
      int h = FNV_OFFSET;
      int j = i;
      for (int n = 1; j < len && n <= maxn; n++) {
        h = (h ^ w[j++]) * FNV_PRIME;
        while (j < len && (w[j] & 0xC0) == 0x80) {
          h = (h ^ w[j++]) * FNV_PRIME;
        }
        if (n >= minn && !(n == 1 && (i == 0 || j == len))) {
          addBucketRow(Integer.remainderUnsigned(h, args.bucket()), out);
        }
      }
    }
  }

  /**
   * Adds the rows of the word n-grams (2..wordNgrams consecutive words). fastText keeps the word
   * hashes as int32 and widens them to uint64 with sign extension before mixing; we do the same.
   */
  void addWordNgramRows(IntList wordHashes, IntList out) {
    int n = args.wordNgrams();
    if (n <= 1 || args.bucket() == 0) {
      return;
    }
    int size = wordHashes.size();
    for (int i = 0; i < size; i++) {
      long h = wordHashes.get(i);
      for (int j = i + 1; j < size && j < i + n; j++) {
        h = h * 116049371L + wordHashes.get(j);
        addBucketRow((int) Long.remainderUnsigned(h, args.bucket()), out);
      }
    }
  }

  private void addBucketRow(int bucket, IntList out) {
    if (allBucketsPruned) {
      return;
    }
    int row = bucket;
    if (pruned != null) {
      row = pruned.rowOf(bucket);
      if (row < 0) {
        return;
      }
    }
    out.add(nwords + row);
  }
}
