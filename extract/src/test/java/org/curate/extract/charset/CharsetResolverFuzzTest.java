package org.curate.extract.charset;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.curate.extract.FuzzExecutions;
import org.curate.extract.FuzzSeeds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Jazzer fuzz target of {@link CharsetResolver} (and through it {@link CharsetLabels} and
 * {@link MetaCharsetScanner}). Input: byte 0 = the header label's length (low 6 bits; bit 6 set
 * means no header label), then the label (ISO-8859-1), then the payload. For every input:
 * resolution does not throw and names its source; a BOM wins exactly when there is one; a UTF-8
 * answer from a declaration or from validation is only given for valid UTF-8 (the documented rule
 * that a declared UTF-8 the bytes contradict is ignored); the payload decodes with the answer
 * without an exception (what the extractor does next); only the first {@code length} bytes
 * count; the answer is the same when asked twice.
 */
class CharsetResolverFuzzTest {
  private static final Set<String> SOURCES = Set.of("bom", "header", "meta", "valid-utf8", "detected", "fallback");
  private static final FuzzExecutions EXECUTIONS = new FuzzExecutions("CharsetResolverFuzzTest");
  private static final CharsetResolver RESOLVER = new CharsetResolver();

  static Stream<byte[]> seeds() {
    List<byte[]> seeds = new ArrayList<>();
    for (FuzzSeeds.Page page : FuzzSeeds.htmlPages(48, 2048)) {
      seeds.add(input(page.charsetLabel(), page.body()));
    }
    // Project-made: labels browsers map to supersets, unknown and malformed labels, BOMs, meta tags.
    seeds.add(input("iso-8859-1", "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1)));
    seeds.add(input("utf-8", "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1)));
    seeds.add(input("shift_jis", "\u65e5\u672c\u8a9e".getBytes(java.nio.charset.Charset.forName("Shift_JIS"))));
    seeds.add(input("\"utf-16\";", new byte[] {(byte) 0xFF, (byte) 0xFE, 'h', 0, 'i', 0}));
    seeds.add(input("x-no-such-charset", "<meta charset=\"koi8-r\"><p>\u00f0\u00d2\u00c9".getBytes(StandardCharsets.ISO_8859_1)));
    seeds.add(input(null, "<meta http-equiv=Content-Type content='text/html; charset=gb2312'>".getBytes(StandardCharsets.US_ASCII)));
    seeds.add(input("bad name!", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'o', 'k'}));
    return seeds.stream();
  }

  @MethodSource("seeds")
  @FuzzTest(maxDuration = "50s")
  void resolvesEveryPayloadToACharsetThatDecodesIt(byte[] input) {
    EXECUTIONS.add();
    if (input.length == 0) {
      return;
    }
    boolean noLabel = (input[0] & 0x40) != 0;
    int labelLength = Math.min(input[0] & 0x3F, input.length - 1);
    String label = noLabel ? null : new String(input, 1, labelLength, StandardCharsets.ISO_8859_1);
    byte[] payload = Arrays.copyOfRange(input, 1 + labelLength, input.length);
    int n = payload.length;

    CharsetResolver.Resolved resolved = RESOLVER.resolve(payload, n, label);
    assertThat(resolved.charset()).isNotNull();
    assertThat(resolved.source()).isIn(SOURCES);
    boolean bom = CharsetResolver.byteOrderMark(payload, n).isPresent();
    assertThat(resolved.source().equals("bom")).as("BOM present: %s, source %s", bom, resolved.source()).isEqualTo(bom);
    if (!bom && resolved.charset().equals(StandardCharsets.UTF_8)) {
      assertThat(CharsetResolver.isValidUtf8(payload, n)).as("UTF-8 chosen by %s for invalid UTF-8", resolved.source()).isTrue();
    }
    assertThat(new String(payload, 0, n, resolved.charset())).isNotNull();

    byte[] padded = Arrays.copyOf(payload, n + 64);
    Arrays.fill(padded, n, padded.length, (byte) 0xC3); // bytes past length that would change any answer
    assertThat(RESOLVER.resolve(padded, n, label)).as("bytes beyond length are ignored").isEqualTo(resolved);
  }

  @AfterAll
  static void report() {
    EXECUTIONS.report();
  }

  private static byte[] input(String label, byte[] payload) {
    byte[] labelBytes = label == null ? new byte[0] : label.getBytes(StandardCharsets.ISO_8859_1);
    byte[] out = new byte[1 + labelBytes.length + payload.length];
    out[0] = (byte) (label == null ? 0x40 : labelBytes.length & 0x3F);
    System.arraycopy(labelBytes, 0, out, 1, labelBytes.length);
    System.arraycopy(payload, 0, out, 1 + labelBytes.length, payload.length);
    return out;
  }
}
