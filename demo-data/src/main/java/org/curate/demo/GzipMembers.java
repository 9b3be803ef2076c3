package org.curate.demo;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * Gzip members written byte-for-byte the same everywhere: a fixed header (no file name, mtime 0,
 * OS "unknown") and a pure-Java deflate stream. One member per WARC record, as in Common Crawl,
 * so a reader can start at any member boundary.
 */
public final class GzipMembers {
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    private GzipMembers() {
    }

    public static byte[] member(byte[] data) {
        byte[] deflated = FixedHuffmanDeflater.deflate(data);
        CRC32 crc = new CRC32();
        crc.update(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream(HEADER.length + deflated.length + 8);
        out.writeBytes(HEADER);
        out.writeBytes(deflated);
        writeIntLe(out, (int) crc.getValue());
        writeIntLe(out, data.length);
        return out.toByteArray();
    }

    /** The first {@code keep} bytes of a member: what a crawler leaves behind when it dies mid-write. */
    public static byte[] truncated(byte[] member, int keep) {
        if (keep <= HEADER.length || keep >= member.length - 8) {
            throw new IllegalArgumentException("truncation point must fall inside the deflate stream");
        }
        return Arrays.copyOf(member, keep);
    }

    private static void writeIntLe(ByteArrayOutputStream out, int v) {
        out.write(v);
        out.write(v >>> 8);
        out.write(v >>> 16);
        out.write(v >>> 24);
    }
}
