package org.curate.demo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.Adler32;
import java.util.zip.CRC32;

/** Small but valid non-HTML payloads: PDF, PNG, CSS, JavaScript and JSON, built byte by byte. */
public final class BinaryAssets {
    private final Random random;

    public BinaryAssets(Random random) {
        this.random = random;
    }

    /** A one-page PDF 1.4 with a line of text, with a correct cross-reference table. */
    public byte[] pdf(String text) {
        String safe = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)");
        String stream = "BT /F1 14 Tf 72 720 Td (" + safe + ") Tj ET";
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        offsets.forEach(o -> pdf.append(String.format("%010d 00000 n \n", o)));
        pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** An 8-bit RGB PNG with a simple gradient, so each image has distinct bytes. */
    public byte[] png(int width, int height) {
        int r0 = random.nextInt(256);
        int g0 = random.nextInt(256);
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        for (int y = 0; y < height; y++) {
            raw.write(0); // filter type "none" for each scanline
            for (int x = 0; x < width; x++) {
                raw.write((r0 + x * 4) & 0xff);
                raw.write((g0 + y * 4) & 0xff);
                raw.write((x * y) & 0xff);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        writeIntBe(ihdr, width);
        writeIntBe(ihdr, height);
        ihdr.writeBytes(new byte[] {8, 2, 0, 0, 0});
        chunk(png, "IHDR", ihdr.toByteArray());
        chunk(png, "IDAT", zlib(raw.toByteArray()));
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    public byte[] css() {
        String css = "body{margin:0;font-family:Georgia,serif;color:#222}\n"
                + ".site-header{display:flex;padding:12px;background:#0b3d5c}\n"
                + ".main-nav ul{list-style:none;margin:0;padding:0}\n"
                + ".cookie-consent{position:fixed;bottom:0;width:100%;background:#fffbe6}\n"
                + ".sidebar{float:right;width:" + (220 + random.nextInt(80)) + "px}\n"
                + ".ad-slot{border:1px solid #ccc;padding:8px}\n";
        return css.getBytes(StandardCharsets.UTF_8);
    }

    public byte[] javascript() {
        String js = "(function(){\n  'use strict';\n  var banner = document.getElementById('cookie-banner');\n"
                + "  function hide(){ if (banner) { banner.style.display = 'none'; } }\n"
                + "  document.addEventListener('click', function(e){\n"
                + "    if (e.target.matches('.cookie-consent button')) { document.cookie = 'consent=' + "
                + random.nextInt(1000) + "; path=/'; hide(); }\n  });\n})();\n";
        return js.getBytes(StandardCharsets.UTF_8);
    }

    public byte[] json(String host) {
        String json = "{\"articles\": [{\"id\": " + random.nextInt(100_000) + ", \"section\": \"news\"}, {\"id\": "
                + random.nextInt(100_000) + ", \"section\": \"sports\"}], \"site\": \"" + host + "\", \"version\": 2}\n";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        writeIntBe(png, data.length);
        png.writeBytes(typeBytes);
        png.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        writeIntBe(png, (int) crc.getValue());
    }

    /** A zlib stream (RFC 1950) around our own deflate, so PNG bytes do not depend on the platform zlib. */
    private static byte[] zlib(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x78);
        out.write(0x01);
        out.writeBytes(FixedHuffmanDeflater.deflate(data));
        Adler32 adler = new Adler32();
        adler.update(data);
        writeIntBe(out, (int) adler.getValue());
        return out.toByteArray();
    }

    private static void writeIntBe(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }
}
