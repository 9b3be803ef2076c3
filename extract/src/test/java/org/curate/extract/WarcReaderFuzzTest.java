package org.curate.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.curate.core.Outcome;
import org.curate.core.ReasonCode;
import org.curate.extract.html.JsoupMainTextExtractor;
import org.curate.extract.http.MimeFamily;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Jazzer fuzz target of the crawl-file reader ({@link CrawlFileExtractor}: gzip layout detection,
 * WARC/ARC parsing with resync, HTTP decoding, charset resolution, main-text extraction). The
 * first input byte picks the mode:
 * <ul>
 *   <li>even: the rest is a crawl file as is. Reading must end without an exception, every result
 *       that is not a document names a documented reason, none is {@code extract:error} (the net for
 *       unexpected exceptions), documents are bounded by the payload limit, and a plain file never
 *       yields more results than it has bytes;</li>
 *   <li>odd: the rest is split at {@link #SEPARATOR} into records that are framed correctly (right
 *       Content-Length, per-record gzip when bit 1 of the mode byte is set) around fuzzed blocks:
 *       each must then come out as exactly one result, in order, under its own target URI, and
 *       none may be counted as a framing failure. This is the accounting invariant: whatever a
 *       record's HTTP head, body encoding, charset or HTML, it is one document or one counted
 *       drop/failure, never zero or two.</li>
 * </ul>
 * Seeds: the shared crawl files up to 64 KiB (read in place by {@link FuzzSeeds}), framed records
 * around the HTML bodies of shared crawls, and a small project-made WARC.
 */
class WarcReaderFuzzTest {
  static final byte[] SEPARATOR = {(byte) 0xF0, 0x00, (byte) 0xF0, 0x00};
  static final long MAX_PAYLOAD = 256 * 1024;
  private static final String[] TYPES = {"response", "resource", "conversion", "request", "metadata", "revisit",
      "warcinfo", "future-type"};
  /** Every reason the extractor documents, except the non-html families (checked by prefix). */
  static final Set<String> DOCUMENTED_REASONS = Set.of("warc:warcinfo", "warc:request", "warc:metadata",
      "warc:revisit", "warc:resource", "warc:continuation", "warc:conversion", "warc:unknown-type", "non-http:dns",
      "payload:too-large", "file:unreadable", "warc:truncated-gzip", "warc:corrupt-gzip", "warc:trailing-garbage",
      "warc:parse-error", "warc:bad-content-length", "http:parse-error", "http:undecodable-body", "extract:timeout",
      "extract:too-deep", "extract:error");
  /** Failures that mean the framing was broken; a correctly framed record must never get one. */
  private static final Set<String> FRAMING_FAILURES = Set.of("warc:truncated-gzip", "warc:corrupt-gzip",
      "warc:trailing-garbage", "warc:parse-error", "warc:bad-content-length", "file:unreadable");

  /** Every broken record logs a WARN line; at thousands of inputs a second, writing them is all the fuzzer would do. */
  private static final java.util.logging.Logger EXTRACT_LOG = java.util.logging.Logger.getLogger("org.curate.extract");

  static {
    EXTRACT_LOG.setLevel(java.util.logging.Level.OFF);
  }

  private static final FuzzExecutions EXECUTIONS = new FuzzExecutions("WarcReaderFuzzTest");
  private static final CrawlFileExtractor EXTRACTOR =
      new CrawlFileExtractor(new ExtractOptions(MAX_PAYLOAD, 20_000), new JsoupMainTextExtractor());

  static Stream<byte[]> seeds() {
    List<byte[]> seeds = new ArrayList<>();
    for (byte[] file : FuzzSeeds.smallCrawlFiles()) {
      seeds.add(prefixed((byte) 0, file));
    }
    List<FuzzSeeds.Page> pages = FuzzSeeds.htmlPages(24, 4096);
    for (int i = 0; i < pages.size(); i += 3) {
      List<byte[]> blocks = new ArrayList<>();
      for (FuzzSeeds.Page page : pages.subList(i, Math.min(i + 3, pages.size()))) {
        blocks.add(prefixed((byte) 0, httpResponse(page.charsetLabel(), page.body())));
      }
      seeds.add(framedInput((byte) (i % 2 == 0 ? 1 : 3), blocks));
    }
    seeds.add(framedInput((byte) 1, List.of(
        prefixed((byte) 6, "software: curate-fuzz\r\n".getBytes(StandardCharsets.US_ASCII)),
        prefixed((byte) 0, httpResponse("utf-8", "<html><title>T</title><p>Hello fuzz</p>".getBytes(StandardCharsets.UTF_8))),
        prefixed((byte) 2, "plain text conversion".getBytes(StandardCharsets.UTF_8)),
        prefixed((byte) 3, "GET / HTTP/1.1\r\nHost: fuzz.example\r\n\r\n".getBytes(StandardCharsets.US_ASCII)))));
    return seeds.stream();
  }

  @MethodSource("seeds")
  @FuzzTest(maxDuration = "50s")
  void everyRecordIsOneResultWithADocumentedReason(byte[] input) {
    EXECUTIONS.add();
    if (input.length == 0) {
      return;
    }
    byte[] rest = Arrays.copyOfRange(input, 1, input.length);
    if ((input[0] & 1) == 0) {
      checkRawFile(rest);
    } else {
      checkFramedRecords((input[0] & 2) != 0, rest);
    }
  }

  @AfterAll
  static void report() {
    EXECUTIONS.report();
  }

  private static void checkRawFile(byte[] file) {
    List<RecordResult> results = readAll(file);
    results.forEach(WarcReaderFuzzTest::checkResult);
    boolean gzip = file.length >= 2 && (file[0] & 0xff) == 0x1f && (file[1] & 0xff) == 0x8b;
    if (!gzip) {
      assertThat(results.size()).as("results of a plain file of %d bytes", file.length).isLessThanOrEqualTo(Math.max(1, file.length));
    }
  }

  private static void checkFramedRecords(boolean gzip, byte[] data) {
    List<byte[]> blocks = split(data);
    List<RecordResult> results = readAll(warcFile(gzip, blocks));
    assertThat(results).as("results of %d correctly framed records", blocks.size()).hasSize(blocks.size());
    for (int i = 0; i < results.size(); i++) {
      RecordResult result = results.get(i);
      checkResult(result);
      assertThat(result.ref().url()).as("record %d", i).isEqualTo(targetUri(i));
      if (!(result.outcome() instanceof Outcome.Kept)) {
        assertThat(result.outcome().reason()).as("record %d of a correctly framed file", i).isNotIn(FRAMING_FAILURES);
      }
    }
  }

  private static void checkResult(RecordResult result) {
    Outcome<ExtractedPage> outcome = result.outcome();
    if (outcome instanceof Outcome.Kept<ExtractedPage> kept) {
      ExtractedPage page = kept.value();
      assertThat(page.id()).isNotNull();
      assertThat(page.text()).isNotNull();
      assertThat((long) page.text().length()).as("text length").isLessThanOrEqualTo(MAX_PAYLOAD);
      assertThat((long) (page.title() == null ? 0 : page.title().length())).as("title length").isLessThanOrEqualTo(MAX_PAYLOAD);
      return;
    }
    String reason = outcome.reason();
    assertThat(ReasonCode.check(reason)).isEqualTo(reason);
    assertThat(reason).as("unexpected exception while extracting: %s", outcome).isNotEqualTo("extract:error");
    boolean documented = DOCUMENTED_REASONS.contains(reason) || Arrays.stream(MimeFamily.values())
        .anyMatch(f -> f != MimeFamily.HTML && reason.equals("non-html:" + f.code()));
    assertThat(documented).as("documented reason: %s", reason).isTrue();
  }

  private static List<RecordResult> readAll(byte[] file) {
    List<RecordResult> results = new ArrayList<>();
    try (RecordStream stream = EXTRACTOR.open(new InMemorySource("fuzz.warc", file))) {
      stream.forEachRemaining(results::add);
    }
    return results;
  }

  /** A block's first byte picks the record type; the rest is the block. */
  static byte[] warcFile(boolean gzip, List<byte[]> blocks) {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    for (int i = 0; i < blocks.size(); i++) {
      byte[] spec = blocks.get(i);
      String type = spec.length == 0 ? TYPES[0] : TYPES[(spec[0] & 0xff) % TYPES.length];
      byte[] block = spec.length == 0 ? spec : Arrays.copyOfRange(spec, 1, spec.length);
      String contentType = switch (type) {
        case "response", "revisit" -> "application/http; msgtype=response";
        case "request" -> "application/http; msgtype=request";
        case "resource" -> "text/html";
        case "conversion" -> "text/plain";
        case "warcinfo" -> "application/warc-fields";
        default -> "application/octet-stream";
      };
      String head = "WARC/1.0\r\nWARC-Type: " + type + "\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-"
          + String.format("%012d", i) + ">\r\nWARC-Date: 2024-01-02T03:04:05Z\r\nWARC-Target-URI: " + targetUri(i)
          + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + block.length + "\r\n\r\n";
      byte[] record = concat(head.getBytes(StandardCharsets.US_ASCII), block, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      file.writeBytes(gzip ? gzip(record) : record);
    }
    return file.toByteArray();
  }

  static String targetUri(int i) {
    return "https://fuzz.example/r" + i;
  }

  static byte[] framedInput(byte mode, List<byte[]> blocks) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(mode);
    for (int i = 0; i < blocks.size(); i++) {
      if (i > 0) {
        out.writeBytes(SEPARATOR);
      }
      out.writeBytes(blocks.get(i));
    }
    return out.toByteArray();
  }

  static List<byte[]> split(byte[] data) {
    List<byte[]> parts = new ArrayList<>();
    int start = 0;
    for (int i = 0; i + SEPARATOR.length <= data.length; i++) {
      if (Arrays.equals(data, i, i + SEPARATOR.length, SEPARATOR, 0, SEPARATOR.length)) {
        parts.add(Arrays.copyOfRange(data, start, i));
        start = i + SEPARATOR.length;
        i = start - 1;
      }
    }
    parts.add(Arrays.copyOfRange(data, start, data.length));
    return parts;
  }

  static byte[] httpResponse(String charset, byte[] body) {
    String head = "HTTP/1.1 200 OK\r\nContent-Type: text/html" + (charset == null ? "" : "; charset=" + charset)
        + "\r\nContent-Length: " + body.length + "\r\n\r\n";
    return concat(head.getBytes(StandardCharsets.ISO_8859_1), body);
  }

  private static byte[] prefixed(byte first, byte[] rest) {
    return concat(new byte[] {first}, rest);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
