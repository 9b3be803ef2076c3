package org.curate.tokenizer;

import java.util.List;

/**
 * A trained (or loaded) tokenizer: the vocabulary by id, each id's type, and the merges in rank
 * order. Byte-level tokens are strings of byte-mapped chars ({@link ByteLevel}); SentencePiece
 * pieces are code-point strings with {@code ▁} for space and {@code <0xNN>} byte pieces.
 *
 * @param vocab token string by id
 * @param types SentencePiece piece type by id ({@link #NORMAL}, {@link #UNKNOWN}, {@link #CONTROL},
 *     {@link #USER_DEFINED}, {@link #BYTE}); byte-level added tokens are {@link #CONTROL}
 * @param scores SentencePiece piece score by id (−rank for merged pieces, then chars; 0 for meta)
 * @param merges {@code {left, right, result}} ids in rank order
 */
public record BpeModel(Mode mode, TokenizerOptions options, List<String> vocab, int[] types, float[] scores,
    List<int[]> merges) {
  public static final int NORMAL = 1;
  public static final int UNKNOWN = 2;
  public static final int CONTROL = 3;
  public static final int USER_DEFINED = 4;
  public static final int BYTE = 6;

  public BpeModel {
    vocab = List.copyOf(vocab);
    merges = List.copyOf(merges);
  }

  public int size() {
    return vocab.size();
  }

  /** The id of {@code token}, or -1. */
  public int id(String token) {
    return vocab.indexOf(token);
  }

  /** The end-of-document id: SentencePiece {@code </s>}, byte-level the first special token (or -1). */
  public int eosId() {
    if (mode == Mode.SENTENCEPIECE) {
      return id("</s>");
    }
    return options.specialTokens().isEmpty() ? -1 : id(options.specialTokens().get(0));
  }

  /** The beginning-of-document id: SentencePiece {@code <s>}; byte-level none (-1). */
  public int bosId() {
    return mode == Mode.SENTENCEPIECE ? id("<s>") : -1;
  }

  public static String bytePiece(int b) {
    return String.format("<0x%02X>", b);
  }
}
