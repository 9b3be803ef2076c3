package org.curate.tokenizer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes and reads SentencePiece's {@code ModelProto} (sentencepiece_model.proto, proto2) by hand,
 * field numbers from the public format: {@code pieces=1 {piece=1, score=2, type=3}},
 * {@code trainer_spec=2}, {@code normalizer_spec=3 {name=1, precompiled_charsmap=2,
 * add_dummy_prefix=3, remove_extra_whitespaces=4, escape_whitespaces=5}}. The trainer spec
 * records a BPE model ({@code model_type=3: 2}) with AFM's settings so {@code spm_encode} loads it.
 */
public final class SentencePieceModelProto {
  private SentencePieceModelProto() {}

  public static byte[] write(BpeModel model) {
    Out top = new Out();
    for (int id = 0; id < model.size(); id++) {
      Out p = new Out();
      p.string(1, model.vocab().get(id));
      p.fixed32(2, Float.floatToIntBits(model.scores()[id]));
      if (model.types()[id] != BpeModel.NORMAL) {
        p.varint(3, model.types()[id]);
      }
      top.message(1, p);
    }
    TokenizerOptions o = model.options();
    Out t = new Out();
    t.varint(3, 2); // model_type BPE
    t.varint(4, model.size()); // vocab_size
    t.fixed32(10, Float.floatToIntBits((float) o.characterCoverage()));
    t.varint(18, 262_144); // max_sentence_length
    t.varint(20, o.maxPieceLength() > 0 ? o.maxPieceLength() : 16);
    t.varint(21, 1); // split_by_unicode_script
    t.varint(22, 1); // split_by_whitespace
    t.varint(23, 1); // split_by_number
    t.varint(24, 0); // treat_whitespace_as_suffix
    t.varint(25, 1); // split_digits
    t.varint(26, 1); // allow_whitespace_only_pieces
    for (String u : o.userDefined()) {
      t.string(31, u);
    }
    t.varint(32, 1); // vocabulary_output_piece_score
    t.varint(33, 1); // hard_vocab_limit
    t.varint(35, 1); // byte_fallback
    t.varint(40, 0); // unk_id
    t.varint(41, 1); // bos_id
    t.varint(42, 2); // eos_id
    t.varint(43, -1); // pad_id
    t.string(44, " \u2047 "); // unk_surface
    t.string(45, "<unk>");
    t.string(46, "<s>");
    t.string(47, "</s>");
    t.string(48, "<pad>");
    top.message(2, t);
    Out n = new Out();
    n.string(1, "identity");
    n.bytes(2, new byte[0]);
    n.varint(3, 1); // add_dummy_prefix
    n.varint(4, 0); // remove_extra_whitespaces
    n.varint(5, 1); // escape_whitespaces
    top.message(3, n);
    return top.toByteArray();
  }

  /** The pieces of a model file (ours or spm_train's), as a SentencePiece-mode {@link BpeModel} (no merge list). */
  public static BpeModel read(byte[] bytes) {
    List<String> pieces = new ArrayList<>();
    List<Integer> types = new ArrayList<>();
    List<Float> scores = new ArrayList<>();
    List<String> userDefined = new ArrayList<>();
    In in = new In(bytes, 0, bytes.length);
    int vocabSize = 0;
    while (in.more()) {
      long tag = in.varint();
      int field = (int) (tag >>> 3);
      if (field == 1 && (tag & 7) == 2) {
        In p = in.sub();
        String piece = "";
        float score = 0;
        int type = BpeModel.NORMAL;
        while (p.more()) {
          long t = p.varint();
          switch ((int) (t >>> 3)) {
            case 1 -> piece = p.string();
            case 2 -> score = Float.intBitsToFloat(p.fixed32());
            case 3 -> type = (int) p.varint();
            default -> p.skip((int) (t & 7));
          }
        }
        pieces.add(piece);
        types.add(type);
        scores.add(score);
        if (type == BpeModel.USER_DEFINED) {
          userDefined.add(piece);
        }
      } else if (field == 2 && (tag & 7) == 2) {
        In t = in.sub();
        while (t.more()) {
          long tt = t.varint();
          if ((tt >>> 3) == 3 && t.varint() != 2) {
            throw new IllegalArgumentException("not a BPE SentencePiece model");
          } else if ((tt >>> 3) != 3) {
            t.skip((int) (tt & 7));
          }
        }
      } else {
        in.skip((int) (tag & 7));
      }
    }
    vocabSize = pieces.size();
    int[] typeArray = types.stream().mapToInt(Integer::intValue).toArray();
    float[] scoreArray = new float[vocabSize];
    for (int i = 0; i < vocabSize; i++) {
      scoreArray[i] = scores.get(i);
    }
    TokenizerOptions options = TokenizerOptions.sentencePiece(vocabSize).withUserDefined(userDefined);
    return new BpeModel(Mode.SENTENCEPIECE, options, pieces, typeArray, scoreArray, List.of());
  }

  private static final class Out {
    private final ByteArrayOutputStream buf = new ByteArrayOutputStream();

    void rawVarint(long v) {
      while ((v & ~0x7FL) != 0) {
        buf.write((int) ((v & 0x7F) | 0x80));
        v >>>= 7;
      }
      buf.write((int) v);
    }

    void varint(int field, long v) {
      rawVarint((long) field << 3);
      rawVarint(v);
    }

    void fixed32(int field, int bits) {
      rawVarint(((long) field << 3) | 5);
      for (int i = 0; i < 4; i++) {
        buf.write((bits >>> (8 * i)) & 0xFF);
      }
    }

    void bytes(int field, byte[] b) {
      rawVarint(((long) field << 3) | 2);
      rawVarint(b.length);
      buf.writeBytes(b);
    }

    void string(int field, String s) {
      bytes(field, s.getBytes(StandardCharsets.UTF_8));
    }

    void message(int field, Out m) {
      bytes(field, m.toByteArray());
    }

    byte[] toByteArray() {
      return buf.toByteArray();
    }
  }

  private static final class In {
    private final byte[] b;
    private int pos;
    private final int end;

    In(byte[] b, int pos, int end) {
      this.b = b;
      this.pos = pos;
      this.end = end;
    }

    boolean more() {
      return pos < end;
    }

    long varint() {
      long r = 0;
      for (int shift = 0; ; shift += 7) {
        int c = b[pos++] & 0xFF;
        r |= (long) (c & 0x7F) << shift;
        if (c < 0x80) {
          return r;
        }
      }
    }

    int fixed32() {
      int v = (b[pos] & 0xFF) | (b[pos + 1] & 0xFF) << 8 | (b[pos + 2] & 0xFF) << 16 | (b[pos + 3] & 0xFF) << 24;
      pos += 4;
      return v;
    }

    In sub() {
      int len = (int) varint();
      In s = new In(b, pos, pos + len);
      pos += len;
      return s;
    }

    String string() {
      int len = (int) varint();
      String s = new String(b, pos, len, StandardCharsets.UTF_8);
      pos += len;
      return s;
    }

    void skip(int wireType) {
      switch (wireType) {
        case 0 -> varint();
        case 1 -> pos += 8;
        case 2 -> {
          int len = (int) varint();
          pos += len;
        }
        case 5 -> pos += 4;
        default -> throw new IllegalArgumentException("bad protobuf wire type " + wireType);
      }
    }
  }
}
