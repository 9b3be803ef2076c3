package org.curate.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;

class SampleCrawlTest {
    private static final byte[] MEMBER_HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    @TempDir
    static Path dir;
    static Manifest manifest;
    static byte[] warc;
    static List<Read> records;

    /** A record re-read with jwarc, with what the tests look at copied out of it. */
    record Read(String type, String uri, Integer status, String contentType, byte[] body, String refersTo) {
    }

    @BeforeAll
    static void generate() throws IOException {
        manifest = SampleCrawl.write(dir.resolve("a/sample-crawl.warc.gz"), dir.resolve("a/benchmarks"));
        warc = Files.readAllBytes(dir.resolve("a/sample-crawl.warc.gz"));
        records = readLeniently(warc, manifest);
    }

    @Test
    void generatingTwiceGivesIdenticalBytes() throws IOException {
        SampleCrawl.write(dir.resolve("b/sample-crawl.warc.gz"), dir.resolve("b/benchmarks"));
        for (String file : new String[] {"sample-crawl.warc.gz", "manifest.json", "benchmarks/demo_qa.jsonl"}) {
            assertThat(sha256(dir.resolve("b").resolve(file))).as(file).isEqualTo(sha256(dir.resolve("a").resolve(file)));
        }
        assertThat(manifest.warcSha256()).isEqualTo(sha256(dir.resolve("a/sample-crawl.warc.gz")));
    }

    @Test
    void sampleIsLargeAndVariedEnough() {
        assertThat(manifest.htmlPages()).isGreaterThanOrEqualTo(300);
        assertThat(manifest.pagesByLanguage()).hasSizeGreaterThanOrEqualTo(6);
        assertThat(manifest.pagesByCharset()).containsKeys("UTF-8", "windows-1251", "GBK", "Shift_JIS", "ISO-8859-1");
        assertThat(manifest.pagesByLanguage().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(manifest.htmlPages());
        assertThat(manifest.pagesByCharset().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(manifest.htmlPages());
        assertThat(manifest.pagesByCategory().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(manifest.htmlPages());
        assertThat(manifest.pagesByCharsetDeclaration()).containsKeys("http-header", "meta-charset", "meta-http-equiv",
                "http-header+meta", "none");
        assertThat(manifest.warcBytes()).isLessThan(4_000_000);
    }

    @Test
    void manifestMatchesWhatJwarcReadsBack() {
        Map<String, Integer> types = new TreeMap<>();
        records.forEach(r -> types.merge(r.type(), 1, Integer::sum));
        Map<String, Integer> expected = new TreeMap<>(manifest.recordsByType());
        expected.merge("response", -manifest.unreadableRecords(), Integer::sum);
        assertThat(types).isEqualTo(expected);
        assertThat(records.get(0).type()).isEqualTo("warcinfo");

        Set<String> notPages = new HashSet<>();
        manifest.brokenRecordDetails().stream().filter(b -> !b.countedAsPage()).forEach(b -> notPages.add(b.uri()));
        long htmlPages = records.stream()
                .filter(r -> r.type().equals("response") && Integer.valueOf(200).equals(r.status()))
                .filter(r -> r.contentType().startsWith("text/html") && !notPages.contains(r.uri()))
                .count();
        assertThat(htmlPages).isEqualTo(manifest.htmlPages());
        long nonHtml = records.stream()
                .filter(r -> r.type().equals("response") && Integer.valueOf(200).equals(r.status()))
                .filter(r -> !r.contentType().startsWith("text/html"))
                .count();
        assertThat(nonHtml).isEqualTo(manifest.nonHtmlResponses());
        Map<String, Integer> statuses = new TreeMap<>();
        records.stream().filter(r -> r.status() != null && r.type().equals("response"))
                .forEach(r -> statuses.merge(Integer.toString(r.status()), 1, Integer::sum));
        assertThat(statuses).isEqualTo(manifest.responsesByStatus());
    }

    @Test
    void everyRequestIsFollowedByItsResponseAndRevisitsPointBackwards() {
        Set<String> seenResponseIds = new HashSet<>();
        for (int i = 0; i < records.size(); i++) {
            Read r = records.get(i);
            if (r.type().equals("response")) {
                seenResponseIds.add(r.uri());
            }
            if (r.type().equals("revisit")) {
                assertThat(seenResponseIds).contains(r.uri());
                assertThat(r.refersTo()).isNotNull();
            }
        }
    }

    @Test
    void charsetsAreTheDeclaredOnes() {
        assertThat(bodyDeclaring("windows-1251", "windows-1251")).matches(s -> s.codePoints()
                .anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC));
        assertThat(bodyDeclaring("gbk", "GBK")).matches(s -> s.codePoints()
                .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN));
        assertThat(bodyDeclaring("shift_jis", "Shift_JIS")).matches(s -> s.codePoints()
                .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HIRAGANA));
        assertThat(bodyDeclaring("iso-8859-1", "ISO-8859-1")).containsAnyOf("ä", "ö", "ü", "é", "è", "à");
    }

    @Test
    void unknownCharsetLabelPagesDecodeAsWindows1251() {
        List<Read> unknown = records.stream()
                .filter(r -> r.contentType() != null && r.contentType().contains(PageFactory.UNKNOWN_CHARSET_LABEL)).toList();
        assertThat(unknown).hasSize(2);
        String text = new String(unknown.get(0).body(), Charset.forName("windows-1251"));
        assertThat(text).containsPattern("\\p{IsCyrillic}{4,}");
    }

    @Test
    void benchmarkIsQuotedVerbatimByContaminatedPages() throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("a/benchmarks/demo_qa.jsonl"));
        assertThat(lines).hasSize(BenchmarkQa.ITEMS.size()).allMatch(l -> l.contains("\"id\"") && l.contains("\"question\"")
                && l.contains("\"answer\""));
        String allEnglish = records.stream().filter(r -> r.body() != null && r.contentType().contains("text/html"))
                .map(r -> new String(r.body(), StandardCharsets.UTF_8)).reduce("", String::concat);
        for (String id : manifest.contaminatedQaIds()) {
            BenchmarkQa.Item item = BenchmarkQa.ITEMS.stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
            assertThat(allEnglish).contains(PageTemplate.escape(item.question()));
        }
    }

    @Test
    void truncatedMemberReallyIsTruncated() {
        BrokenRecord truncated = manifest.brokenRecordDetails().stream()
                .filter(b -> b.kind().equals(BrokenRecord.TRUNCATED_GZIP_MEMBER)).findFirst().orElseThrow();
        int next = nextMember(warc, (int) truncated.offset() + MEMBER_HEADER.length);
        byte[] member = Arrays.copyOfRange(warc, (int) truncated.offset(), next);
        assertThatThrownBy(() -> new GZIPInputStream(new ByteArrayInputStream(member)).readAllBytes())
                .isInstanceOf(IOException.class);
    }

    @Test
    void ownGzipRoundTrips() throws IOException {
        byte[] data = ("abcabcabc " + "x".repeat(1000) + " ünïcødé " + "abcabcabc").repeat(50).getBytes(StandardCharsets.UTF_8);
        byte[] member = GzipMembers.member(data);
        assertThat(new GZIPInputStream(new ByteArrayInputStream(member)).readAllBytes()).isEqualTo(data);
        assertThat(new GZIPInputStream(new ByteArrayInputStream(GzipMembers.member(new byte[0]))).readAllBytes()).isEmpty();
    }

    @Test
    void cardNumbersPassLuhn() {
        PiiText pii = new PiiText(new java.util.Random(1));
        for (int i = 0; i < 50; i++) {
            String digits = pii.cardNumber().replace(" ", "");
            assertThat(PiiText.luhnCheckDigit(digits.substring(0, digits.length() - 1)))
                    .isEqualTo(digits.charAt(digits.length() - 1) - '0');
        }
    }

    private static String bodyDeclaring(String label, String charset) {
        Read page = records.stream()
                .filter(r -> r.contentType() != null && r.contentType().toLowerCase(Locale.ROOT).endsWith("charset=" + label))
                .filter(r -> r.body() != null)
                .findFirst().orElseThrow();
        return new String(page.body(), Charset.forName(charset));
    }

    /**
     * Reads with jwarc up to the truncated member and again from the next gzip member after it,
     * as a resynchronising reader would.
     */
    static List<Read> readLeniently(byte[] warc, Manifest manifest) throws IOException {
        long cut = manifest.brokenRecordDetails().stream()
                .filter(b -> b.kind().equals(BrokenRecord.TRUNCATED_GZIP_MEMBER)).findFirst().orElseThrow().offset();
        int resume = nextMember(warc, (int) cut + MEMBER_HEADER.length);
        List<Read> out = new ArrayList<>();
        read(new ByteArrayInputStream(warc, 0, (int) cut), out);
        read(new ByteArrayInputStream(warc, resume, warc.length - resume), out);
        return out;
    }

    private static void read(InputStream in, List<Read> out) throws IOException {
        try (WarcReader reader = new WarcReader(in)) {
            for (WarcRecord record : reader) {
                String uri = record.headers().first("WARC-Target-URI").orElse(null);
                Integer status = null;
                String contentType = null;
                byte[] body = null;
                if (record instanceof WarcResponse response) {
                    try {
                        HttpResponse http = response.http();
                        status = http.status();
                        contentType = http.headers().first("Content-Type").orElse("");
                        body = http.bodyDecoded().stream().readAllBytes();
                    } catch (IOException | RuntimeException unparseable) {
                        // the garbage-header and undecodable records end up here, as intended
                    }
                }
                String refersTo = record instanceof WarcRevisit revisit
                        ? revisit.headers().first("WARC-Refers-To").orElse(null) : null;
                out.add(new Read(record.type(), uri, status, contentType, body, refersTo));
            }
        }
    }

    private static int nextMember(byte[] data, int from) {
        outer:
        for (int i = from; i + MEMBER_HEADER.length <= data.length; i++) {
            for (int j = 0; j < MEMBER_HEADER.length; j++) {
                if (data[i + j] != MEMBER_HEADER[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("no gzip member after " + from);
    }

    private static String sha256(Path file) throws IOException {
        return java.util.HexFormat.of().formatHex(Digests.hash("SHA-256", Files.readAllBytes(file)));
    }
}
