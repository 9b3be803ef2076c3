package org.curate.demo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/** HTTP/1.1 messages as they travel on the wire, for the blocks of request and response records. */
public final class HttpMessages {
    private static final String USER_AGENT = "CurateSampleBot/1.0 (+https://curate.example/bot)";

    private HttpMessages() {
    }

    public static byte[] request(String path, String host, String acceptLanguage) {
        String head = "GET " + path + " HTTP/1.1\r\n"
                + "Host: " + host + "\r\n"
                + "User-Agent: " + USER_AGENT + "\r\n"
                + "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8\r\n"
                + "Accept-Language: " + acceptLanguage + ",en;q=0.5\r\n"
                + "Accept-Encoding: gzip\r\n"
                + "Connection: close\r\n\r\n";
        return head.getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * A response; {@code headers} are name/value pairs written in order. Content-Length is added
     * unless the headers already choose chunked transfer coding.
     */
    public static byte[] response(int status, String reason, List<String[]> headers, byte[] wireBody) {
        StringBuilder head = new StringBuilder(256).append("HTTP/1.1 ").append(status).append(' ').append(reason).append("\r\n");
        boolean chunked = false;
        for (String[] h : headers) {
            head.append(h[0]).append(": ").append(h[1]).append("\r\n");
            chunked |= h[0].equalsIgnoreCase("Transfer-Encoding");
        }
        if (!chunked) {
            head.append("Content-Length: ").append(wireBody.length).append("\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream(head.length() + wireBody.length);
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(wireBody);
        return out.toByteArray();
    }

    /** Chunked transfer coding with uneven chunk sizes, as servers that stream pages produce. */
    public static byte[] chunked(byte[] body, Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 64);
        int pos = 0;
        while (pos < body.length) {
            int size = Math.min(body.length - pos, 512 + random.nextInt(3584));
            out.writeBytes((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, pos, size);
            out.writeBytes(new byte[] {'\r', '\n'});
            pos += size;
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }
}
