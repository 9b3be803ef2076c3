package org.curate.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import de.l3s.boilerpipe.BoilerpipeProcessingException;
import de.l3s.boilerpipe.extractors.ArticleExtractor;
import net.dankito.readability4j.Article;
import net.dankito.readability4j.Readability4J;
import org.curate.extract.charset.CharsetResolver;
import org.curate.extract.html.JsoupMainTextExtractor;
import org.curate.extract.html.MainTextExtractor;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Main-text extraction on the extraction dev split ({@code shared/data/extraction-dev}), ours and
 * its peers in one JVM on the same decoded pages:
 *
 * <ul>
 *   <li>accuracy: writes {@code OUT/<extractor>/<benchmark>/<id>.txt} for every extractor and
 *       benchmark, then runs {@code shared/tools/extraction_score.py} on each folder and prints
 *       its summary line;
 *   <li>speed: documents per CPU-second (ThreadMXBean CPU time of this thread, so other load on
 *       the machine matters less than with wall time) on the {@code trafilatura} half, after a
 *       warm-up, extractors interleaved round by round so that JIT and GC drift hit all alike;
 *       prints each rate and ours divided by each peer's.
 * </ul>
 *
 * Pages are decoded before any timing, the way a crawled page without HTTP headers is:
 * {@link CharsetResolver} (BOM, meta, valid UTF-8, detection, windows-1252). The {@code aeb}
 * pages are UTF-8 by the benchmark's definition and are decoded as such. Data is read by path,
 * never copied.
 *
 * <pre>
 * mvn -q -o -pl bench -am package -DskipTests
 * java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.curate.bench.ExtractionBench \
 *     [--data /work/shared/data/extraction-dev] [--out /tmp/extraction-bench] [--rounds 5] \
 *     [--extractors ours,readability4j,boilerpipe,jsoup] [--no-score] [--no-speed]
 * </pre>
 */
public final class ExtractionBench {
  private static final String[] BENCHMARKS = {"aeb", "trafilatura"};

  private ExtractionBench() {}

  /** One extractor under test: HTML in, text out. */
  interface Candidate {
    String extract(String html, String url);
  }

  public static void main(String[] args) throws Exception {
    Path data = Path.of("/work/shared/data/extraction-dev");
    Path out = Path.of(System.getProperty("java.io.tmpdir"), "extraction-bench");
    Path scorer = null;
    int rounds = 5;
    boolean score = true;
    boolean speed = true;
    String names = "ours,readability4j,boilerpipe,jsoup";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--data" -> data = Path.of(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        case "--scorer" -> scorer = Path.of(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--extractors" -> names = args[++i];
        case "--no-score" -> score = false;
        case "--no-speed" -> speed = false;
        default -> {
          System.err.println("unknown argument " + args[i]);
          System.exit(2);
        }
      }
    }
    if (scorer == null) scorer = data.toAbsolutePath().getParent().getParent().resolve("tools/extraction_score.py");

    Map<String, Candidate> candidates = new LinkedHashMap<>();
    for (String name : names.split(",")) candidates.put(name, candidate(name));

    Map<String, Pages> corpora = new LinkedHashMap<>();
    for (String b : BENCHMARKS) corpora.put(b, Pages.load(data.resolve(b), b.equals("aeb")));

    if (score) {
      for (Map.Entry<String, Candidate> c : candidates.entrySet()) {
        for (Map.Entry<String, Pages> b : corpora.entrySet()) {
          Path dir = out.resolve(c.getKey()).resolve(b.getKey());
          Files.createDirectories(dir);
          Pages p = b.getValue();
          for (int i = 0; i < p.ids.size(); i++) {
            Files.writeString(dir.resolve(p.ids.get(i) + ".txt"), c.getValue().extract(p.html.get(i), p.urls.get(i)),
                StandardCharsets.UTF_8);
          }
          System.out.printf(Locale.ROOT, "%-14s %-12s %s%n", c.getKey(), b.getKey(),
              runScorer(scorer, data.resolve(b.getKey()), dir));
        }
      }
    }
    if (speed) speed(candidates, corpora.get("trafilatura"), rounds);
  }

  static Candidate candidate(String name) {
    switch (name) {
      case "ours": {
        MainTextExtractor ours = new JsoupMainTextExtractor();
        return (html, url) -> ours.extract(html, url).text();
      }
      case "readability4j":
        return (html, url) -> {
          try {
            Article a = new Readability4J(url, html).parse();
            String t = a.getTextContent();
            return t == null ? "" : t;
          } catch (RuntimeException e) {
            return ""; // it throws on a few pages (IllegalStateException from its grabber): no text
          }
        };
      case "boilerpipe":
        return (html, url) -> {
          try {
            String t = ArticleExtractor.INSTANCE.getText(html);
            return t == null ? "" : t;
          } catch (BoilerpipeProcessingException | RuntimeException e) {
            return ""; // a page its parser (NekoHTML) cannot handle gives no text
          }
        };
      case "jsoup":
        return (html, url) -> {
          Element body = Jsoup.parse(html, url).body();
          return body == null ? "" : body.text();
        };
      default:
        throw new IllegalArgumentException("unknown extractor " + name + " (ours, readability4j, boilerpipe, jsoup)");
    }
  }

  private static void speed(Map<String, Candidate> candidates, Pages pages, int rounds) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    Map<String, long[]> cpu = new LinkedHashMap<>();
    for (String name : candidates.keySet()) cpu.put(name, new long[1]);
    long sink = 0;
    // Warm-up: two full passes each, not timed.
    for (int w = 0; w < 2; w++) {
      for (Candidate c : candidates.values()) sink += runAll(c, pages);
    }
    for (int r = 0; r < rounds; r++) {
      for (Map.Entry<String, Candidate> c : candidates.entrySet()) {
        long t0 = mx.getCurrentThreadCpuTime();
        sink += runAll(c.getValue(), pages);
        cpu.get(c.getKey())[0] += mx.getCurrentThreadCpuTime() - t0;
      }
    }
    System.out.printf(Locale.ROOT, "speed on %s: %d documents x %d rounds, CPU time of one thread (checksum %d)%n",
        pages.name, pages.ids.size(), rounds, sink % 1000);
    Map<String, Double> rate = new LinkedHashMap<>();
    for (Map.Entry<String, long[]> e : cpu.entrySet()) {
      double docsPerSec = (double) pages.ids.size() * rounds / (e.getValue()[0] / 1e9);
      rate.put(e.getKey(), docsPerSec);
      System.out.printf(Locale.ROOT, "  %-14s %8.1f documents per CPU-second%n", e.getKey(), docsPerSec);
    }
    if (rate.containsKey("ours")) {
      for (Map.Entry<String, Double> peer : rate.entrySet()) {
        if (!peer.getKey().equals("ours")) {
          System.out.printf(Locale.ROOT, "  ours / %-14s = %.2f%n", peer.getKey(), rate.get("ours") / peer.getValue());
        }
      }
    }
  }

  private static long runAll(Candidate c, Pages pages) {
    long n = 0;
    for (int i = 0; i < pages.html.size(); i++) n += c.extract(pages.html.get(i), pages.urls.get(i)).length();
    return n;
  }

  private static String runScorer(Path scorer, Path truth, Path pred) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("python3", scorer.toString(), truth.toString(), pred.toString())
        .redirectErrorStream(true)
        .start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    int rc = p.waitFor();
    return rc == 0 ? text : "scorer failed (" + rc + "): " + text;
  }

  /** The decoded pages of one benchmark folder, in {@code ids.txt} order. */
  static final class Pages {
    final String name;
    final List<String> ids = new ArrayList<>();
    final List<String> urls = new ArrayList<>();
    final List<String> html = new ArrayList<>();

    private Pages(String name) {
      this.name = name;
    }

    static Pages load(Path dir, boolean utf8) throws IOException {
      Pages p = new Pages(dir.getFileName().toString());
      CharsetResolver resolver = new CharsetResolver();
      for (String line : Files.readAllLines(dir.resolve("ids.txt"), StandardCharsets.UTF_8)) {
        String id = line.strip();
        if (id.isEmpty()) continue;
        byte[] bytes;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(dir.resolve("html").resolve(id + ".html.gz")))) {
          bytes = in.readAllBytes();
        }
        p.ids.add(id);
        p.urls.add("");
        p.html.add(utf8 ? new String(bytes, StandardCharsets.UTF_8) : decode(resolver, bytes));
      }
      return p;
    }

    /** As a crawled page without HTTP headers: BOM stripped, charset resolved. */
    static String decode(CharsetResolver resolver, byte[] bytes) {
      CharsetResolver.Resolved r = resolver.resolve(bytes, bytes.length, null);
      String s = new String(bytes, r.charset());
      return !s.isEmpty() && s.charAt(0) == '\ufeff' ? s.substring(1) : s;
    }
  }
}
