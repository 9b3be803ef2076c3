package org.curate.filters.safety;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.curate.core.Document;
import org.curate.core.DocumentStep;
import org.curate.filters.FilterRegistry;

/**
 * Benchmark, not a test (surefire does not pick it up): heap and build time of a synthetic
 * 4.6M-domain blocklist (the size of UT1 adult), URL lookups per second, and bad-words documents
 * per second on ~2 KB texts. Run after {@code mvn -q -o -pl filters -am test-compile}:
 * <pre>
 * java -Xmx3g -cp core/target/classes:filters/target/classes:filters/target/test-classes \
 *   org.curate.filters.safety.SafetyBench [domains=4600000] [--hashset]
 * </pre>
 * {@code --hashset} also measures a {@code HashSet<String>} of the same domains for comparison.
 * The LDNOOBW English list is used when {@code -Dcurate.shared.data} (or ../shared/data) has it.
 */
public final class SafetyBench {
  private SafetyBench() {}

  public static void main(String[] args) throws IOException {
    int n = 4_600_000;
    boolean hashSet = false;
    for (String a : args) {
      if (a.startsWith("domains=")) {
        n = Integer.parseInt(a.substring(8));
      } else if (a.equals("--hashset")) {
        hashSet = true;
      }
    }
    Path tmp = Files.createTempDirectory("safety-bench");
    Path list = tmp.resolve("domains");
    long t0 = System.nanoTime();
    List<String> sample = writeSyntheticDomains(list, n, 20_000);
    System.out.printf(Locale.ROOT, "wrote %,d synthetic domains (%,d MB) in %.1f s%n", n, Files.size(list) >> 20,
        (System.nanoTime() - t0) / 1e9);

    long before = usedHeapAfterGc();
    t0 = System.nanoTime();
    DomainSet domains = DomainSet.load(List.of(list));
    double buildSeconds = (System.nanoTime() - t0) / 1e9;
    long after = usedHeapAfterGc();
    System.out.printf(Locale.ROOT, "DomainSet: %,d entries, built in %.2f s, retained heap %.1f MB (%.1f bytes/entry)%n",
        domains.size(), buildSeconds, (after - before) / 1e6, (double) (after - before) / domains.size());

    if (hashSet) {
      long hb = usedHeapAfterGc();
      HashSet<String> strings = new HashSet<>();
      ListFiles.forEachEntry(list, e -> strings.add(UrlNormalizer.normalizeDomain(e)));
      long ha = usedHeapAfterGc();
      System.out.printf(Locale.ROOT, "HashSet<String> for comparison: %,d entries, retained heap %.1f MB%n",
          strings.size(), (ha - hb) / 1e6);
    }

    // URLs: half on listed domains (via a subdomain), half on unlisted ones.
    SplittableRandom rnd = new SplittableRandom(7);
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < 1_000_000; i++) {
      String host = i % 2 == 0 ? "www.sub" + (i % 13) + "." + sample.get(rnd.nextInt(sample.size()))
          : "site" + rnd.nextInt(1_000_000_000) + ".example.org";
      urls.add("https://" + host + "/articles/" + i + "/some-page-title?ref=" + (i % 97));
    }
    int hits = 0;
    for (int round = 0; round < 3; round++) {
      t0 = System.nanoTime();
      hits = 0;
      for (String url : urls) {
        UrlNormalizer.ParsedUrl p = UrlNormalizer.parse(url);
        if (p != null && domains.match(p.host(), p.ipLiteral()) != null) {
          hits++;
        }
      }
      double s = (System.nanoTime() - t0) / 1e9;
      System.out.printf(Locale.ROOT, "round %d: parse+domain lookup %,.0f URLs/s (%d hits of %d)%n", round,
          urls.size() / s, hits, urls.size());
    }
    t0 = System.nanoTime();
    for (int round = 0; round < 3; round++) {
      for (String url : urls) {
        hits += domains.match("a.b." + url.length() + ".example.com", false) == null ? 0 : 1;
      }
    }
    System.out.printf(Locale.ROOT, "DomainSet.match alone (5-label host, 5 probes): %,.0f hosts/s%n",
        3 * urls.size() / ((System.nanoTime() - t0) / 1e9));

    benchBadWords();
    Files.delete(list);
    Files.delete(tmp);
  }

  private static void benchBadWords() {
    Path shared = sharedLdnoobw();
    FilterRegistry registry = new FilterRegistry();
    DocumentStep filter = shared != null
        ? registry.create("bad_words", Map.of("lists_dir", shared.toString()))
        : registry.create("bad_words", Map.of("lists", List.of("en=" + Path.of("filters/src/test/resources/safety/words/en"))));
    System.out.println("bad_words list: " + (shared != null ? shared + "/en" : "hand-written test list"));
    String[] vocabulary = ("the of and to in is that for it as was with be by on not he this are or his from at which "
        + "but have an they you were her she there been one all we can has more when will would who some time people "
        + "class passage assessment analysis Scunthorpe cocktail essex shiitake document words filter hello damn").split(" ");
    SplittableRandom rnd = new SplittableRandom(11);
    List<Document> docs = new ArrayList<>();
    long chars = 0;
    for (int i = 0; i < 20_000; i++) {
      StringBuilder sb = new StringBuilder();
      while (sb.length() < 2000) {
        sb.append(vocabulary[rnd.nextInt(vocabulary.length)]).append(rnd.nextInt(12) == 0 ? ". " : " ");
      }
      chars += sb.length();
      docs.add(new Document("d" + i, null, "en", null, null, sb.toString(), null));
    }
    for (int round = 0; round < 3; round++) {
      long t0 = System.nanoTime();
      int dropped = 0;
      for (Document d : docs) {
        dropped += filter.apply(d).isKept() ? 0 : 1;
      }
      double s = (System.nanoTime() - t0) / 1e9;
      System.out.printf(Locale.ROOT, "round %d: bad_words %,.0f docs/s (%.1f MB/s of text, avg %d chars, %d dropped)%n",
          round, docs.size() / s, chars / s / 1e6, chars / docs.size(), dropped);
    }
  }

  private static Path sharedLdnoobw() {
    String prop = System.getProperty("curate.shared.data");
    for (Path base : new Path[] {prop == null ? null : Path.of(prop), Path.of("..", "shared", "data")}) {
      if (base != null && Files.isRegularFile(base.resolve("safety/ldnoobw/en"))) {
        return base.resolve("safety/ldnoobw");
      }
    }
    return null;
  }

  /** Random registrable-looking domains, ~10% with a subdomain; returns a sample for lookups. */
  private static List<String> writeSyntheticDomains(Path file, int n, int sampleSize) throws IOException {
    String[] tlds = {"com", "net", "org", "de", "fr", "ru", "co.uk", "info", "xyz", "com.br"};
    SplittableRandom rnd = new SplittableRandom(42);
    List<String> sample = new ArrayList<>(sampleSize);
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < n; i++) {
        sb.setLength(0);
        if (rnd.nextInt(10) == 0) {
          sb.append("m").append(rnd.nextInt(100)).append('.');
        }
        int len = 5 + rnd.nextInt(12);
        for (int k = 0; k < len; k++) {
          sb.append((char) ('a' + rnd.nextInt(26)));
        }
        sb.append(i % 1000).append('.').append(tlds[rnd.nextInt(tlds.length)]);
        String d = sb.toString();
        if (i % (n / sampleSize + 1) == 0) {
          sample.add(d);
        }
        w.write(d);
        w.newLine();
      }
    }
    return sample;
  }

  private static long usedHeapAfterGc() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 4; i++) {
      System.gc();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return rt.totalMemory() - rt.freeMemory();
  }
}
