package org.curate.demo;

import java.io.ByteArrayOutputStream;

/**
 * A small DEFLATE (RFC 1951) encoder: greedy LZ77 with hash chains and the fixed Huffman code.
 * The JDK's {@code Deflater} delegates to whatever zlib the platform ships (zlib, zlib-ng,
 * Apple's...), and those produce different bytes for the same input; this encoder is pure Java,
 * so the sample is byte-identical on every machine. Compression is a little worse than zlib's.
 */
final class FixedHuffmanDeflater {
    private static final int WINDOW = 32_768;
    private static final int MIN_MATCH = 3;
    private static final int MAX_MATCH = 258;
    private static final int MAX_CHAIN = 32;
    private static final int HASH_BITS = 15;

    private static final int[] LENGTH_BASE = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59,
            67, 83, 99, 115, 131, 163, 195, 227, 258};
    private static final int[] LENGTH_EXTRA = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4,
            5, 5, 5, 5, 0};
    private static final int[] DIST_BASE = {1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513,
            769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
    private static final int[] DIST_EXTRA = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10,
            11, 11, 12, 12, 13, 13};

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int bitBuffer;
    private int bitCount;

    private FixedHuffmanDeflater() {
    }

    static byte[] deflate(byte[] data) {
        FixedHuffmanDeflater d = new FixedHuffmanDeflater();
        d.encode(data);
        return d.out.toByteArray();
    }

    private void encode(byte[] data) {
        writeBits(1, 1); // BFINAL: everything goes into one block
        writeBits(1, 2); // BTYPE 01: fixed Huffman codes
        int[] head = new int[1 << HASH_BITS];
        java.util.Arrays.fill(head, -1);
        int[] prev = new int[WINDOW];
        int pos = 0;
        while (pos < data.length) {
            int bestLength = 0;
            int bestDistance = 0;
            if (pos + MIN_MATCH <= data.length) {
                int h = hash(data, pos);
                int candidate = head[h];
                int chain = 0;
                while (candidate >= 0 && pos - candidate <= WINDOW && chain++ < MAX_CHAIN) {
                    int length = matchLength(data, candidate, pos);
                    if (length > bestLength) {
                        bestLength = length;
                        bestDistance = pos - candidate;
                        if (length == MAX_MATCH) {
                            break;
                        }
                    }
                    candidate = prev[candidate & (WINDOW - 1)];
                }
            }
            int advance = bestLength >= MIN_MATCH ? bestLength : 1;
            if (bestLength >= MIN_MATCH) {
                writeLength(bestLength);
                writeDistance(bestDistance);
            } else {
                writeLiteral(data[pos] & 0xff);
            }
            for (int i = 0; i < advance; i++, pos++) {
                if (pos + MIN_MATCH <= data.length) {
                    int h = hash(data, pos);
                    prev[pos & (WINDOW - 1)] = head[h];
                    head[h] = pos;
                }
            }
        }
        writeSymbol(256);
        if (bitCount > 0) {
            out.write(bitBuffer & 0xff);
        }
    }

    private static int hash(byte[] d, int i) {
        int v = ((d[i] & 0xff) << 16) | ((d[i + 1] & 0xff) << 8) | (d[i + 2] & 0xff);
        return (v * 0x9E3779B1) >>> (32 - HASH_BITS);
    }

    private static int matchLength(byte[] d, int from, int to) {
        int max = Math.min(MAX_MATCH, d.length - to);
        int n = 0;
        while (n < max && d[from + n] == d[to + n]) {
            n++;
        }
        return n;
    }

    private void writeLiteral(int literal) {
        writeSymbol(literal);
    }

    private void writeLength(int length) {
        int code = LENGTH_BASE.length - 1;
        while (LENGTH_BASE[code] > length) {
            code--;
        }
        writeSymbol(257 + code);
        writeBits(length - LENGTH_BASE[code], LENGTH_EXTRA[code]);
    }

    private void writeDistance(int distance) {
        int code = DIST_BASE.length - 1;
        while (DIST_BASE[code] > distance) {
            code--;
        }
        writeHuffman(code, 5);
        writeBits(distance - DIST_BASE[code], DIST_EXTRA[code]);
    }

    /** The fixed literal/length code of RFC 1951 section 3.2.6. */
    private void writeSymbol(int symbol) {
        if (symbol < 144) {
            writeHuffman(0x30 + symbol, 8);
        } else if (symbol < 256) {
            writeHuffman(0x190 + symbol - 144, 9);
        } else if (symbol < 280) {
            writeHuffman(symbol - 256, 7);
        } else {
            writeHuffman(0xC0 + symbol - 280, 8);
        }
    }

    /** Huffman codes are packed most-significant bit first, unlike every other field. */
    private void writeHuffman(int code, int length) {
        writeBits(Integer.reverse(code) >>> (32 - length), length);
    }

    private void writeBits(int value, int count) {
        bitBuffer |= value << bitCount;
        bitCount += count;
        while (bitCount >= 8) {
            out.write(bitBuffer & 0xff);
            bitBuffer >>>= 8;
            bitCount -= 8;
        }
    }
}
