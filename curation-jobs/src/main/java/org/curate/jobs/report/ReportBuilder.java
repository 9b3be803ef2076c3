package org.curate.jobs.report;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.octet_length;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF5;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.curate.jobs.report.ReportData.CountRow;
import org.curate.jobs.report.ReportData.FunnelRow;
import org.curate.jobs.report.ReportData.PiiRow;
import org.curate.jobs.report.ReportData.Section;
import org.curate.jobs.report.ReportData.RunMetadata;
import org.curate.jobs.report.ReportData.SampleInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes the report of a run from its stage folders with Spark. Only aggregates and a few
 * sampled rows (with text cut to {@link Options#textChars}) reach the driver; no whole document
 * is collected. Per stage: counts and bytes of text, tokens (a {@code token_count} column, a
 * {@code tokens} array column, or the stage's {@code _report.json}), languages, a histogram of
 * the text length, histograms of the numeric measures the stage added to {@code tags} (and of
 * {@code lang_score}), PII by type, seeded samples of kept documents and of every drop and
 * failure reason; and the stage's own section from {@code <stage>/_report.json} when present.
 */
public final class ReportBuilder {
  private static final Logger LOG = LoggerFactory.getLogger(ReportBuilder.class);
  /** The file a stage may write into its folder to add its own section (contract: docs/ARCHITECTURE.md). */
  public static final String SECTION_FILE = "_report.json";
  static final long MAX_SECTION_BYTES = 1 << 20;
  /** Config files of the run shown in the run metadata when present (relative to the run folder). */
  static final List<String> CONFIG_FILES = List.of("pipeline.yaml", "input/filters.yaml");
  private static final String PII_PREFIX = "pii.";
  private static final String LANG_SCORE = "lang_score";

  /** Sampling and binning settings; the seed makes samples and score rows reproducible. */
  public record Options(long seed, int keptPerStage, int perReason, int textChars, int bins, int scoreRows) {
    public static Options defaults() {
      return new Options(SeededSample.DEFAULT_SEED, 5, 3, 600, Histogram.DEFAULT_BINS, 10_000);
    }
  }

  /** One sampled document: kept, or dropped/failed with its reason (text from the stage's input when known). */
  @com.fasterxml.jackson.annotation.JsonPropertyOrder({"stage", "kind", "reason", "id", "url", "title", "lang", "chars",
      "detail", "text"})
  public record Sample(String stage, String kind, String reason, String id, String url, String title, String lang,
      Long chars, String detail, String text) {}

  /** The report data, the samples and the score rows (columns first: stage, id, lang, chars, bytes, measures...). */
  public record Result(ReportData data, List<Sample> samples, List<String> scoreColumns, List<List<Object>> scoreRows) {}

  private final SparkSession spark;
  private final Options options;
  private final UserDefinedFunction keyUdf;
  private final UserDefinedFunction binUdf;

  public ReportBuilder(SparkSession spark, Options options) {
    this.spark = spark;
    this.options = options;
    long seed = options.seed();
    this.keyUdf = udf((UDF1<String, Long>) id -> SeededSample.key(seed, id), DataTypes.LongType)
        .asNonNullable();
    this.binUdf = udf((UDF5<Double, Double, Double, Integer, Boolean, Integer>) (v, lo, width, bins, log) ->
        new Histogram.Binning(lo, width, bins, log, false).index(v), DataTypes.IntegerType);
  }

  public Result build(String runDir, List<StageReport> stages) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    List<FunnelRow> funnel = new ArrayList<>();
    List<CountRow> reasons = new ArrayList<>();
    List<CountRow> changes = new ArrayList<>();
    List<CountRow> languages = new ArrayList<>();
    List<PiiRow> pii = new ArrayList<>();
    List<CountRow> tagOnly = new ArrayList<>();
    List<Histogram> histograms = new ArrayList<>();
    List<Sample> samples = new ArrayList<>();
    List<Section> sections = new ArrayList<>();
    Set<String> seenMeasures = new HashSet<>();
    List<String> scoreColumns = List.of();
    List<List<Object>> scoreRows = List.of();
    String scoreStage = null;
    Dataset<Row> scoreDocs = null;
    List<String> scoreKeys = List.of();

    long input = stages.isEmpty() ? 0 : stages.get(0).in();
    funnel.add(new FunnelRow("input", input, null, null, input == 0 ? null : 100.0));
    Dataset<Row> previous = null;
    for (StageReport stage : stages) {
      String dir = new Path(runDir, stage.name()).toString();
      Section section = section(conf, stage.name(), new Path(dir, SECTION_FILE));
      if (section != null) {
        sections.add(section);
      }
      stage.dropped().forEach((r, n) -> reasons.add(new CountRow(stage.name(), "dropped", r, n, pct(n, stage.in()))));
      stage.failed().forEach((r, n) -> reasons.add(new CountRow(stage.name(), "failed", r, n, pct(n, stage.in()))));
      stage.changed().forEach((r, n) -> changes.add(new CountRow(stage.name(), "changed", r, n, pct(n, stage.out()))));

      Dataset<Row> docs = readParquet(conf, dir);
      if (docs == null) {
        LOG.warn("report: no Parquet output in {}; stage {} reported from its _stats.json only", dir, stage.name());
        funnel.add(new FunnelRow(stage.name(), stage.out(), null, sectionTokens(section), pct(stage.out(), input)));
        samples.addAll(rejectSamples(stage.name(), conf, dir, null));
        previous = null;
        continue;
      }
      StructType schema = docs.schema();
      List<Column> aggs = new ArrayList<>(List.of(count(lit(1)), sum(octet_length(col("text"))),
          min(length(col("text"))), max(length(col("text")))));
      Column tokens = tokensColumn(schema);
      if (tokens != null) {
        aggs.add(sum(tokens));
      }
      Row totals = docs.agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new)).first();
      long documents = totals.getLong(0);
      Long bytes = totals.isNullAt(1) ? 0L : totals.getLong(1);
      Long tokenCount = tokens != null && !totals.isNullAt(4) ? Long.valueOf(((Number) totals.get(4)).longValue())
          : sectionTokens(section);
      funnel.add(new FunnelRow(stage.name(), documents, bytes, tokenCount, pct(documents, input)));

      for (Row r : docs.groupBy(coalesce(col("lang"), lit("unknown")).as("lang")).count().collectAsList()) {
        languages.add(new CountRow(stage.name(), "lang", r.getString(0), r.getLong(1), pct(r.getLong(1), documents)));
      }
      if (!totals.isNullAt(2)) {
        histograms.add(lengthHistogram(stage.name(), docs, totals.getInt(2), totals.getInt(3)));
      }

      Dataset<Row> measures = measures(docs, schema);
      if (measures != null) {
        List<String> keys = measureSections(stage.name(), measures, documents, seenMeasures, histograms, pii, tagOnly);
        if (!keys.isEmpty()) {
          scoreStage = stage.name();
          scoreDocs = docs;
          scoreKeys = keys;
        }
      }
      samples.addAll(keptSamples(stage.name(), docs));
      samples.addAll(rejectSamples(stage.name(), conf, dir, previous));
      previous = docs;
    }
    if (scoreDocs != null) {
      scoreColumns = new ArrayList<>(List.of("stage", "id", "lang", "chars", "bytes"));
      scoreColumns.addAll(scoreKeys);
      scoreRows = scoreRows(scoreStage, scoreDocs, scoreKeys);
    }
    sortRows(languages);
    samples.sort(Comparator.comparingInt((Sample s) -> stageIndex(stages, s.stage()))
        .thenComparing(s -> "kept".equals(s.kind()) ? "" : s.kind()));
    SampleInfo info = new SampleInfo(options.seed(), options.keptPerStage(), options.perReason(), options.textChars(),
        samples.size(), scoreRows.size());
    ReportData data = new ReportData(stages, funnel, reasons, changes, languages, pii, tagOnly, histograms, info,
        sections, metadata(conf, runDir, stages));
    return new Result(data, samples, scoreColumns, scoreRows);
  }

  private static int stageIndex(List<StageReport> stages, String name) {
    for (int i = 0; i < stages.size(); i++) {
      if (stages.get(i).name().equals(name)) {
        return i;
      }
    }
    return stages.size();
  }

  /** Languages sorted by stage order (kept as built), then count descending, then code. */
  private static void sortRows(List<CountRow> rows) {
    List<String> order = rows.stream().map(CountRow::stage).distinct().toList();
    rows.sort(Comparator.comparingInt((CountRow r) -> order.indexOf(r.stage()))
        .thenComparing(Comparator.comparingLong(CountRow::count).reversed()).thenComparing(CountRow::key));
  }

  static double pct(long n, long of) {
    return of == 0 ? 0 : Math.round(10_000.0 * n / of) / 100.0;
  }

  private Dataset<Row> readParquet(Configuration conf, String dir) {
    try {
      Path path = new Path(dir);
      if (!hasParquetFiles(conf, path)) {
        // Not a document stage (a tokenizer folder, Megatron shards): nothing to read here.
        return null;
      }
      Dataset<Row> docs = spark.read().parquet(dir);
      return docs.schema().getFieldIndex("text").isDefined() && docs.schema().getFieldIndex("id").isDefined()
          ? docs : null;
    } catch (IOException | RuntimeException e) {
      LOG.warn("report: cannot read {}: {}", dir, e.toString());
      return null;
    }
  }

  /** Whether {@code dir} directly holds Parquet files (Spark's reader fails on anything else). */
  private static boolean hasParquetFiles(Configuration conf, Path dir) throws IOException {
    FileStatus[] parts = dir.getFileSystem(conf).globStatus(new Path(dir, "*.parquet"));
    return parts != null && parts.length > 0;
  }

  /** A stage's token count from its own columns: {@code token_count} (numeric) or {@code tokens} (array). */
  private static Column tokensColumn(StructType schema) {
    for (StructField f : schema.fields()) {
      if (f.name().equals("token_count") && f.dataType() instanceof NumericType) {
        return col("token_count").cast(DataTypes.LongType);
      }
    }
    for (StructField f : schema.fields()) {
      if (f.name().equals("tokens") && f.dataType() instanceof ArrayType) {
        return size(col("tokens")).cast(DataTypes.LongType);
      }
    }
    return null;
  }

  private static Long sectionTokens(Section section) {
    if (section == null || section.content() == null) {
      return null;
    }
    JsonNode t = section.content().path("funnel").path("tokens");
    return t.isIntegralNumber() ? t.asLong() : null;
  }

  private Histogram lengthHistogram(String stage, Dataset<Row> docs, int minLen, int maxLen) {
    Histogram.Binning b = Histogram.Binning.of(minLen, maxLen, true, options.bins(), true);
    Map<Integer, Long> byBin = new HashMap<>();
    for (Row r : docs.select(binUdf.apply(length(col("text")).cast(DataTypes.DoubleType), lit(b.lo()), lit(b.width()),
        lit(b.bins()), lit(true)).as("bin")).groupBy("bin").count().collectAsList()) {
      byBin.put(r.getInt(0), r.getLong(1));
    }
    return Histogram.of(stage, "text_length_chars", b, minLen, maxLen, byBin, 0);
  }

  /** (key, value) rows: every entry of {@code tags} and {@code lang_score} when set. */
  private static Dataset<Row> measures(Dataset<Row> docs, StructType schema) {
    Dataset<Row> kv = null;
    if (schema.getFieldIndex("tags").isDefined()) {
      kv = docs.select(col("id"), explode(col("tags")).as(new String[] {"key", "value"}));
    }
    if (schema.getFieldIndex(LANG_SCORE).isDefined()) {
      Dataset<Row> ls = docs.filter(col(LANG_SCORE).isNotNull())
          .select(col("id"), lit(LANG_SCORE).as("key"), col(LANG_SCORE).cast(DataTypes.DoubleType).as("value"));
      kv = kv == null ? ls : kv.unionByName(ls);
    }
    return kv;
  }

  /**
   * Histograms of the numeric measures a stage added (keys already seen at an earlier stage are
   * not repeated), its PII counts ({@code pii.<type>} tags) and its tag-only flags (keys with a
   * ':', the reason a tag-only filter would have dropped for).
   */
  private List<String> measureSections(String stage, Dataset<Row> kv, long documents, Set<String> seen,
      List<Histogram> histograms, List<PiiRow> pii, List<CountRow> tagOnly) {
    Column finite = isnan(col("value")).or(col("value").equalTo(Double.POSITIVE_INFINITY))
        .or(col("value").equalTo(Double.NEGATIVE_INFINITY)).or(col("value").isNull()).unary_$bang();
    List<Row> stats = kv.groupBy("key").agg(count(lit(1)).as("n"),
            min(when(finite, col("value"))).as("lo"), max(when(finite, col("value"))).as("hi"),
            sum(when(finite.and(col("value").notEqual(floor(col("value")))), 1).otherwise(0)).as("fractional"),
            sum(when(finite, 0).otherwise(1)).as("non_finite"),
            sum(when(finite, col("value"))).as("total"))
        .orderBy("key").collectAsList();
    List<Row> specs = new ArrayList<>();
    Map<String, Histogram.Binning> binnings = new TreeMap<>();
    Map<String, Row> byKey = new TreeMap<>();
    List<String> keys = new ArrayList<>();
    for (Row r : stats) {
      String key = r.getString(0);
      keys.add(key);
      if (!seen.add(key)) {
        continue;
      }
      long n = r.getLong(1);
      if (key.contains(":")) {
        tagOnly.add(new CountRow(stage, "would_drop", key, n, pct(n, documents)));
        continue;
      }
      if (key.startsWith(PII_PREFIX) && !r.isNullAt(6)) {
        pii.add(new PiiRow(stage, key.substring(PII_PREFIX.length()), n, Math.round(r.getDouble(6))));
      }
      if (r.isNullAt(2)) {
        continue;
      }
      Histogram.Binning b = Histogram.Binning.of(r.getDouble(2), r.getDouble(3), r.getLong(4) == 0, options.bins(), false);
      binnings.put(key, b);
      byKey.put(key, r);
      specs.add(RowFactory.create(key, b.lo(), b.width(), b.bins()));
    }
    if (specs.isEmpty()) {
      return keys;
    }
    StructType specSchema = new StructType().add("key", DataTypes.StringType).add("lo", DataTypes.DoubleType)
        .add("width", DataTypes.DoubleType).add("bins", DataTypes.IntegerType);
    Dataset<Row> specDf = spark.createDataFrame(specs, specSchema);
    Map<String, Map<Integer, Long>> counts = new TreeMap<>();
    for (Row r : kv.filter(finite).join(broadcast(specDf), "key")
        .select(col("key"), binUdf.apply(col("value"), col("lo"), col("width"), col("bins"), lit(false)).as("bin"))
        .groupBy("key", "bin").count().collectAsList()) {
      counts.computeIfAbsent(r.getString(0), k -> new HashMap<>()).put(r.getInt(1), r.getLong(2));
    }
    binnings.forEach((key, b) -> {
      Row r = byKey.get(key);
      histograms.add(Histogram.of(stage, key, b, r.getDouble(2), r.getDouble(3), counts.getOrDefault(key, Map.of()),
          r.getLong(5)));
    });
    return keys;
  }

  private List<Sample> keptSamples(String stage, Dataset<Row> docs) {
    List<Sample> out = new ArrayList<>();
    if (options.keptPerStage() <= 0) {
      return out;
    }
    Column[] columns = java.util.stream.Stream.concat(java.util.Arrays.stream(textColumns(docs.schema())),
        java.util.stream.Stream.of(keyUdf.apply(col("id")).as("_k"))).toArray(Column[]::new);
    for (Row r : docs.select(columns).orderBy(col("_k"), col("id")).limit(options.keptPerStage()).collectAsList()) {
      out.add(new Sample(stage, "kept", null, r.getString(0), r.getString(1), r.getString(2), r.getString(3),
          r.isNullAt(4) ? null : (long) r.getInt(4), null, r.getString(5)));
    }
    return out;
  }

  /** id, url, title, lang, chars, text (cut), with nulls for columns the stage does not have. */
  private Column[] textColumns(StructType schema) {
    return new Column[] {col("id"), optional(schema, "url"), substring(optional(schema, "title"), 1, 300).as("title"),
        optional(schema, "lang"), length(col("text")).as("chars"),
        substring(col("text"), 1, options.textChars()).as("text")};
  }

  private static Column optional(StructType schema, String name) {
    return schema.getFieldIndex(name).isDefined() ? col(name).cast(DataTypes.StringType).as(name)
        : lit(null).cast(DataTypes.StringType).as(name);
  }

  /**
   * Up to {@code perReason} rejects per (outcome, reason) by seeded key; their title and text
   * come from the stage's input ({@code previous}: the preceding stage's documents) when known.
   */
  private List<Sample> rejectSamples(String stage, Configuration conf, String dir, Dataset<Row> previous) {
    Dataset<Row> rejects = readRejects(conf, dir + "/_rejects");
    if (rejects == null || options.perReason() <= 0) {
      return List.of();
    }
    List<Row> picked = rejects
        .select(col("outcome"), col("reason"), col("id"), col("url"), substring(col("detail"), 1, 500).as("detail"),
            keyUdf.apply(col("id")).as("_k"))
        .withColumn("_rn", row_number().over(Window.partitionBy("outcome", "reason").orderBy(col("_k"), col("id"))))
        .filter(col("_rn").leq(options.perReason()))
        .drop("_rn").collectAsList();
    List<Row> sorted = new ArrayList<>(picked);
    sorted.sort(Comparator.comparing((Row r) -> r.getString(0)).thenComparing(r -> r.getString(1))
        .thenComparingLong(r -> r.getLong(5)).thenComparing(r -> r.isNullAt(2) ? "" : r.getString(2)));
    Map<String, Row> texts = new HashMap<>();
    List<String> ids = sorted.stream().filter(r -> !r.isNullAt(2)).map(r -> r.getString(2)).distinct().toList();
    if (previous != null && !ids.isEmpty()) {
      for (Row r : previous.filter(col("id").isin(ids.toArray())).select(textColumns(previous.schema())).collectAsList()) {
        texts.putIfAbsent(r.getString(0), r);
      }
    }
    List<Sample> out = new ArrayList<>();
    for (Row r : sorted) {
      Row t = r.isNullAt(2) ? null : texts.get(r.getString(2));
      out.add(new Sample(stage, r.getString(0), r.getString(1), r.getString(2), r.getString(3),
          t == null ? null : t.getString(2), t == null ? null : t.getString(3),
          t == null || t.isNullAt(4) ? null : (long) t.getInt(4), r.getString(4), t == null ? null : t.getString(5)));
    }
    return out;
  }

  private Dataset<Row> readRejects(Configuration conf, String dir) {
    try {
      Path path = new Path(dir);
      if (!hasParquetFiles(conf, path)) {
        return null;
      }
      Dataset<Row> rejects = spark.read().parquet(dir);
      for (String c : List.of("id", "url", "outcome", "reason", "detail")) {
        if (!rejects.schema().getFieldIndex(c).isDefined()) {
          return null;
        }
      }
      return rejects;
    } catch (IOException | RuntimeException e) {
      LOG.warn("report: cannot read {}: {}", dir, e.toString());
      return null;
    }
  }

  /** A seeded sample of up to {@code scoreRows} documents with every measure as a column. */
  private List<List<Object>> scoreRows(String stage, Dataset<Row> docs, List<String> keys) {
    StructType schema = docs.schema();
    boolean hasTags = schema.getFieldIndex("tags").isDefined();
    boolean hasLangScore = schema.getFieldIndex(LANG_SCORE).isDefined();
    List<List<Object>> rows = new ArrayList<>();
    for (Row r : docs
        .select(col("id"), optional(schema, "lang"), length(col("text")), octet_length(col("text")),
            hasTags ? col("tags") : lit(null).as("tags"),
            hasLangScore ? col(LANG_SCORE).cast(DataTypes.DoubleType) : lit(null).cast(DataTypes.DoubleType),
            keyUdf.apply(col("id")).as("_k"))
        .orderBy(col("_k"), col("id")).limit(options.scoreRows()).collectAsList()) {
      Map<String, Double> tags = r.isNullAt(4) ? Map.of() : r.getJavaMap(4);
      List<Object> row = new ArrayList<>(List.of(stage, r.getString(0)));
      row.add(r.getString(1));
      row.add(r.isNullAt(2) ? null : r.getInt(2));
      row.add(r.isNullAt(3) ? null : r.getInt(3));
      for (String k : keys) {
        row.add(LANG_SCORE.equals(k) && !r.isNullAt(5) ? Double.valueOf(r.getDouble(5)) : tags.get(k));
      }
      rows.add(row);
    }
    return rows;
  }

  private static Section section(Configuration conf, String stage, Path file) {
    try {
      FileSystem fs = file.getFileSystem(conf);
      if (!fs.exists(file)) {
        return null;
      }
      long len = fs.getFileStatus(file).getLen();
      if (len > MAX_SECTION_BYTES) {
        return new Section(stage, file.getName(), "larger than " + MAX_SECTION_BYTES + " bytes (" + len + "); skipped", null);
      }
      try (InputStream in = fs.open(file)) {
        JsonNode node = new ObjectMapper().readTree(in);
        if (node == null || !node.isObject()) {
          return new Section(stage, file.getName(), "not a JSON object", null);
        }
        return new Section(stage, file.getName(), null, node);
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("report: cannot read {}: {}", file, e.toString());
      return new Section(stage, file.getName(), "unreadable: " + e.getMessage(), null);
    }
  }

  private RunMetadata metadata(Configuration conf, String runDir, List<StageReport> stages) {
    Map<String, Double> seconds = new LinkedHashMap<>();
    double total = 0;
    for (StageReport s : stages) {
      seconds.put(s.name(), s.seconds());
      total += s.seconds();
    }
    SortedMap<String, String> versions = new TreeMap<>();
    picocli.CommandLine.Command cmd = org.curate.jobs.Curate.class.getAnnotation(picocli.CommandLine.Command.class);
    versions.put("curate", cmd == null || cmd.version().length == 0 ? "unknown" : cmd.version()[0]);
    versions.put("spark", spark.version());
    versions.put("scala", scala.util.Properties.versionNumberString());
    versions.put("hadoop", org.apache.hadoop.util.VersionInfo.getVersion());
    versions.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
    SortedMap<String, String> sparkConf = new TreeMap<>();
    for (String k : List.of("spark.master", "spark.app.name", "spark.submit.deployMode", "spark.driver.memory",
        "spark.executor.memory", "spark.executor.cores", "spark.executor.instances", "spark.default.parallelism",
        "spark.sql.shuffle.partitions")) {
      scala.Option<String> v = spark.conf().getOption(k);
      if (v.isDefined()) {
        sparkConf.put(k, v.get());
      }
    }
    SortedMap<String, String> configs = new TreeMap<>();
    for (String name : CONFIG_FILES) {
      Path p = new Path(runDir, name);
      try {
        FileSystem fs = p.getFileSystem(conf);
        if (fs.exists(p) && fs.getFileStatus(p).getLen() <= 64 * 1024) {
          try (InputStream in = fs.open(p)) {
            configs.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
          }
        }
      } catch (IOException e) {
        LOG.warn("report: cannot read {}: {}", p, e.toString());
      }
    }
    return new RunMetadata(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), runDir,
        Math.round(total * 1000) / 1000.0, seconds, versions, sparkConf, configs);
  }

}
