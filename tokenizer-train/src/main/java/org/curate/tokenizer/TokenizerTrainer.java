package org.curate.tokenizer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Trains a {@link BpeModel} from a word → count table (the words of {@link TokenizerOptions#preTokenizer()}). */
public final class TokenizerTrainer {
  private TokenizerTrainer() {}

  public static BpeModel train(WordCounts words, TokenizerOptions options) {
    return options.mode() == Mode.BYTE_LEVEL ? byteLevel(words, options) : sentencePiece(words, options);
  }

  // ---------------------------------------------------------------- byte-level (HF-identical)

  private static BpeModel byteLevel(WordCounts words, TokenizerOptions options) {
    List<Map.Entry<String, Long>> entries = words.sortedEntries();
    String[] mapped = new String[entries.size()];
    TreeSet<Character> alphabet = new TreeSet<>();
    for (int i = 0; i < mapped.length; i++) {
      mapped[i] = ByteLevel.encode(entries.get(i).getKey().getBytes(StandardCharsets.UTF_8));
      for (int j = 0; j < mapped[i].length(); j++) {
        alphabet.add(mapped[i].charAt(j));
      }
    }
    if (options.fullByteAlphabet()) {
      for (char c : ByteLevel.alphabetByCodePoint()) {
        alphabet.add(c);
      }
    }
    List<String> initial = new ArrayList<>(options.specialTokens());
    int[] charId = new int[0x200];
    java.util.Arrays.fill(charId, -1);
    for (char c : alphabet) {
      charId[c] = initial.size();
      initial.add(String.valueOf(c));
    }
    int[][] symbols = new int[mapped.length][];
    long[] counts = new long[mapped.length];
    for (int i = 0; i < mapped.length; i++) {
      String m = mapped[i];
      int[] s = new int[m.length()];
      for (int j = 0; j < s.length; j++) {
        s[j] = charId[m.charAt(j)];
      }
      symbols[i] = s;
      counts[i] = entries.get(i).getValue();
    }
    BpeMerger merger = new BpeMerger(symbols, counts, initial);
    List<BpeMerger.Merge> merges = merger.train(options.vocabSize(), options.minFrequency(), null);
    List<String> vocab = merger.tokens();
    int[] types = new int[vocab.size()];
    java.util.Arrays.fill(types, BpeModel.NORMAL);
    for (int i = 0; i < options.specialTokens().size(); i++) {
      types[i] = BpeModel.CONTROL;
    }
    return new BpeModel(Mode.BYTE_LEVEL, options, vocab, types, new float[vocab.size()], dedupe(merges, null));
  }

  /**
   * HF keeps merges in a map, so a pair merged twice (its candidates carried different words)
   * keeps only its later rank; the written merge list is in rank order.
   */
  private static List<int[]> dedupe(List<BpeMerger.Merge> merges, int[] idMap) {
    Map<Long, Integer> last = new HashMap<>();
    for (int i = 0; i < merges.size(); i++) {
      BpeMerger.Merge m = merges.get(i);
      last.put(((long) m.left() << 32) | m.right(), i);
    }
    List<int[]> out = new ArrayList<>();
    for (int i = 0; i < merges.size(); i++) {
      BpeMerger.Merge m = merges.get(i);
      if (last.get(((long) m.left() << 32) | m.right()) == i) {
        out.add(idMap == null ? new int[] {m.left(), m.right(), m.result()}
            : new int[] {idMap[m.left()], idMap[m.right()], idMap[m.result()]});
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- SentencePiece-style

  private static BpeModel sentencePiece(WordCounts words, TokenizerOptions options) {
    SpPreTokenizer pre = new SpPreTokenizer(options.userDefined());
    List<Map.Entry<String, Long>> entries = words.sortedEntries();
    entries.removeIf(e -> pre.isUserDefined(e.getKey()));
    // Required characters: by frequency, until they cover characterCoverage of all characters.
    HashMap<Integer, long[]> charCounts = new HashMap<>();
    long all = 0;
    for (Map.Entry<String, Long> e : entries) {
      String w = e.getKey();
      for (int i = 0; i < w.length(); ) {
        int cp = w.codePointAt(i);
        charCounts.computeIfAbsent(cp, k -> new long[1])[0] += e.getValue();
        all += e.getValue();
        i += Character.charCount(cp);
      }
    }
    List<Map.Entry<Integer, long[]>> chars = new ArrayList<>(charCounts.entrySet());
    chars.sort((x, y) -> x.getValue()[0] != y.getValue()[0] ? Long.compare(y.getValue()[0], x.getValue()[0])
        : Integer.compare(x.getKey(), y.getKey()));
    List<String> alphabet = new ArrayList<>();
    HashMap<Integer, Integer> charId = new HashMap<>();
    long covered = 0;
    for (Map.Entry<Integer, long[]> c : chars) {
      if (all > 0 && (double) covered / all >= options.characterCoverage()) {
        break;
      }
      covered += c.getValue()[0];
      charId.put(c.getKey(), alphabet.size());
      alphabet.add(new String(Character.toChars(c.getKey())));
    }
    int meta = 3 + options.userDefined().size() + 256;
    int wanted = options.vocabSize() - meta - alphabet.size();
    if (wanted < 0) {
      throw new IllegalArgumentException("vocab size " + options.vocabSize() + " is smaller than the "
          + meta + " meta and byte pieces plus " + alphabet.size() + " required characters");
    }
    // Engine words: units cut at characters outside the alphabet (they become byte pieces).
    List<int[]> symbols = new ArrayList<>();
    List<Long> counts = new ArrayList<>();
    int[] buf = new int[64];
    for (Map.Entry<String, Long> e : entries) {
      String w = e.getKey();
      int n = 0;
      for (int i = 0; i <= w.length(); ) {
        Integer id = null;
        int cp = 0;
        if (i < w.length()) {
          cp = w.codePointAt(i);
          id = charId.get(cp);
        }
        if (id == null) {
          if (n > 1) {
            symbols.add(java.util.Arrays.copyOf(buf, n));
            counts.add(e.getValue());
          }
          n = 0;
          if (i == w.length()) {
            break;
          }
        } else {
          if (n == buf.length) {
            buf = java.util.Arrays.copyOf(buf, n * 2);
          }
          buf[n++] = id;
        }
        i += Character.charCount(cp);
      }
    }
    long[] countArray = counts.stream().mapToLong(Long::longValue).toArray();
    BpeMerger merger = new BpeMerger(symbols.toArray(int[][]::new), countArray, alphabet);
    int maxLen = options.maxPieceLength() > 0 ? options.maxPieceLength() : Integer.MAX_VALUE;
    List<BpeMerger.Merge> merges = merger.train(alphabet.size() + wanted, options.minFrequency(),
        piece -> validPiece(piece, maxLen));
    List<String> engineTokens = merger.tokens();
    int nMerged = engineTokens.size() - alphabet.size();
    // Final layout: <unk> <s> </s>, user-defined, <0x00>..<0xFF>, merged pieces, characters.
    List<String> vocab = new ArrayList<>(List.of("<unk>", "<s>", "</s>"));
    List<Integer> typeList = new ArrayList<>(List.of(BpeModel.UNKNOWN, BpeModel.CONTROL, BpeModel.CONTROL));
    for (String u : options.userDefined()) {
      vocab.add(u);
      typeList.add(BpeModel.USER_DEFINED);
    }
    for (int b = 0; b < 256; b++) {
      vocab.add(BpeModel.bytePiece(b));
      typeList.add(BpeModel.BYTE);
    }
    int base = vocab.size();
    int[] idMap = new int[engineTokens.size()];
    float[] scores = new float[base + engineTokens.size()];
    for (int e = alphabet.size(); e < engineTokens.size(); e++) {
      idMap[e] = base + (e - alphabet.size());
    }
    for (int c = 0; c < alphabet.size(); c++) {
      idMap[c] = base + nMerged + c;
    }
    for (int e = alphabet.size(); e < engineTokens.size(); e++) {
      vocab.add(engineTokens.get(e));
      typeList.add(BpeModel.NORMAL);
    }
    vocab.addAll(alphabet);
    for (int c = 0; c < alphabet.size(); c++) {
      typeList.add(BpeModel.NORMAL);
    }
    for (int i = base; i < vocab.size(); i++) {
      scores[i] = -(i - base);
    }
    int[] types = typeList.stream().mapToInt(Integer::intValue).toArray();
    return new BpeModel(Mode.SENTENCEPIECE, options, vocab, types, java.util.Arrays.copyOf(scores, vocab.size()),
        dedupe(merges, idMap));
  }

  /** SentencePiece's rules for a merged piece: ▁ only as a prefix (or an all-▁ piece), bounded length. */
  static boolean validPiece(String piece, int maxLen) {
    if (piece.codePointCount(0, piece.length()) > maxLen) {
      return false;
    }
    boolean allWs = true;
    for (int i = 0; i < piece.length(); i++) {
      if (piece.charAt(i) != SpPreTokenizer.SPACE) {
        allWs = false;
        break;
      }
    }
    if (allWs) {
      return true;
    }
    return piece.indexOf(SpPreTokenizer.SPACE, 1) < 0;
  }
}
