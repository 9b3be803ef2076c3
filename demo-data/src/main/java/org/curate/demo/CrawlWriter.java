package org.curate.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Appends records to the WARC file, one gzip member each. Record ids are name-based UUIDs of a
 * running number, so they are stable across runs; every record is counted by type here.
 */
public final class CrawlWriter {
    public static final String REVISIT_PROFILE = "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest";

    private final OutputStream out;
    private final CrawlClock clock;
    private final Map<String, Integer> recordsByType = new TreeMap<>();
    private long offset;
    private int sequence;
    private String warcinfoId;

    public CrawlWriter(OutputStream out, CrawlClock clock) {
        this.out = out;
        this.clock = clock;
    }

    public CrawlClock clock() {
        return clock;
    }

    public String nextRecordId() {
        sequence++;
        UUID id = UUID.nameUUIDFromBytes(("curate-sample-crawl/record/" + sequence).getBytes(StandardCharsets.UTF_8));
        return "<urn:uuid:" + id + ">";
    }

    public void warcinfo(String filename, String fields) {
        warcinfoId = nextRecordId();
        byte[] record = new WarcRecordBytes("warcinfo", warcinfoId, CrawlWarcDates.of(clock.now()))
                .add("WARC-Filename", filename)
                .toBytes("application/warc-fields", fields.getBytes(StandardCharsets.UTF_8));
        append("warcinfo", GzipMembers.member(record));
    }

    /** A request record followed by its response; {@code payload} is the body after transfer decoding. */
    public CapturedResponse capture(Instant date, String uri, String ip, byte[] request, byte[] response,
                                    byte[] payload, String identifiedType) {
        String requestId = nextRecordId();
        String responseId = nextRecordId();
        request(uri, requestId, responseId, date, ip, request);
        String payloadDigest = Digests.sha1(payload);
        WarcRecordBytes fields = captureFields("response", responseId, date, uri, ip)
                .add("WARC-Payload-Digest", payloadDigest);
        if (identifiedType != null) {
            fields.add("WARC-Identified-Payload-Type", identifiedType);
        }
        long offset = append("response", GzipMembers.member(fields.toBytes("application/http; msgtype=response", response)));
        return new CapturedResponse(uri, responseId, date, payloadDigest, httpHead(response), offset);
    }

    /** The request record alone, for captures whose response is written by other means. */
    public String request(String uri, String requestId, String concurrentTo, Instant date, String ip, byte[] request) {
        byte[] record = captureFields("request", requestId, date, uri, ip)
                .add("WARC-Concurrent-To", concurrentTo)
                .toBytes("application/http; msgtype=request", request);
        append("request", GzipMembers.member(record));
        return requestId;
    }

    public WarcRecordBytes captureFields(String type, String id, Instant date, String uri, String ip) {
        return new WarcRecordBytes(type, id, CrawlWarcDates.of(date))
                .add("WARC-Warcinfo-ID", warcinfoId)
                .add("WARC-IP-Address", ip)
                .add("WARC-Target-URI", uri);
    }

    public void metadata(CapturedResponse about, String fields) {
        byte[] record = new WarcRecordBytes("metadata", nextRecordId(), CrawlWarcDates.of(about.date()))
                .add("WARC-Warcinfo-ID", warcinfoId)
                .add("WARC-Target-URI", about.uri())
                .add("WARC-Concurrent-To", about.recordId())
                .toBytes("application/warc-fields", fields.getBytes(StandardCharsets.UTF_8));
        append("metadata", GzipMembers.member(record));
    }

    /** A revisit of the identical-payload-digest profile: only the HTTP head is stored again. */
    public void revisit(CapturedResponse original, String ip) {
        Instant date = clock.tick();
        byte[] record = captureFields("revisit", nextRecordId(), date, original.uri(), ip)
                .add("WARC-Profile", REVISIT_PROFILE)
                .add("WARC-Refers-To", original.recordId())
                .add("WARC-Refers-To-Target-URI", original.uri())
                .add("WARC-Refers-To-Date", CrawlWarcDates.of(original.date()))
                .add("WARC-Payload-Digest", original.payloadDigest())
                .add("WARC-Truncated", "length")
                .toBytes("application/http; msgtype=response", original.httpHead());
        append("revisit", GzipMembers.member(record));
    }

    public void resource(String uri, String contentType, byte[] content) {
        Instant date = clock.tick();
        byte[] record = new WarcRecordBytes("resource", nextRecordId(), CrawlWarcDates.of(date))
                .add("WARC-Warcinfo-ID", warcinfoId)
                .add("WARC-Target-URI", uri)
                .toBytes(contentType, content);
        append("resource", GzipMembers.member(record));
    }

    /** Writes bytes that are already a (possibly broken) gzip member; returns its file offset. */
    public long append(String type, byte[] member) {
        long at = offset;
        try {
            out.write(member);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        offset += member.length;
        recordsByType.merge(type, 1, Integer::sum);
        return at;
    }

    public long offset() {
        return offset;
    }

    public Map<String, Integer> recordsByType() {
        return new TreeMap<>(recordsByType);
    }

    private static byte[] httpHead(byte[] response) {
        for (int i = 0; i + 3 < response.length; i++) {
            if (response[i] == '\r' && response[i + 1] == '\n' && response[i + 2] == '\r' && response[i + 3] == '\n') {
                return java.util.Arrays.copyOf(response, i + 4);
            }
        }
        return response;
    }
}
