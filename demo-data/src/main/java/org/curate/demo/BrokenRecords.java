package org.curate.demo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * Writes the defective records that real crawls contain and readers must survive. jwarc will not
 * write these, so the bytes are put together here.
 */
public final class BrokenRecords {
    private final CrawlWriter writer;
    private final Random random;

    public BrokenRecords(CrawlWriter writer, Random random) {
        this.writer = writer;
        this.random = random;
    }

    /**
     * A response whose gzip member stops halfway, as when a crawler dies mid-write. Later records
     * are intact, so readers have to find the next member to carry on.
     */
    public BrokenRecord truncatedMember(HtmlPage page, String ip) {
        Instant date = writer.clock().tick();
        String requestId = writer.nextRecordId();
        String responseId = writer.nextRecordId();
        writer.request(page.url(), requestId, responseId, date, ip, HttpMessages.request(page.path(), page.site().host(), "en"));
        byte[] body = page.bytes();
        byte[] http = HttpMessages.response(200, "OK", List.of(
                new String[] {"Date", CrawlClock.httpDate(date)},
                new String[] {"Content-Type", page.contentType()}), body);
        byte[] record = writer.captureFields("response", responseId, date, page.url(), ip)
                .add("WARC-Payload-Digest", Digests.sha1(body))
                .toBytes("application/http; msgtype=response", http);
        byte[] member = GzipMembers.member(record);
        long offset = writer.append("response", GzipMembers.truncated(member, member.length / 2));
        return new BrokenRecord(BrokenRecord.TRUNCATED_GZIP_MEMBER, page.url(), responseId, offset, false);
    }

    /** A response whose block does not start with an HTTP status line or header fields at all. */
    public BrokenRecord garbageHttpHeader(String uri, String host, String path, String ip) {
        byte[] garbage = new byte[48];
        random.nextBytes(garbage);
        garbage[0] = 0;
        String tail = "\r\nthis is not a header line\r\n:::: ::::\r\nContent-Type text/html no colon\r\n\r\n"
                + "<html><body><p>Body after a garbage header.</p></body></html>\r\n";
        byte[] block = concat(concat("HTTX/9.9 ???".getBytes(StandardCharsets.ISO_8859_1), garbage),
                tail.getBytes(StandardCharsets.ISO_8859_1));
        return response(BrokenRecord.GARBAGE_HTTP_HEADER, uri, host, path, ip, block, block, false);
    }

    /** Declares gzip content coding, but the body is neither gzip nor HTML: nothing can decode it. */
    public BrokenRecord undecodableContentEncoding(String uri, String host, String path, String ip) {
        byte[] body = new byte[700];
        random.nextBytes(body);
        body[0] = 0x42; // not the gzip magic, not '<'
        body[1] = 0x00;
        byte[] http = HttpMessages.response(200, "OK", List.of(
                new String[] {"Date", CrawlClock.httpDate(writer.clock().now())},
                new String[] {"Content-Type", "text/html; charset=utf-8"},
                new String[] {"Content-Encoding", "gzip"}), body);
        return response(BrokenRecord.UNDECODABLE_CONTENT_ENCODING, uri, host, path, ip, http, body, false);
    }

    private BrokenRecord response(String kind, String uri, String host, String path, String ip, byte[] http,
                                  byte[] payload, boolean countedAsPage) {
        Instant date = writer.clock().tick();
        String requestId = writer.nextRecordId();
        String responseId = writer.nextRecordId();
        writer.request(uri, requestId, responseId, date, ip, HttpMessages.request(path, host, "en"));
        byte[] record = writer.captureFields("response", responseId, date, uri, ip)
                .add("WARC-Payload-Digest", Digests.sha1(payload))
                .toBytes("application/http; msgtype=response", http);
        long offset = writer.append("response", GzipMembers.member(record));
        return new BrokenRecord(kind, uri, responseId, offset, countedAsPage);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
