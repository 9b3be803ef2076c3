package org.curate.tokenizer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;

/**
 * Encodes text with a {@link BpeModel} and decodes ids back. Not thread-safe (it keeps a per
 * instance word cache and scratch buffers): use one per thread or task.
 *
 * <p>Byte-level: pre-tokens of the split regex, UTF-8 bytes, then merges by rank (lowest first,
 * leftmost on ties), as HF tokenizers' BPE model does. SentencePiece: per line, the dummy
 * {@code ▁} and spaces as {@code ▁}; in each unit, characters outside the vocabulary become
 * {@code <0xNN>} byte pieces, and adjacent symbols merge while their concatenation is a piece,
 * highest score first (leftmost on ties), as {@code spm_encode} does for a BPE model; {@code \n}
 * is its own unit. Text that looks like a special token is encoded as plain text.
 */
public final class Tokenizer {
  private static final int DEAD = Integer.MIN_VALUE;
  private static final int CACHE_LIMIT = 1 << 20;

  private final BpeModel model;
  private final PreTokenizer pre;
  private final LongLongMap pairs; // (left, right) -> priority << 32 | result
  private final int[] byteIds = new int[256];
  private final HashMap<Integer, Integer> charIds = new HashMap<>();
  private final int[] bmpCharIds;
  private final HashMap<String, Integer> userDefined = new HashMap<>();
  private final byte[][] tokenBytes;
  private final HashMap<String, int[]> cache = new HashMap<>();
  private final IntList scratch = new IntList(64);
  private int[] next = new int[64];
  private int[] prev = new int[64];
  private final LongHeap heap = new LongHeap();
  private byte[] utf8 = new byte[256];

  public Tokenizer(BpeModel model) {
    this.model = model;
    this.pre = model.mode() == Mode.SENTENCEPIECE ? new SpPreTokenizer(model.options().userDefined(), false)
        : model.options().preTokenizer();
    List<String> vocab = model.vocab();
    tokenBytes = new byte[vocab.size()][];
    Arrays.fill(byteIds, -1);
    bmpCharIds = new int[0x10000];
    Arrays.fill(bmpCharIds, -1);
    if (model.mode() == Mode.BYTE_LEVEL) {
      pairs = new LongLongMap(model.merges().size() + 16);
      for (int r = 0; r < model.merges().size(); r++) {
        int[] m = model.merges().get(r);
        long k = key(m[0], m[1]);
        if (pairs.getOrDefault(k, -1) < 0) {
          pairs.put(k, ((long) r << 32) | m[2]);
        }
      }
      for (int id = 0; id < vocab.size(); id++) {
        String t = vocab.get(id);
        if (model.types()[id] == BpeModel.CONTROL) {
          tokenBytes[id] = t.getBytes(StandardCharsets.UTF_8);
        } else {
          tokenBytes[id] = ByteLevel.decode(t);
          if (t.length() == 1 && byteIds[ByteLevel.byteOf(t.charAt(0))] < 0) {
            byteIds[ByteLevel.byteOf(t.charAt(0))] = id;
          }
        }
      }
    } else {
      HashMap<String, Integer> pieceIds = new HashMap<>();
      for (int id = 0; id < vocab.size(); id++) {
        String p = vocab.get(id);
        int type = model.types()[id];
        if (type == BpeModel.NORMAL) {
          pieceIds.putIfAbsent(p, id);
          if (p.codePointCount(0, p.length()) == 1) {
            int cp = p.codePointAt(0);
            if (cp < 0x10000) {
              bmpCharIds[cp] = id;
            } else {
              charIds.put(cp, id);
            }
          }
          tokenBytes[id] = p.replace(SpPreTokenizer.SPACE, ' ').getBytes(StandardCharsets.UTF_8);
        } else if (type == BpeModel.USER_DEFINED) {
          userDefined.put(p, id);
          tokenBytes[id] = p.replace(SpPreTokenizer.SPACE, ' ').getBytes(StandardCharsets.UTF_8);
        } else if (type == BpeModel.BYTE) {
          int b = Integer.parseInt(p.substring(3, 5), 16);
          byteIds[b] = id;
          tokenBytes[id] = new byte[] {(byte) b};
        } else {
          tokenBytes[id] = new byte[0];
        }
      }
      // Priority = rank by score (higher first, then lower id), as spm's BPE encoder orders pieces.
      Integer[] order = pieceIds.values().toArray(Integer[]::new);
      float[] scores = model.scores();
      Arrays.sort(order, (x, y) -> scores[x] != scores[y] ? Float.compare(scores[y], scores[x]) : Integer.compare(x, y));
      int[] rank = new int[vocab.size()];
      for (int r = 0; r < order.length; r++) {
        rank[order[r]] = r;
      }
      pairs = new LongLongMap(vocab.size() * 4);
      for (int id : order) {
        String p = vocab.get(id);
        for (int k = p.offsetByCodePoints(0, 1); k < p.length(); k = p.offsetByCodePoints(k, 1)) {
          Integer l = pieceIds.get(p.substring(0, k));
          Integer r = pieceIds.get(p.substring(k));
          if (l != null && r != null) {
            pairs.put(key(l, r), ((long) rank[id] << 32) | id);
          }
        }
      }
    }
  }

  public BpeModel model() {
    return model;
  }

  private static long key(int a, int b) {
    return ((long) a << 32) | (b & 0xFFFFFFFFL);
  }

  public int[] encode(String text) {
    IntList out = new IntList(Math.max(16, text.length() / 3));
    encode(text, out);
    return out.toArray();
  }

  /** Appends the ids of {@code text} to {@code out}. */
  public void encode(String text, IntBuffer out) {
    encode(text, out.list);
  }

  void encode(String text, IntList out) {
    pre.split(text, (t, s, e) -> {
      String word = t.substring(s, e);
      int[] ids = cache.get(word);
      if (ids == null) {
        ids = model.mode() == Mode.BYTE_LEVEL ? encodeBytes(word) : encodeUnit(word);
        if (cache.size() >= CACHE_LIMIT) {
          cache.clear();
        }
        cache.put(word, ids);
      }
      for (int id : ids) {
        out.add(id);
      }
    });
  }

  private int[] encodeBytes(String word) {
    int n = utf8(word);
    IntList syms = scratch;
    syms.size = 0;
    for (int i = 0; i < n; i++) {
      int id = byteIds[utf8[i] & 0xFF];
      if (id >= 0) {
        syms.add(id);
      }
    }
    return merge(syms);
  }

  private int[] encodeUnit(String unit) {
    Integer user = userDefined.get(unit);
    if (user != null) {
      return new int[] {user};
    }
    IntList syms = scratch;
    syms.size = 0;
    boolean unknown = false;
    for (int i = 0; i < unit.length(); ) {
      int cp = unit.codePointAt(i);
      int id = cp < 0x10000 ? bmpCharIds[cp] : charIds.getOrDefault(cp, -1);
      if (id < 0) {
        id = -1 - cp;
        unknown = true;
      }
      syms.add(id);
      i += Character.charCount(cp);
    }
    int[] merged = merge(syms);
    if (!unknown) {
      return merged;
    }
    IntList out = new IntList(merged.length + 8);
    for (int id : merged) {
      if (id >= 0) {
        out.add(id);
      } else {
        byte[] b = new String(Character.toChars(-1 - id)).getBytes(StandardCharsets.UTF_8);
        for (byte x : b) {
          out.add(byteIds[x & 0xFF]);
        }
      }
    }
    return out.toArray();
  }

  /** Applies merges to {@code syms} in priority order (lowest first, leftmost on ties). */
  private int[] merge(IntList syms) {
    int n = syms.size;
    int[] s = syms.data;
    if (n < 2) {
      return Arrays.copyOf(s, n);
    }
    if (next.length < n) {
      next = new int[n * 2];
      prev = new int[n * 2];
    }
    heap.clear();
    for (int i = 0; i < n; i++) {
      next[i] = i + 1 < n ? i + 1 : -1;
      prev[i] = i - 1;
      if (i + 1 < n) {
        push(s[i], s[i + 1], i);
      }
    }
    int alive = n;
    while (heap.size > 0) {
      long e = heap.pop();
      int pos = (int) e;
      int nx = next[pos];
      if (s[pos] == DEAD || nx < 0) {
        continue;
      }
      long v = pairs.getOrDefault(key(s[pos], s[nx]), -1);
      if (v < 0 || (v >>> 32) != (e >>> 32)) {
        continue;
      }
      s[pos] = (int) v;
      s[nx] = DEAD;
      alive--;
      next[pos] = next[nx];
      if (next[nx] >= 0) {
        prev[next[nx]] = pos;
      }
      if (prev[pos] >= 0) {
        push(s[prev[pos]], s[pos], prev[pos]);
      }
      if (next[pos] >= 0) {
        push(s[pos], s[next[pos]], pos);
      }
    }
    int[] out = new int[alive];
    int j = 0;
    for (int i = 0; i >= 0; i = next[i]) {
      out[j++] = s[i];
    }
    return out;
  }

  private void push(int a, int b, int pos) {
    long v = pairs.getOrDefault(key(a, b), -1);
    if (v >= 0) {
      heap.push(((v >>> 32) << 32) | pos);
    }
  }

  /** UTF-8 of {@code word} into {@link #utf8}; a lone surrogate becomes '?', as String.getBytes does. */
  private int utf8(String word) {
    if (utf8.length < word.length() * 3) {
      utf8 = new byte[word.length() * 3];
    }
    int n = 0;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c < 0x80) {
        utf8[n++] = (byte) c;
      } else if (c < 0x800) {
        utf8[n++] = (byte) (0xC0 | (c >> 6));
        utf8[n++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c) && i + 1 < word.length() && Character.isLowSurrogate(word.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, word.charAt(++i));
        utf8[n++] = (byte) (0xF0 | (cp >> 18));
        utf8[n++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        utf8[n++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        utf8[n++] = (byte) (0x80 | (cp & 0x3F));
      } else if (Character.isSurrogate(c)) {
        utf8[n++] = '?';
      } else {
        utf8[n++] = (byte) (0xE0 | (c >> 12));
        utf8[n++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        utf8[n++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    return n;
  }

  /** The text of {@code ids}: bytes joined and read as UTF-8 (invalid sequences become U+FFFD). */
  public String decode(int[] ids) {
    return decode(ids, 0, ids.length);
  }

  public String decode(int[] ids, int from, int to) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = from; i < to; i++) {
      int id = ids[i];
      if (id >= 0 && id < tokenBytes.length) {
        if (model.mode() == Mode.SENTENCEPIECE && model.types()[id] == BpeModel.CONTROL) {
          continue;
        }
        out.writeBytes(tokenBytes[id]);
      }
    }
    String text = out.toString(StandardCharsets.UTF_8);
    if (model.mode() == Mode.BYTE_LEVEL) {
      return text;
    }
    // Remove the dummy prefix each non-empty line got.
    StringBuilder sb = new StringBuilder(text.length());
    int start = 0;
    while (true) {
      int nl = text.indexOf('\n', start);
      int end = nl < 0 ? text.length() : nl;
      sb.append(text, end > start && text.charAt(start) == ' ' ? start + 1 : start, end);
      if (nl < 0) {
        return sb.toString();
      }
      sb.append('\n');
      start = nl + 1;
    }
  }

  /** Binary min-heap of longs. */
  static final class LongHeap {
    long[] a = new long[64];
    int size;

    void clear() {
      size = 0;
    }

    void push(long v) {
      if (size == a.length) {
        a = Arrays.copyOf(a, size * 2);
      }
      int i = size++;
      while (i > 0) {
        int p = (i - 1) >>> 1;
        if (a[p] <= v) {
          break;
        }
        a[i] = a[p];
        i = p;
      }
      a[i] = v;
    }

    long pop() {
      long top = a[0];
      long last = a[--size];
      int i = 0;
      while (true) {
        int c = 2 * i + 1;
        if (c >= size) {
          break;
        }
        if (c + 1 < size && a[c + 1] < a[c]) {
          c++;
        }
        if (a[c] >= last) {
          break;
        }
        a[i] = a[c];
        i = c;
      }
      if (size > 0) {
        a[i] = last;
      }
      return top;
    }
  }
}
