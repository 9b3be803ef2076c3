package org.curate.tokenizer;

import java.util.List;

/**
 * Training settings. Defaults follow AFM: SentencePiece mode, vocabulary 49,152, digits split,
 * byte fallback, no normalisation ({@link #AFM_SERVER_VOCAB} is the documented server size).
 *
 * @param specialTokens byte-level: added tokens with ids 0..k-1 (HF {@code added_tokens});
 *     SentencePiece: ignored (the meta pieces are always {@code <unk> <s> </s>})
 * @param userDefined SentencePiece user-defined symbols: always one piece, never split or merged
 * @param splitRegex byte-level split pattern; null means GPT-2's (a built-in scanner)
 * @param fullByteAlphabet byte-level: all 256 bytes get a token even when unseen (HF initial alphabet)
 * @param characterCoverage SentencePiece: share of characters the alphabet covers; rarer ones use byte fallback
 * @param maxPieceLength SentencePiece: longest piece in code points
 * @param minFrequency a pair must occur at least this often to be merged
 */
public record TokenizerOptions(Mode mode, int vocabSize, List<String> specialTokens, List<String> userDefined,
    String splitRegex, boolean fullByteAlphabet, double characterCoverage, int maxPieceLength, long minFrequency)
    implements java.io.Serializable {
  public static final int AFM_ON_DEVICE_VOCAB = 49_152;
  public static final int AFM_SERVER_VOCAB = 100_352;
  public static final String END_OF_TEXT = "<|endoftext|>";

  public TokenizerOptions {
    specialTokens = List.copyOf(specialTokens);
    userDefined = List.copyOf(userDefined);
    if (vocabSize < 1) {
      throw new IllegalArgumentException("vocab size must be positive");
    }
    if (characterCoverage <= 0 || characterCoverage > 1) {
      throw new IllegalArgumentException("character coverage must be in (0, 1]");
    }
  }

  public static TokenizerOptions defaults(Mode mode) {
    return mode == Mode.SENTENCEPIECE ? sentencePiece(AFM_ON_DEVICE_VOCAB) : byteLevel(AFM_ON_DEVICE_VOCAB);
  }

  public static TokenizerOptions sentencePiece(int vocabSize) {
    return new TokenizerOptions(Mode.SENTENCEPIECE, vocabSize, List.of(), List.of(), null, true, 0.9995, 16, 0);
  }

  public static TokenizerOptions byteLevel(int vocabSize) {
    return new TokenizerOptions(Mode.BYTE_LEVEL, vocabSize, List.of(END_OF_TEXT), List.of(), null, true, 1.0, 0, 0);
  }

  public TokenizerOptions withVocabSize(int v) {
    return new TokenizerOptions(mode, v, specialTokens, userDefined, splitRegex, fullByteAlphabet, characterCoverage,
        maxPieceLength, minFrequency);
  }

  public TokenizerOptions withSpecialTokens(List<String> s) {
    return new TokenizerOptions(mode, vocabSize, s, userDefined, splitRegex, fullByteAlphabet, characterCoverage,
        maxPieceLength, minFrequency);
  }

  public TokenizerOptions withUserDefined(List<String> u) {
    return new TokenizerOptions(mode, vocabSize, specialTokens, u, splitRegex, fullByteAlphabet, characterCoverage,
        maxPieceLength, minFrequency);
  }

  public TokenizerOptions withSplitRegex(String r) {
    return new TokenizerOptions(mode, vocabSize, specialTokens, userDefined, r, fullByteAlphabet, characterCoverage,
        maxPieceLength, minFrequency);
  }

  public TokenizerOptions withFullByteAlphabet(boolean f) {
    return new TokenizerOptions(mode, vocabSize, specialTokens, userDefined, splitRegex, f, characterCoverage,
        maxPieceLength, minFrequency);
  }

  public TokenizerOptions withCharacterCoverage(double c) {
    return new TokenizerOptions(mode, vocabSize, specialTokens, userDefined, splitRegex, fullByteAlphabet, c,
        maxPieceLength, minFrequency);
  }

  public TokenizerOptions withMinFrequency(long f) {
    return new TokenizerOptions(mode, vocabSize, specialTokens, userDefined, splitRegex, fullByteAlphabet,
        characterCoverage, maxPieceLength, f);
  }

  /** The pre-tokenizer words are counted with (for training) in this mode. */
  public PreTokenizer preTokenizer() {
    if (mode == Mode.SENTENCEPIECE) {
      return new SpPreTokenizer(userDefined);
    }
    return splitRegex == null ? new Gpt2Splitter() : new RegexSplitter(splitRegex);
  }
}
