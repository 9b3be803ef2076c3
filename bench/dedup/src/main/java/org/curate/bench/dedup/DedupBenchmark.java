package org.curate.bench.dedup;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.udf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.feature.MinHashLSH;
import org.apache.spark.ml.feature.MinHashLSHModel;
import org.apache.spark.ml.feature.NGram;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.curate.dedup.Jaccard;
import org.curate.dedup.MinHashParams;
import org.curate.dedup.ShingleHasher;
import org.curate.dedup.TextNormalizer;
import org.curate.dedup.truth.DedupEvaluation;
import org.curate.dedup.truth.GroundTruthGenerator;
import org.curate.dedup.truth.TruthPair;
import org.curate.core.StageCounts;
import org.curate.jobs.dedup.DedupOptions;
import org.curate.jobs.dedup.DedupStage;

/**
 * Our dedup stage against Spark MLlib's MinHashLSH + approxSimilarityJoin on one generated
 * corpus, each in its own JVM (so peak RSS is per approach). Modes:
 * {@code gen DIR N SEED}, {@code ours DIR}, {@code mllib DIR}, {@code report DIR}. See README.md.
 */
public final class DedupBenchmark {
  private static final double THRESHOLD = 0.8;

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "gen" -> generate(Path.of(args[1]), Integer.parseInt(args[2]), Long.parseLong(args[3]));
      case "ours" -> ours(Path.of(args[1]));
      case "mllib" -> mllib(Path.of(args[1]));
      case "report" -> report(Path.of(args[1]));
      case "digest" -> {
        SparkSession spark = spark("bench-digest");
        System.out.println(outputDigest(spark, Path.of(args[1]).resolve("out-ours")));
        spark.stop();
      }
      default -> throw new IllegalArgumentException("mode: gen | ours | mllib | report");
    }
  }

  private static void generate(Path dir, int n, long seed) throws IOException {
    if (Files.exists(dir.resolve("summary.json"))) {
      System.out.println("corpus exists: " + dir);
      return;
    }
    long start = System.nanoTime();
    GroundTruthGenerator.Corpus corpus = new GroundTruthGenerator().generate(GroundTruthGenerator.DEFAULTS.withDocs(n).withSeed(seed));
    GroundTruthGenerator.write(corpus, dir);
    System.out.printf(Locale.ROOT, "generated %d docs in %.1f s: %s", n, (System.nanoTime() - start) / 1e9,
        Files.readString(dir.resolve("summary.json")));
  }

  private static SparkSession spark(String name) {
    // -Dbench.master=spark://... (run.sh CLUSTER=standalone): executors in their own JVMs, so
    // this JVM's heap figures are the driver's alone.
    return SparkSession.builder().master(System.getProperty("bench.master", "local[2]")).appName(name)
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "16")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1")
        .getOrCreate();
  }

  private static void ours(Path dir) throws Exception {
    SparkSession spark = spark("bench-ours");
    Path out = dir.resolve("out-ours");
    DedupOptions options = DedupOptions.DEFAULTS.withWriteEdges(true);
    if (System.getProperty("dedup.bands") != null) { // experiments: -Ddedup.bands=B -Ddedup.rows=R
      MinHashParams d = options.minHash();
      options = options.withMinHash(new MinHashParams(d.ngram(), Integer.getInteger("dedup.bands"), Integer.getInteger("dedup.rows"), d.seed()));
    }
    System.out.println("ours: " + options.minHash());
    Path warmup = warmupCorpus();
    if (warmup != null) {
      new DedupStage(options).run(spark, List.of(warmup.resolve("docs.jsonl").toString()), dir.resolve("out-ours-warmup").toString());
    }
    HeapSampler heap = HeapSampler.start();
    DedupStage stage = new DedupStage(options);
    long start = System.nanoTime();
    long cpuStart = processCpuNanos();
    StageCounts counts = stage.run(spark, List.of(dir.resolve("docs.jsonl").toString()), out.toString());
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
    long peakHeap = heap.stop();
    System.out.println("ours: " + counts + " " + stage.metrics());
    if (Boolean.getBoolean("bench.threads")) {
      printThreadCpu();
    }

    String extra = warmupNote(warmup) + "verified_edges=" + stage.metrics().verifiedEdges() + " cc_rounds=" + stage.metrics().componentRounds()
        + " dropped=" + counts.dropped() + " " + outputDigest(spark, out);
    if (!Boolean.parseBoolean(System.getProperty("bench.score", "true"))) {
      // Scoring loads every text into this JVM (2.6 GB at 1 M): off when the driver heap is
      // deliberately small (standalone mode); the digests still show the output is the same.
      writeResult(dir, "ours", seconds, cpuSeconds, peakHeap, heap.peakAfterGc(), stage.metrics().candidateEdges(), null, extra);
      spark.stop();
      return;
    }
    Map<String, String> clusterOf = new HashMap<>();
    UnionFind uf = new UnionFind();
    // Exact groups by survivor: an exact copy has the same shingle set as its survivor, so every
    // verified edge of the survivor holds, with the same Jaccard, for each of its copies.
    Map<String, List<String>> exactCopies = new HashMap<>();
    List<String[]> pairs = new ArrayList<>();
    for (Row r : spark.read().parquet(out.resolve(DedupStage.CLUSTERS_DIR).toString()).collectAsList()) {
      List<String> members = r.getList(3);
      members.forEach(m -> uf.union(members.get(0), m));
      if (r.getString(0).equals("exact")) {
        exactCopies.put(r.getString(2), members);
        for (int i = 0; i < members.size(); i++) {
          for (int k = i + 1; k < members.size(); k++) {
            pairs.add(new String[] {members.get(i), members.get(k)});
          }
        }
      }
    }
    uf.parents().keySet().forEach(id -> clusterOf.put(id, uf.find(id)));
    for (Row r : spark.read().parquet(out.resolve(DedupStage.EDGES_DIR).toString()).collectAsList()) {
      for (String a : exactCopies.getOrDefault(r.getString(0), List.of(r.getString(0)))) {
        for (String b : exactCopies.getOrDefault(r.getString(1), List.of(r.getString(1)))) {
          pairs.add(new String[] {a, b});
        }
      }
    }
    Evaluation e = evaluate(dir, pairs, clusterOf);
    writeResult(dir, "ours", seconds, cpuSeconds, peakHeap, heap.peakAfterGc(), stage.metrics().candidateEdges(), e, extra);
    spark.stop();
  }

  private static void mllib(Path dir) throws Exception {
    SparkSession spark = spark("bench-mllib");
    Path warmup = warmupCorpus();
    if (warmup != null) {
      mllibJoin(spark, warmup).features().unpersist(true);
    }
    HeapSampler heap = HeapSampler.start();
    long start = System.nanoTime();
    long cpuStart = processCpuNanos();
    MllibJoin run = mllibJoin(spark, dir);
    List<Row> joined = run.pairs();
    MinHashLSHModel model = run.model();
    Dataset<Row> features = run.features();
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
    long peakHeap = heap.stop();
    // Candidates: the pairs approxSimilarityJoin compares (same (table, hash) bucket), counted
    // after the timed run, as its own join does before computing distances.
    Dataset<Row> hashed = model.transform(features).select(col("id"),
        org.apache.spark.sql.functions.posexplode(col("hashes")).as(new String[] {"t", "h"}));
    long candidates = hashed.as("x").join(hashed.as("y"), col("x.t").equalTo(col("y.t")).and(col("x.h").equalTo(col("y.h")))
        .and(col("x.id").lt(col("y.id")))).select("x.id", "y.id").distinct().count();
    List<String[]> pairs = new ArrayList<>();
    UnionFind uf = new UnionFind();
    for (Row r : joined) {
      pairs.add(new String[] {r.getString(0), r.getString(1)});
      uf.union(r.getString(0), r.getString(1));
    }
    Map<String, String> clusterOf = new HashMap<>();
    uf.parents().keySet().forEach(id -> clusterOf.put(id, uf.find(id)));
    Evaluation e = evaluate(dir, pairs, clusterOf);
    writeResult(dir, "mllib", seconds, cpuSeconds, peakHeap, heap.peakAfterGc(), candidates, e,
        warmupNote(warmup) + "output_pairs=" + joined.size());
    spark.stop();
  }

  /** MLlib's pairs at J >= THRESHOLD, with the model and the (cached) features for counting candidates. */
  record MllibJoin(List<Row> pairs, MinHashLSHModel model, Dataset<Row> features) {}

  private static MllibJoin mllibJoin(SparkSession spark, Path dir) {
    TextNormalizer normalizer = new TextNormalizer();
    // Same definition of similarity as ours: our normaliser, whitespace words, word 5-grams.
    UserDefinedFunction normalize = udf((UDF1<String, String>) normalizer::normalize, DataTypes.StringType);
    Dataset<Row> docs = spark.read().json(dir.resolve("docs.jsonl").toString())
        .select(col("id"), split(normalize.apply(col("text")), " ").as("words"));
    Dataset<Row> grams = new NGram().setN(5).setInputCol("words").setOutputCol("grams").transform(docs);
    Dataset<Row> features = new HashingTF().setInputCol("grams").setOutputCol("features").setNumFeatures(1 << 26)
        .setBinary(true).transform(grams).filter(size(col("grams")).gt(0)).select("id", "features").cache();
    MinHashLSHModel model = new MinHashLSH().setNumHashTables(5).setSeed(12345).setInputCol("features")
        .setOutputCol("hashes").fit(features);
    List<Row> joined = model.approxSimilarityJoin(features, features, 1 - THRESHOLD, "distance")
        .select(col("datasetA.id").as("a"), col("datasetB.id").as("b"), col("distance"))
        .filter(col("a").lt(col("b"))).collectAsList();
    return new MllibJoin(joined, model, features);
  }

  /**
   * -Dbench.warmup=DIR (run.sh WARMUP=N): a small corpus each system runs once, untimed, in the
   * same JVM before the timed run, so the timed run measures warm code (JIT-compiled Spark and
   * our own), as a long-lived Spark application or a large input sees it; without it the timed
   * run includes each JVM's one-off warm-up.
   */
  private static Path warmupCorpus() {
    String dir = System.getProperty("bench.warmup");
    return dir == null || dir.isEmpty() ? null : Path.of(dir);
  }

  private static String warmupNote(Path warmup) throws IOException {
    if (warmup == null) {
      return "";
    }
    try (java.util.stream.Stream<String> lines = Files.lines(warmup.resolve("docs.jsonl"))) {
      return "warmed_up_on=" + lines.count() + "_docs ";
    }
  }

  record Evaluation(DedupEvaluation.Scores pairs, DedupEvaluation.Scores clusters, long truthRemovals, long predictedRemovals) {}

  private static Evaluation evaluate(Path dir, List<String[]> pairs, Map<String, String> clusterOf) throws IOException {
    List<TruthPair> truth = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("truth_pairs.tsv"))) {
      String[] f = line.split("\t");
      truth.add(new TruthPair(f[0], f[1], Double.parseDouble(f[2])));
    }
    Map<String, String> texts = new HashMap<>();
    ObjectMapper json = new ObjectMapper();
    try (BufferedReader in = Files.newBufferedReader(dir.resolve("docs.jsonl"), StandardCharsets.UTF_8)) {
      for (String line; (line = in.readLine()) != null; ) {
        JsonNode n = json.readTree(line);
        texts.put(n.get("id").asText(), n.get("text").asText());
      }
    }
    TextNormalizer normalizer = new TextNormalizer();
    ShingleHasher shingler = new ShingleHasher(5);
    DedupEvaluation eval = new DedupEvaluation(truth, THRESHOLD, (a, b) -> Jaccard.of(
        shingler.shingles(normalizer.normalize(texts.get(a))), shingler.shingles(normalizer.normalize(texts.get(b)))));
    // Clusters are scored against the truth's own clusters: the transitive closure of its pairs
    // at J >= threshold (a chain A~B~C puts A and C together in both).
    UnionFind truthUf = new UnionFind();
    truth.stream().filter(p -> p.jaccard() >= THRESHOLD).forEach(p -> truthUf.union(p.a(), p.b()));
    Map<String, List<String>> truthClusters = new HashMap<>();
    new ArrayList<>(truthUf.parents().keySet()).forEach(id -> truthClusters.computeIfAbsent(truthUf.find(id), k -> new ArrayList<>()).add(id));
    List<TruthPair> closure = new ArrayList<>();
    for (List<String> m : truthClusters.values()) {
      for (int i = 0; i < m.size(); i++) {
        for (int k = i + 1; k < m.size(); k++) {
          closure.add(new TruthPair(m.get(i), m.get(k), 1.0));
        }
      }
    }
    DedupEvaluation closureEval = new DedupEvaluation(closure, THRESHOLD, (a, b) -> 0.0);
    long truthRemovals = truthClusters.values().stream().mapToLong(m -> m.size() - 1).sum();
    Map<String, List<String>> predicted = new HashMap<>();
    clusterOf.forEach((id, c) -> predicted.computeIfAbsent(c, k -> new ArrayList<>()).add(id));
    long predictedRemovals = predicted.values().stream().mapToLong(m -> m.size() - 1).sum();
    return new Evaluation(eval.pairs(pairs), closureEval.clusters(clusterOf), truthRemovals, predictedRemovals);
  }

  /** CPU time of this whole JVM (all threads: tasks, GC, JIT): unlike wall time, not inflated by other load on the machine. */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /**
   * SHA-256 (first 16 hex digits) of the sorted kept ids and of the sorted rejects
   * (id, reason, detail naming the survivor): two runs, or two versions of the stage, that print
   * the same digests kept the same documents and chose the same survivors.
   */
  private static String outputDigest(SparkSession spark, Path out) throws Exception {
    List<String> kept = spark.read().parquet(out.toString()).select("id").as(org.apache.spark.sql.Encoders.STRING())
        .collectAsList().stream().sorted().toList();
    List<String> rejects = spark.read().parquet(out.resolve("_rejects").toString())
        .select(org.apache.spark.sql.functions.concat_ws("\t", col("id"), col("reason"), col("detail")))
        .as(org.apache.spark.sql.Encoders.STRING()).collectAsList().stream().sorted().toList();
    return "kept_digest=" + sha(kept) + " rejects_digest=" + sha(rejects);
  }

  private static String sha(List<String> lines) throws Exception {
    java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
    for (String line : lines) {
      md.update((line + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return java.util.HexFormat.of().formatHex(md.digest()).substring(0, 16);
  }

  /**
   * CPU seconds (user + system, since thread start) of this JVM's live threads grouped by name
   * with digits removed, from /proc/self/task (Linux): shows how much goes to tasks, the driver,
   * JIT compilers and GC. Diagnostic only (-Dbench.threads=true).
   */
  private static void printThreadCpu() throws IOException {
    Map<String, Double> byGroup = new java.util.TreeMap<>();
    long ticks = 100; // USER_HZ
    try (var tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path t : tasks.toList()) {
        try {
          String stat = Files.readString(t.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+", "#");
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          double cpu = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / (double) ticks;
          byGroup.merge(name, cpu, Double::sum);
        } catch (IOException | RuntimeException e) {
          // the thread ended meanwhile
        }
      }
    }
    byGroup.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(15)
        .forEach(e -> System.out.printf(Locale.ROOT, "thread cpu %7.1f s  %s%n", e.getValue(), e.getKey()));
  }

  private static void writeResult(Path dir, String name, double seconds, double cpuSeconds, long peakHeap, long liveHeap, long candidates, Evaluation e,
      String extra) throws IOException {
    if (e == null) { // not scored
      String line = String.format(Locale.ROOT, "%s\twall_s=%.1f\tcpu_s=%.1f\tpeak_heap_mb=%d\tlive_heap_mb=%d\tcandidates=%d\tnot_scored\t%s",
          name, seconds, cpuSeconds, peakHeap >> 20, liveHeap >> 20, candidates, extra);
      System.out.println(line);
      Files.writeString(dir.resolve("result-" + name + ".tsv"), line + "\n");
      return;
    }
    String line = String.format(Locale.ROOT,
        "%s\twall_s=%.1f\tcpu_s=%.1f\tpeak_heap_mb=%d\tlive_heap_mb=%d\tcandidates=%d\tpair_P=%.4f\tpair_R=%.4f\tpairs=%d\tcluster_P=%.4f\tcluster_R=%.4f\tremovals=%d(truth %d)\t%s\tpair_recall_bins=%s",
        name, seconds, cpuSeconds, peakHeap >> 20, liveHeap >> 20, candidates, e.pairs().precision(), e.pairs().recall(), e.pairs().predictedPairs(),
        e.clusters().precision(), e.clusters().recall(), e.predictedRemovals(), e.truthRemovals(), extra, e.pairs().recallByBin());
    System.out.println(line);
    Files.writeString(dir.resolve("result-" + name + ".tsv"), line + "\n");
  }

  private static void report(Path dir) throws IOException {
    Map<String, Double> wall = new HashMap<>();
    Map<String, Double> cpu = new HashMap<>();
    for (String name : List.of("ours", "mllib")) {
      if (!Files.exists(dir.resolve("result-" + name + ".tsv"))) {
        continue; // one half only (MODES=ours)
      }
      String line = Files.readString(dir.resolve("result-" + name + ".tsv")).trim();
      System.out.println(line + "\tmax_rss_mb=" + maxRssMb(dir.resolve("time-" + name + ".txt")) + executorRss(dir, name));
      for (String f : line.split("\t")) {
        if (f.startsWith("wall_s=")) {
          wall.put(name, Double.parseDouble(f.substring(7)));
        }
        if (f.startsWith("cpu_s=")) {
          cpu.put(name, Double.parseDouble(f.substring(6)));
        }
      }
    }
    if (wall.size() == 2) {
      System.out.printf(Locale.ROOT, "speed ratio (MLlib wall / ours wall): %.2fx; CPU ratio (MLlib cpu / ours cpu): %.2fx%n",
          wall.get("mllib") / wall.get("ours"), cpu.get("mllib") / cpu.get("ours"));
    }
    System.out.println("load average now: " + Files.readString(Path.of("/proc/loadavg")).trim());
  }

  /** Standalone mode: the executor JVM's peak RSS, sampled by standalone.sh (the other figures are then the driver's). */
  private static String executorRss(Path dir, String name) throws IOException {
    Path file = dir.resolve("cluster/executor-rss.txt");
    if (!name.equals("ours") || !Files.exists(file)) {
      return "";
    }
    return "\t(driver JVM)\texecutor_max_rss_mb=" + Long.parseLong(Files.readString(file).trim().split(" ")[1]) / 1024;
  }

  private static long maxRssMb(Path timeFile) throws IOException {
    if (!Files.exists(timeFile)) {
      return -1;
    }
    for (String line : Files.readAllLines(timeFile)) {
      if (line.contains("Maximum resident set size")) {
        return Long.parseLong(line.replaceAll("\\D+", "")) / 1024;
      }
    }
    return -1;
  }

  /**
   * Samples used heap every 50 ms; {@link #stop} returns the peak seen. That peak includes
   * garbage, so it follows the collector's sizing (G1 grows the young generation with the
   * allocation rate) as much as the job's needs; {@link #peakAfterGc} is the largest heap left
   * after any collection, the closest cheap figure to the job's peak live set.
   */
  static final class HeapSampler {
    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong peakAfterGc = new AtomicLong();
    private volatile boolean running = true;
    private Thread thread;

    static HeapSampler start() {
      HeapSampler s = new HeapSampler();
      for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
          if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION) || !s.running) {
            return;
          }
          GcInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo();
          long after = 0;
          for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage usage = pool.getType() == MemoryType.HEAP ? info.getMemoryUsageAfterGc().get(pool.getName()) : null;
            after += usage == null ? 0 : usage.getUsed();
          }
          s.peakAfterGc.accumulateAndGet(after, Math::max);
        }, null, null);
      }
      s.thread = new Thread(() -> {
        while (s.running) {
          long used = 0;
          for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
              used += pool.getUsage().getUsed();
            }
          }
          s.peak.accumulateAndGet(used, Math::max);
          try {
            Thread.sleep(50);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "heap-sampler");
      s.thread.setDaemon(true);
      s.thread.start();
      return s;
    }

    long stop() throws InterruptedException {
      running = false;
      thread.join();
      return peak.get();
    }

    /** The largest heap in use right after a collection, up to {@link #stop}; 0 when no collection ran. */
    long peakAfterGc() {
      return peakAfterGc.get();
    }
  }

  /** Driver-side union-find over ids (benchmark scoring only: the stage itself never collects the graph). */
  static final class UnionFind {
    private final Map<String, String> parent = new HashMap<>();

    Map<String, String> parents() {
      return parent;
    }

    String find(String x) {
      parent.putIfAbsent(x, x);
      String root = x;
      while (!parent.get(root).equals(root)) {
        root = parent.get(root);
      }
      while (!parent.get(x).equals(root)) {
        String next = parent.get(x);
        parent.put(x, root);
        x = next;
      }
      return root;
    }

    void union(String a, String b) {
      String ra = find(a);
      String rb = find(b);
      if (!ra.equals(rb)) {
        if (ra.compareTo(rb) < 0) {
          parent.put(rb, ra);
        } else {
          parent.put(ra, rb);
        }
      }
    }
  }
}
