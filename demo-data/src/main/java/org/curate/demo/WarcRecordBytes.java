package org.curate.demo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One WARC/1.1 record serialised by hand. Written directly rather than through jwarc's builders
 * so that the header order is fixed and so that deliberately broken blocks can be written too.
 */
public final class WarcRecordBytes {
    private final List<String[]> fields = new ArrayList<>();

    public WarcRecordBytes(String type, String recordId, String date) {
        add("WARC-Type", type);
        add("WARC-Record-ID", recordId);
        add("WARC-Date", date);
    }

    public WarcRecordBytes add(String name, String value) {
        fields.add(new String[] {name, value});
        return this;
    }

    public byte[] toBytes(String contentType, byte[] block) {
        StringBuilder head = new StringBuilder(512).append("WARC/1.1\r\n");
        for (String[] f : fields) {
            head.append(f[0]).append(": ").append(f[1]).append("\r\n");
        }
        head.append("WARC-Block-Digest: ").append(Digests.sha1(block)).append("\r\n")
                .append("Content-Type: ").append(contentType).append("\r\n")
                .append("Content-Length: ").append(block.length).append("\r\n\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream(head.length() + block.length + 4);
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(block);
        out.writeBytes(new byte[] {'\r', '\n', '\r', '\n'});
        return out.toByteArray();
    }
}
