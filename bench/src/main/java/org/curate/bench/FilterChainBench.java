package org.curate.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.curate.core.Document;
import org.curate.core.DocumentStep;
import org.curate.core.Outcome;
import org.curate.filters.FilterChain;
import org.curate.filters.FilterRegistry;

/**
 * Documents per CPU-second of each filter, and of the whole chain, single-threaded (= per core), on
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
    Path piiTexts = null;
    Path outcomesOut = null;
    Path expectedDigests = null;
    boolean perFilter = true;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--filter" -> specs.add(args[++i]);
        case "--seconds" -> seconds = Double.parseDouble(args[++i]);
        case "--pii-texts" -> piiTexts = Path.of(args[++i]);
        case "--outcomes" -> outcomesOut = Path.of(args[++i]);
        case "--expect-outcomes" -> expectedDigests = Path.of(args[++i]);
        case "--chain-only" -> perFilter = false;
        default -> files.add(Path.of(args[i]));
      }
    }
    FilterRegistry registry = new FilterRegistry();
    if (specs.isEmpty()) {
      specs.addAll(registry.names());
    }
    List<Document> docs = new ArrayList<>(BenchCorpus.load(files));
    if (piiTexts != null) {
      docs.addAll(BenchCorpus.piiTexts(piiTexts, 2000));
    }
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
    if (outcomesOut != null || expectedDigests != null) {
      System.exit(checkOutcomes(steps, docs, outcomesOut, expectedDigests) ? 0 : 1);
    }
    double inverseSum = 0;
    for (Map.Entry<String, DocumentStep> e : perFilter ? steps.entrySet() : Map.<String, DocumentStep>of().entrySet()) {
      Result r = measure(e.getValue(), docs, seconds);
      inverseSum += 1 / r.docsPerSecond;
      System.out.printf(Locale.ROOT, "%-22s %10.0f docs/s  (kept %d of %d)%n", e.getKey(), r.docsPerSecond, r.kept, docs.size());
    }
    if (perFilter) {
      System.out.printf(Locale.ROOT, "%-22s %10.0f docs/s  (1 / sum of the 1/rate above: filters measured alone)%n", "sum of filters", 1 / inverseSum);
    }
    if (!perFilter) {
      // Without the per-filter runs before it, the first chain figure was taken while the JIT was
      // still compiling (it read below the no-early-drop figure): warm every filter up first.
      measure(chain(steps.values(), false), docs, seconds);
    }
    Result r = measure(chain(steps.values(), true), docs, seconds);
    System.out.printf(Locale.ROOT, "%-22s %10.0f docs/s  (kept %d of %d; a drop ends a document's run)%n", "chain", r.docsPerSecond, r.kept, docs.size());
    r = measure(chain(steps.values(), false), docs, seconds);
    System.out.printf(Locale.ROOT, "%-22s %10.0f docs/s  (every filter on every document, as in tag-only mode)%n", "chain, no early drop", r.docsPerSecond);
  }

  /**
   * The golden check: the outcome of every document under each filter alone, under the chain
   * ({@link FilterChain}, a drop ends the run) and under the chain with every filter in tag-only
   * mode. Writes the listing to {@code out} and its per-step digests to {@code out.sha256}; with
   * {@code expected} (such a digest file, recorded before a change) says which steps differ.
   */
  private static boolean checkOutcomes(Map<String, DocumentStep> steps, List<Document> docs, Path out, Path expected)
      throws java.io.IOException {
    FilterOutcomes outcomes = new FilterOutcomes();
    List<FilterChain.Link> links = new ArrayList<>();
    List<FilterChain.Link> tagOnly = new ArrayList<>();
    steps.forEach((name, step) -> {
      outcomes.record(name, step, docs);
      links.add(new FilterChain.Link(name, step, false));
      tagOnly.add(new FilterChain.Link(name, step, true));
    });
    outcomes.record("chain", new FilterChain(links), docs);
    outcomes.record("chain_tag_only", new FilterChain(tagOnly), docs);
    List<String> digestLines = new ArrayList<>();
    outcomes.digests().forEach((step, digest) -> digestLines.add(step + " " + digest));
    if (out != null) {
      List<String> all = new ArrayList<>();
      outcomes.linesByStep().values().forEach(all::addAll);
      Files.write(out, all);
      Files.write(Path.of(out + ".sha256"), digestLines);
      System.out.println("outcomes of " + docs.size() + " documents written to " + out + " and " + out + ".sha256");
    }
    digestLines.forEach(System.out::println);
    if (expected == null) {
      return true;
    }
    Map<String, String> want = new LinkedHashMap<>();
    for (String line : Files.readAllLines(expected)) {
      String[] p = line.trim().split(" ");
      if (p.length == 2) {
        want.put(p[0], p[1]);
      }
    }
    boolean same = want.equals(outcomes.digests());
    System.out.println(same ? "outcomes: SAME as " + expected
        : "outcomes: DIFFERENT from " + expected + " in steps "
            + outcomes.digests().entrySet().stream().filter(e -> !e.getValue().equals(want.get(e.getKey())))
                .map(Map.Entry::getKey).toList()
            + (want.keySet().equals(outcomes.digests().keySet()) ? "" : "; expected steps " + want.keySet()));
    return same;
  }

  /**
   * The filters run one after the other on each document, as {@code FilterChain} does (so the
   * word segmentation one filter computes is reused by the next). With {@code stopAtDrop} false a
   * dropped document goes on to the next filter unchanged, which is the cost of a chain in
   * tag-only mode and the worst case of a real one.
   */
  private static DocumentStep chain(Collection<DocumentStep> steps, boolean stopAtDrop) {
    return d -> {
      Document current = d;
      Outcome<Document> last = Outcome.keep(d);
      for (DocumentStep s : steps) {
        Outcome<Document> o = s.apply(current);
        if (o instanceof Outcome.Kept<Document> k) {
          current = k.value();
        } else {
          if (stopAtDrop) {
            return o;
          }
          last = o;
        }
      }
      return last.isKept() ? Outcome.keep(current) : last;
    };
  }

  private record Result(double docsPerSecond, int kept) {}

  /**
   * Warms up for a third of the time, then counts documents for the rest. Both budgets are this
   * thread's CPU time, not wall time: on a loaded machine a wall-clock warm-up can end before the
   * JIT has compiled the hot paths, which made figures swing by a third between runs. The rate is
   * per second of this thread's CPU time, so it is a per-core figure even when other processes
   * share the cores.
   */
  private static Result measure(DocumentStep step, List<Document> docs, double seconds) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long warmupEnd = threads.getCurrentThreadCpuTime() + (long) (seconds / 3 * 1e9);
    while (threads.getCurrentThreadCpuTime() < warmupEnd) {
      for (Document d : docs) {
        step.apply(d);
      }
    }
    long cpuStart = threads.getCurrentThreadCpuTime();
    long end = cpuStart + (long) (seconds * 2 / 3 * 1e9);
    long n = 0;
    int kept = 0;
    boolean firstPass = true;
    while (threads.getCurrentThreadCpuTime() < end || n == 0) {
      for (Document d : docs) {
        if (step.apply(d).isKept() && firstPass) {
          kept++;
        }
        n++;
      }
      firstPass = false;
    }
    return new Result(n / ((threads.getCurrentThreadCpuTime() - cpuStart) / 1e9), kept);
  }
}
