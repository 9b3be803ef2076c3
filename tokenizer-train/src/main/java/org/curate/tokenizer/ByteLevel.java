package org.curate.tokenizer;

/**
 * GPT-2's reversible byte → char map: printable bytes {@code !..~}, {@code ¡..¬} and {@code ®..ÿ}
 * map to the same code point; the other 68 bytes map, in byte order, to U+0100 + n (so space is
 * {@code Ġ} and newline {@code Ċ}). Every mapped char is in the BMP.
 */
public final class ByteLevel {
  private static final char[] BYTE_TO_CHAR = new char[256];
  private static final int[] CHAR_TO_BYTE = new int[0x200];

  static {
    java.util.Arrays.fill(CHAR_TO_BYTE, -1);
    int n = 0;
    for (int b = 0; b < 256; b++) {
      boolean same = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
      char c = same ? (char) b : (char) (0x100 + n++);
      BYTE_TO_CHAR[b] = c;
      CHAR_TO_BYTE[c] = b;
    }
  }

  private ByteLevel() {}

  public static char charOf(int b) {
    return BYTE_TO_CHAR[b & 0xFF];
  }

  /** The byte a mapped char stands for, or -1 when {@code c} is not one of the 256 mapped chars. */
  public static int byteOf(char c) {
    return c < CHAR_TO_BYTE.length ? CHAR_TO_BYTE[c] : -1;
  }

  /** Maps each byte to its char. */
  public static String encode(byte[] bytes, int from, int to) {
    char[] out = new char[to - from];
    for (int i = from; i < to; i++) {
      out[i - from] = BYTE_TO_CHAR[bytes[i] & 0xFF];
    }
    return new String(out);
  }

  public static String encode(byte[] bytes) {
    return encode(bytes, 0, bytes.length);
  }

  /** The bytes a mapped string stands for; throws on a char outside the map. */
  public static byte[] decode(String mapped) {
    byte[] out = new byte[mapped.length()];
    for (int i = 0; i < mapped.length(); i++) {
      int b = byteOf(mapped.charAt(i));
      if (b < 0) {
        throw new IllegalArgumentException("not a byte-level char: U+" + Integer.toHexString(mapped.charAt(i)));
      }
      out[i] = (byte) b;
    }
    return out;
  }

  /** The 256 mapped chars sorted by code point: HF's initial alphabet order. */
  public static char[] alphabetByCodePoint() {
    char[] a = BYTE_TO_CHAR.clone();
    java.util.Arrays.sort(a);
    return a;
  }
}
