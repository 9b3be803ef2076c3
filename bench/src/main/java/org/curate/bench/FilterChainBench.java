package org.curate.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.curate.core.Document;
import org.curate.core.DocumentStep;
import org.curate.core.Outcome;
import org.curate.filters.FilterRegistry;

/**
 * Documents per second of each filter, and of the whole chain, single-threaded (= per core), on
 * extracted web documents. Each filter sees every document (not only what earlier filters kept),
 * so per-filter figures do not depend on the order; the chain figure is the real chained cost.
 *
 * <pre>
 * mvn -q -pl bench -am package -DskipTests
 * java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.curate.bench.FilterChainBench \
 *     [--filter name[:key=value,...]]... [--seconds 5] [crawl files...]
 * </pre>
 */
public final class FilterChainBench {
  private FilterChainBench() {}

  public static void main(String[] args) throws Exception {
    List<String> specs = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    double seconds = 5;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--filter" -> specs.add(args[++i]);
        case "--seconds" -> seconds = Double.parseDouble(args[++i]);
        default -> files.add(Path.of(args[i]));
      }
    }
    FilterRegistry registry = new FilterRegistry();
    if (specs.isEmpty()) {
      specs.addAll(registry.names());
    }
    List<Document> docs = BenchCorpus.load(files);
    long chars = docs.stream().mapToLong(d -> d.text().length()).sum();
    System.out.printf(Locale.ROOT, "corpus: %d documents, mean %.0f chars%n", docs.size(), (double) chars / docs.size());

    Map<String, DocumentStep> steps = new LinkedHashMap<>();
    for (String spec : specs) {
      String[] parts = spec.split(":", 2);
      Map<String, Object> params = new LinkedHashMap<>();
      if (parts.length == 2) {
        for (String kv : parts[1].split(",")) {
          String[] p = kv.split("=", 2);
          params.put(p[0], p[1]);
        }
      }
      steps.put(parts[0], registry.create(parts[0], params));
    }
    double inverseSum = 0;
    for (Map.Entry<String, DocumentStep> e : steps.entrySet()) {
      Result r = measure(e.getValue(), docs, seconds);
      inverseSum += 1 / r.docsPerSecond;
      System.out.printf(Locale.ROOT, "%-22s %10.0f docs/s  (kept %d of %d)%n", e.getKey(), r.docsPerSecond, r.kept, docs.size());
    }
    System.out.printf(Locale.ROOT, "%-22s %10.0f docs/s  (every filter on every document)%n", "sum of filters", 1 / inverseSum);
    DocumentStep chain = d -> {
      Document current = d;
      for (DocumentStep s : steps.values()) {
        Outcome<Document> o = s.apply(current);
        if (!(o instanceof Outcome.Kept<Document> k)) {
          return o;
        }
        current = k.value();
      }
      return Outcome.keep(current);
    };
    Result r = measure(chain, docs, seconds);
    System.out.printf(Locale.ROOT, "%-22s %10.0f docs/s  (kept %d of %d)%n", "chain", r.docsPerSecond, r.kept, docs.size());
  }

  private record Result(double docsPerSecond, int kept) {}

  /** Warms up for a third of the time, then counts documents for the rest. */
  private static Result measure(DocumentStep step, List<Document> docs, double seconds) {
    long warmupEnd = System.nanoTime() + (long) (seconds / 3 * 1e9);
    while (System.nanoTime() < warmupEnd) {
      for (Document d : docs) {
        step.apply(d);
      }
    }
    long start = System.nanoTime();
    long end = start + (long) (seconds * 2 / 3 * 1e9);
    long n = 0;
    int kept = 0;
    boolean firstPass = true;
    while (System.nanoTime() < end || n == 0) {
      for (Document d : docs) {
        if (step.apply(d).isKept() && firstPass) {
          kept++;
        }
        n++;
      }
      firstPass = false;
    }
    return new Result(n / ((System.nanoTime() - start) / 1e9), kept);
  }
}
