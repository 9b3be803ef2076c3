package org.curate.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The built-in sample crawl that {@code ./curate run} processes when given no input: a WARC file
 * (one gzip member per record) composed entirely by this generator, a manifest of what it holds
 * and a small benchmark that some pages quote. Everything is derived from {@link #SEED}, so the
 * output is byte-identical on every run and every machine.
 */
public final class SampleCrawl {
    public static final long SEED = 20_260_105L;
    public static final String WARC_NAME = "sample-crawl.warc.gz";
    public static final String MANIFEST_NAME = "manifest.json";
    public static final String BENCHMARK_NAME = "demo_qa.jsonl";

    private static final Map<Language, Integer> NORMAL_PAGES = Map.of(
            Language.ENGLISH, 60, Language.GERMAN, 45, Language.FRENCH, 40, Language.SPANISH, 35,
            Language.RUSSIAN, 40, Language.CHINESE, 35, Language.JAPANESE, 35);
    private static final String[] SERVERS = {"nginx", "Apache/2.4.62 (Debian)", "cloudflare", "Microsoft-IIS/10.0", "LiteSpeed"};

    /** One planned capture; {@code revisitable} marks plain 200 responses a later revisit may point at. */
    private record Entry(boolean revisitable, Supplier<CapturedResponse> write) {
    }

    private final Random random;
    private final CrawlWriter writer;
    private final ManifestTally tally;
    private final PageFactory pages;
    private final BinaryAssets assets;
    private int pagesWritten;

    private SampleCrawl(Random random, CrawlWriter writer, ManifestTally tally) {
        this.random = random;
        this.writer = writer;
        this.tally = tally;
        this.pages = new PageFactory(random);
        this.assets = new BinaryAssets(random);
    }

    /**
     * Writes the WARC to {@code warcGz}, {@code manifest.json} next to it and {@code demo_qa.jsonl}
     * into {@code benchmarksDir}; returns the manifest.
     */
    public static Manifest write(Path warcGz, Path benchmarksDir) throws IOException {
        Random random = new Random(SEED);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(4 << 20);
        CrawlWriter writer = new CrawlWriter(buffer, new CrawlClock(random));
        ManifestTally tally = new ManifestTally();
        new SampleCrawl(random, writer, tally).run(warcGz.getFileName().toString());
        byte[] warc = buffer.toByteArray();
        Manifest manifest = tally.build(SEED, writer.recordsByType(), warc.length,
                HexFormat.of().formatHex(Digests.hash("SHA-256", warc)));

        Path dir = warcGz.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Files.write(warcGz, warc);
        Files.writeString(dir.resolve(MANIFEST_NAME), manifest.toJson(), StandardCharsets.UTF_8);
        Files.createDirectories(benchmarksDir);
        Files.writeString(benchmarksDir.resolve(BENCHMARK_NAME), BenchmarkQa.jsonl(), StandardCharsets.UTF_8);
        return manifest;
    }

    /** {@code SampleCrawl [OUTPUT_DIR]}: writes the WARC and manifest there and the benchmark into OUTPUT_DIR/benchmarks. */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "sample-data");
        long start = System.nanoTime();
        Manifest m = write(out.resolve(WARC_NAME), out.resolve("benchmarks"));
        System.out.printf("wrote %s: %d records, %d HTML pages, %d bytes in %d ms%n",
                out.resolve(WARC_NAME), m.totalRecords(), m.htmlPages(), m.warcBytes(), (System.nanoTime() - start) / 1_000_000);
    }

    private void run(String filename) {
        writer.warcinfo(filename, "software: curate-demo SampleCrawl\r\n"
                + "format: WARC File Format 1.1\r\n"
                + "conformsTo: http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n"
                + "isPartOf: curate-sample-crawl\r\n"
                + "description: Synthetic sample crawl; every text, page and file in it was composed by the generator.\r\n"
                + "robots: classic\r\n"
                + "http-header-user-agent: CurateSampleBot/1.0 (+https://curate.example/bot)\r\n");
        Site first = pages.site(Language.GERMAN);
        writer.resource("dns:" + first.host(), "text/dns",
                ("20260105080000\n" + first.host() + ".\t300\tIN\tA\t" + ip(first.host()) + "\n").getBytes(StandardCharsets.US_ASCII));

        List<Entry> entries = plan();
        Collections.shuffle(entries, random);
        HtmlPage doomed = pages.normal(Language.ENGLISH);
        entries.add(entries.size() / 2, new Entry(false, () -> {
            tally.broken(new BrokenRecords(writer, random).truncatedMember(doomed, ip(doomed.site().host())));
            return null;
        }));
        writeWithRevisits(entries);

        writer.resource("urn:curate:sample-crawl:crawl-log", "text/plain",
                ("Synthetic crawl log of the curate sample.\nrecords written before this one: "
                        + writer.recordsByType().values().stream().mapToInt(Integer::intValue).sum() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
    }

    private List<Entry> plan() {
        List<HtmlPage> normals = new ArrayList<>();
        for (Language language : Language.values()) {
            for (int i = 0; i < NORMAL_PAGES.get(language); i++) {
                normals.add(pages.normal(language));
            }
        }
        TreeSet<Integer> encoded = new TreeSet<>();
        while (encoded.size() < 12) {
            encoded.add(random.nextInt(normals.size()));
        }
        int k = 0;
        for (int index : encoded) {
            normals.set(index, normals.get(index).withTransfer(k++ < 6 ? Transfer.GZIP : Transfer.CHUNKED));
        }

        List<HtmlPage> html = new ArrayList<>(normals);
        for (int i = 0; i < 16; i++) {
            html.add(pages.exactDuplicate(normals.get(random.nextInt(normals.size()))));
        }
        for (int i = 0; i < 16; i++) {
            html.add(pages.nearDuplicate(normals.get(random.nextInt(normals.size()))));
        }
        for (int i = 0; i < 15; i++) {
            html.add(pages.pii(i < 8 ? Language.ENGLISH : i < 12 ? Language.GERMAN : Language.FRENCH));
        }
        for (int i = 0; i < 8; i++) {
            html.add(pages.profane());
            html.add(pages.adult());
        }
        for (int i = 0; i < 20; i++) {
            LowQualityText.Kind kind = LowQualityText.Kind.values()[i % LowQualityText.Kind.values().length];
            tally.lowQuality(kind);
            html.add(pages.lowQuality(kind));
        }
        for (int i = 0; i < 10; i++) {
            BenchmarkQa.Item item = BenchmarkQa.ITEMS.get(i * 2);
            tally.contaminated(item.id());
            html.add(pages.contaminated(item, i));
        }

        List<Entry> entries = new ArrayList<>();
        html.forEach(p -> entries.add(new Entry(p.transfer() == Transfer.PLAIN, () -> writePage(p))));
        planAssets(entries);
        planErrors(entries);
        planBroken(entries);
        return entries;
    }

    private void planAssets(List<Entry> entries) {
        for (int i = 0; i < 3; i++) {
            Site site = pages.site(Language.values()[i]);
            byte[] pdf = assets.pdf(site.name() + " annual report " + (2023 + i));
            String path = "/docs/annual-report-" + (2023 + i) + ".pdf";
            entries.add(new Entry(true, () -> writeAsset(site, path, "application/pdf", pdf)));
        }
        for (int i = 0; i < 4; i++) {
            Site site = pages.site(Language.values()[random.nextInt(Language.values().length)]);
            byte[] png = assets.png(16 + random.nextInt(48), 16 + random.nextInt(48));
            String path = "/images/photo-" + (100 + i) + ".png";
            entries.add(new Entry(true, () -> writeAsset(site, path, "image/png", png)));
        }
        for (int i = 0; i < 2; i++) {
            Site site = pages.site(Language.values()[i + 3]);
            byte[] css = assets.css();
            byte[] js = assets.javascript();
            byte[] json = assets.json(site.host());
            entries.add(new Entry(false, () -> writeAsset(site, "/static/site.css", "text/css", css)));
            entries.add(new Entry(false, () -> writeAsset(site, "/static/app.js", "application/javascript", js)));
            entries.add(new Entry(false, () -> writeAsset(site, "/api/latest.json", "application/json", json)));
        }
        Site robotsSite = pages.site(Language.ENGLISH);
        byte[] robots = "User-agent: *\nDisallow: /account/\nDisallow: /search\n".getBytes(StandardCharsets.US_ASCII);
        entries.add(new Entry(false, () -> writeAsset(robotsSite, "/robots.txt", "text/plain", robots)));
    }

    private void planErrors(List<Entry> entries) {
        for (int i = 0; i < 3; i++) {
            Language language = Language.values()[random.nextInt(Language.values().length)];
            Site site = pages.site(language);
            Vocabulary v = Vocabulary.of(language);
            String notFoundPath = "/old/page-" + (500 + random.nextInt(500)) + ".html";
            byte[] notFound = PageTemplate.errorPage("utf-8", v.ui("notfound"), v.ui("notfoundtext")).getBytes(StandardCharsets.UTF_8);
            entries.add(new Entry(false, () -> writeStatus(site, notFoundPath, 404, "Not Found", null, notFound)));
            String movedPath = "/index.php?page=" + (10 + random.nextInt(90));
            String target = site.url(pages.newPath(v.ui("news"), language));
            byte[] moved = PageTemplate.errorPage("utf-8", v.ui("moved"), target).getBytes(StandardCharsets.UTF_8);
            entries.add(new Entry(false, () -> writeStatus(site, movedPath, 301, "Moved Permanently", target, moved)));
        }
    }

    private void planBroken(List<Entry> entries) {
        BrokenRecords broken = new BrokenRecords(writer, random);
        Site live = pages.site(Language.ENGLISH);
        entries.add(new Entry(false, () -> {
            tally.broken(broken.garbageHttpHeader(live.url("/feed/live"), live.host(), "/feed/live", ip(live.host())));
            return null;
        }));
        Site breaking = pages.site(Language.ENGLISH);
        String path = "/news/2026/breaking-update.html";
        entries.add(new Entry(false, () -> {
            tally.broken(broken.undecodableContentEncoding(breaking.url(path), breaking.host(), path, ip(breaking.host())));
            return null;
        }));
        for (boolean meta : new boolean[] {true, false}) {
            HtmlPage page = pages.unknownCharsetLabel(meta);
            entries.add(new Entry(false, () -> {
                CapturedResponse c = writePage(page);
                tally.broken(new BrokenRecord(BrokenRecord.UNKNOWN_CHARSET_LABEL, page.url(), c.recordId(), c.offset(), true));
                return c;
            }));
        }
    }

    /** Writes the entries in order; ten plain responses from the first half are revisited later on. */
    private void writeWithRevisits(List<Entry> entries) {
        int n = entries.size();
        TreeMap<Integer, List<Integer>> revisitsAfter = new TreeMap<>();
        TreeSet<Integer> originals = new TreeSet<>();
        while (originals.size() < 10) {
            int candidate = random.nextInt(n / 2);
            if (entries.get(candidate).revisitable()) {
                originals.add(candidate);
            }
        }
        for (int original : originals) {
            revisitsAfter.computeIfAbsent(original + 1 + random.nextInt(n / 3), x -> new ArrayList<>()).add(original);
        }
        CapturedResponse[] captured = new CapturedResponse[n];
        for (int i = 0; i < n; i++) {
            captured[i] = entries.get(i).write().get();
            for (int original : revisitsAfter.getOrDefault(i, List.of())) {
                CapturedResponse c = captured[original];
                writer.revisit(c, ip(java.net.URI.create(c.uri()).getHost()));
            }
        }
    }

    private CapturedResponse writePage(HtmlPage page) {
        Instant date = writer.clock().tick();
        byte[] body = page.bytes();
        String host = page.site().host();
        List<String[]> headers = new ArrayList<>();
        headers.add(new String[] {"Date", CrawlClock.httpDate(date)});
        headers.add(new String[] {"Server", server(host)});
        headers.add(new String[] {"Content-Type", page.contentType()});
        byte[] payload = body;
        byte[] wire = body;
        if (page.transfer() == Transfer.GZIP) {
            headers.add(new String[] {"Content-Encoding", "gzip"});
            headers.add(new String[] {"Vary", "Accept-Encoding"});
            payload = GzipMembers.member(body);
            wire = payload;
        } else if (page.transfer() == Transfer.CHUNKED) {
            headers.add(new String[] {"Transfer-Encoding", "chunked"});
            wire = HttpMessages.chunked(body, random);
        }
        headers.add(new String[] {"Cache-Control", "max-age=" + (60 * (1 + random.nextInt(30)))});
        if (random.nextInt(3) == 0) {
            headers.add(new String[] {"Set-Cookie", "sid=" + Long.toHexString(random.nextLong()) + "; Path=/; HttpOnly"});
        }
        headers.add(new String[] {"Connection", "close"});
        byte[] http = HttpMessages.response(200, "OK", headers, wire);
        CapturedResponse c = writer.capture(date, page.url(), ip(host),
                HttpMessages.request(page.path(), host, page.language().code()), http, payload, "text/html");
        tally.page(page);
        if (++pagesWritten % 20 == 0) {
            writer.metadata(c, "fetchTimeMs: " + (40 + random.nextInt(900)) + "\r\n"
                    + "hopsFromSeed: " + "LLLLL".substring(random.nextInt(4)) + "\r\n"
                    + "outlink: " + page.site().url("/") + " L a/@href\r\n");
        }
        return c;
    }

    private CapturedResponse writeAsset(Site site, String path, String mime, byte[] body) {
        Instant date = writer.clock().tick();
        byte[] http = HttpMessages.response(200, "OK", List.of(
                new String[] {"Date", CrawlClock.httpDate(date)},
                new String[] {"Server", server(site.host())},
                new String[] {"Content-Type", mime},
                new String[] {"Cache-Control", "max-age=86400"}), body);
        tally.nonHtml(mime);
        return writer.capture(date, site.url(path), ip(site.host()),
                HttpMessages.request(path, site.host(), site.language().code()), http, body, mime);
    }

    private CapturedResponse writeStatus(Site site, String path, int status, String reason, String location, byte[] body) {
        Instant date = writer.clock().tick();
        List<String[]> headers = new ArrayList<>();
        headers.add(new String[] {"Date", CrawlClock.httpDate(date)});
        headers.add(new String[] {"Server", server(site.host())});
        if (location != null) {
            headers.add(new String[] {"Location", location});
        }
        headers.add(new String[] {"Content-Type", "text/html; charset=utf-8"});
        tally.status(status);
        return writer.capture(date, site.url(path), ip(site.host()),
                HttpMessages.request(path, site.host(), site.language().code()),
                HttpMessages.response(status, reason, headers, body), body, "text/html");
    }

    /** Server addresses come from TEST-NET-3 (RFC 5737), one per host. */
    private static String ip(String host) {
        return "203.0.113." + (Math.floorMod(host.hashCode(), 254) + 1);
    }

    private static String server(String host) {
        return SERVERS[Math.floorMod(host.hashCode(), SERVERS.length)];
    }
}
