package org.curate.tokenizer;

/** The two tokenizer families. */
public enum Mode {
  /** SentencePiece-style BPE over code points: whitespace as ▁, digits split, byte fallback (AFM). */
  SENTENCEPIECE("sentencepiece"),
  /** GPT-2-style byte-level BPE: split regex, then every UTF-8 byte is one symbol. */
  BYTE_LEVEL("byte-level");

  private final String label;

  Mode(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Mode parse(String s) {
    for (Mode m : values()) {
      if (m.label.equalsIgnoreCase(s) || m.name().equalsIgnoreCase(s)) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown tokenizer mode '" + s + "' (sentencepiece|byte-level)");
  }
}
