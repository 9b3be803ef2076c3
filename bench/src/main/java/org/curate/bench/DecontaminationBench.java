package org.curate.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.curate.core.Document;
import org.curate.decontam.Benchmark;
import org.curate.decontam.BenchmarkLoader;
import org.curate.decontam.DecontamOptions;
import org.curate.decontam.Decontaminator;
import org.curate.decontam.ProtectedIndex;

/**
 * Documents per second of decontamination on one thread (= per core): both passes' per-document
 * work (scan for protected n-grams, then the verdict) on 2 KB documents, with every benchmark of
 * a benchmarks folder loaded (default: the five shared sets). The documents are the main texts of
 * crawl files (the built-in sample when none are given), or with {@code --json-dir DIR --field F}
 * the field F of every JSON file in DIR (e.g. the extraction benchmark's English article bodies),
 * each text cut into pieces of about 2,048 characters at whitespace (tails under half that are
 * left out; pieces never mix two texts, so each keeps its language).
 *
 * <pre>
 * mvn -q -o -pl bench -am package -DskipTests
 * java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.curate.bench.DecontaminationBench \
 *     [--benchmarks ../shared/data/benchmarks] [--seconds 10 (thread CPU)] [--doc-chars 2048] [crawl files...]
 * </pre>
 */
public final class DecontaminationBench {
  private DecontaminationBench() {}

  public static void main(String[] args) throws Exception {
    Path benchmarks = Path.of("../shared/data/benchmarks");
    double seconds = 10;
    int docChars = 2048;
    List<Path> files = new ArrayList<>();
    Path jsonDir = null;
    String field = "text";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--benchmarks" -> benchmarks = Path.of(args[++i]);
        case "--seconds" -> seconds = Double.parseDouble(args[++i]);
        case "--doc-chars" -> docChars = Integer.parseInt(args[++i]);
        case "--json-dir" -> jsonDir = Path.of(args[++i]);
        case "--field" -> field = args[++i];
        default -> files.add(Path.of(args[i]));
      }
    }
    long t0 = System.nanoTime();
    List<Benchmark> loaded = new BenchmarkLoader().load(benchmarks, List.of());
    long t1 = System.nanoTime();
    ProtectedIndex index = ProtectedIndex.build(loaded, DecontamOptions.afm());
    long t2 = System.nanoTime();
    System.out.printf(Locale.ROOT, "benchmarks: %s, %d items; load %.2f s, index build %.2f s: %d entries, %.1f MB,"
            + " window lengths %d%n", loaded.stream().map(Benchmark::name).toList(),
        loaded.stream().mapToInt(b -> b.items().size()).sum(), (t1 - t0) / 1e9, (t2 - t1) / 1e9, index.entries(),
        index.bytes() / 1e6, index.lengths().length);
    Decontaminator d = new Decontaminator(index, DecontamOptions.afm());

    List<String> docs = pieces(jsonDir != null ? jsonTexts(jsonDir, field) : BenchCorpus.load(files), docChars);
    long chars = docs.stream().mapToLong(String::length).sum();
    System.out.printf(Locale.ROOT, "corpus: %d documents, mean %.0f chars%n", docs.size(), (double) chars / docs.size());
    long[] none = new long[0];
    run(d, docs, none, Math.min(3, seconds / 3)); // warm-up (JIT), in thread CPU seconds
    long threadCpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    long start = System.nanoTime();
    long[] result = run(d, docs, none, seconds);
    double wall = (System.nanoTime() - start) / 1e9;
    double cpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - threadCpu0) / 1e9;
    System.out.printf(Locale.ROOT, "decontaminate: %d documents in %.2f s wall (%.2f s thread CPU): %.0f docs/s wall,"
            + " %.0f docs/s CPU, %.1f MB/s; %d with protected n-grams%n",
        result[0], wall, cpu, result[0] / wall, result[0] / cpu, result[1] / wall / 1e6, result[2]);
  }

  /** Runs until {@code seconds} of this thread's CPU time are spent (robust to a shared, busy machine). */
  private static long[] run(Decontaminator d, List<String> docs, long[] excused, double seconds) {
    java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long deadline = mx.getCurrentThreadCpuTime() + (long) (seconds * 1e9);
    long n = 0;
    long chars = 0;
    long hit = 0;
    while (mx.getCurrentThreadCpuTime() < deadline) {
      for (String doc : docs) {
        long[] hits = d.scan(doc);
        if (d.judge(doc, hits, excused).dropped()) {
          hit++;
        }
        n++;
        chars += doc.length();
      }
    }
    return new long[] {n, chars, hit};
  }

  /** Each text cut into pieces of about {@code size} characters at whitespace; tails under size/2 left out. */
  static List<String> pieces(List<Document> docs, int size) {
    List<String> out = new ArrayList<>();
    for (Document d : docs) {
      String text = d.text();
      int pos = 0;
      while (pos + size / 2 <= text.length()) {
        int end = Math.min(text.length(), pos + size);
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
          end++;
        }
        out.add(text.substring(pos, end));
        pos = end;
      }
    }
    return out;
  }

  private static List<Document> jsonTexts(Path dir, String field) throws java.io.IOException {
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    List<Document> out = new ArrayList<>();
    try (java.util.stream.Stream<Path> s = java.nio.file.Files.list(dir)) {
      for (Path f : s.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        String text = json.readTree(f.toFile()).path(field).asText("");
        if (!text.isBlank()) {
          out.add(Document.of(f.getFileName().toString(), null, text));
        }
      }
    }
    return out;
  }
}
