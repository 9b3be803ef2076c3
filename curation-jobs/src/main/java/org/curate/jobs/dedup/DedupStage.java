package org.curate.jobs.dedup;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.array_union;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;
import org.curate.core.StageCounts;
import org.curate.dedup.ParagraphKeys;
import org.curate.extract.ExtractOptions;
import org.curate.jobs.spark.DocumentSchema;
import org.curate.jobs.spark.DocumentSources;
import org.curate.jobs.spark.OutcomeWriter;
import org.curate.jobs.spark.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dedup stage: URL dedup (keep the newest capture of a page, {@code dedup:url}), exact dedup
 * of normalised text ({@code dedup:exact}), then MinHash LSH near-duplicate removal
 * ({@code dedup:minhash}), cheapest first so each step shrinks the next one's input; optionally
 * followed by cross-document paragraph dedup of the survivors ({@code dedup:paragraph}).
 *
 * <p>Texts are read twice and never shuffled: a first pass turns each kept document into a
 * fingerprint row (ids, keys, packed band keys, packed shingles; persisted); every decision is
 * taken on those rows; the decisions (row, reason, detail) are then joined back onto the
 * documents and written by {@link OutcomeWriter}. Rows are identified by
 * {@code monotonically_increasing_id} over the input scan, which is the same on both reads since
 * a file scan's partitioning is deterministic. These row numbers are also the graph's vertices.
 *
 * <p>Data flow, one shuffle per arrow that groups:
 * <ol>
 *   <li>URL: captures with a URL key, window per key (newest first), the rest are drops.</li>
 *   <li>Exact: live rows grouped by the 128-bit key of their normalised text; per group the
 *   survivor (minimum {@link SurvivorChoice#rankKey()}) and its band keys ({@link ExactGroups}).</li>
 *   <li>MinHash: the survivors' (band, key, row) rows grouped by (band, key) into candidate
 *   edges ({@link CandidateEdges}), verified by exact Jaccard ({@link EdgeVerification}),
 *   connected components on the executors ({@link ConnectedComponents}), then per component
 *   the survivor by the same rank.</li>
 *   <li>Paragraphs (optional, {@link ParagraphOptions}): the survivors' paragraph keys, taken on
 *   the fingerprint pass, counted per key; keys in more than K documents are removed from the
 *   texts when they are written ({@link BoilerplateParagraphs}).</li>
 * </ol>
 *
 * <p>Beside the kept documents and {@code _rejects/}, the stage writes {@code _clusters/}
 * (Parquet: kind {@code exact|minhash}, component_id = the survivor's input row number,
 * survivor id, sorted member ids, size) for audit, and with {@link DedupOptions#writeEdges()}
 * the verified edges (id_a, id_b, jaccard) under {@code _edges/}.
 */
public final class DedupStage implements Stage {
  public static final String NAME = "dedup";
  public static final String CLUSTERS_DIR = "_clusters";
  public static final String EDGES_DIR = "_edges";
  /** Graph edges per partition in the candidate, verification and component steps (16 bytes each). */
  static final long EDGES_PER_PARTITION = 2_000_000;
  /** Drop reason of a document left empty by paragraph dedup, and change code of one it shortened. */
  public static final String PARAGRAPH_REASON = "dedup:paragraph";
  private static final Logger LOG = LoggerFactory.getLogger(DedupStage.class);

  private final DedupOptions options;
  private DedupMetrics metrics = DedupMetrics.NONE;

  public DedupStage(DedupOptions options) {
    this.options = options;
  }

  @Override
  public String name() {
    return NAME;
  }

  /** Figures of the last {@link #run}: candidates, verified edges, component rounds, clusters. */
  public DedupMetrics metrics() {
    return metrics;
  }

  @Override
  public StageCounts run(SparkSession spark, List<String> inputs, String outputDir) {
    long started = System.nanoTime();
    Dataset<Row> docs = DocumentSources.read(spark, NAME, inputs, ExtractOptions.defaults())
        .withColumn("_row", monotonically_increasing_id());
    Column score = options.survivor() == SurvivorChoice.BEST_SCORE
        ? SurvivorScore.resolve(docs, options.scoreColumn()) : lit(null).cast(DataTypes.DoubleType);
    ParagraphKeys paragraphKeys = options.paragraphs().enabled() ? new ParagraphKeys(options.paragraphs().minChars()) : null;
    Dataset<Row> fingerprints = docs.filter(col("outcome").equalTo(DocumentSchema.KEPT))
        .select(col("_row"), col("id"), col("url"), col("warc_date"), col("text"), score.as("score"))
        .mapPartitions(new FingerprintRows(options.minHash(), paragraphKeys), Encoders.row(FingerprintRows.SCHEMA))
        .persist(StorageLevel.MEMORY_AND_DISK());
    // Document-scale steps (URL, exact groups, drops) keep as many partitions as the input scan
    // has (Spark splits files by size, so this follows the data), at most the shuffle default:
    // on a small input, 2 tasks per step instead of 16 near-empty ones.
    int scanPartitions = docs.javaRDD().getNumPartitions();
    int docPartitions = Math.min(shufflePartitions(spark), scanPartitions);
    List<Dataset<?>> cached = new ArrayList<>(List.of(fingerprints));
    List<Dataset<Row>> drops = new ArrayList<>();
    List<Dataset<Row>> clusters = new ArrayList<>();
    Dataset<Row> edgesToWrite = null;
    try {
      Dataset<Row> live = fingerprints.select(col("_row"), col("id"), col("url_key"), col("warc_date"),
          col("exact_hi"), col("exact_lo"), col("band_keys"), options.survivor().rankKey().as("rank"));
      if (options.url()) {
        Dataset<Row> urlDrops = urlDuplicates(live).coalesce(docPartitions).persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(urlDrops);
        drops.add(urlDrops);
        live = live.join(urlDrops.select("_row"), "_row", "left_anti");
      }
      // Rows without text have no band keys and never join a duplicate group.
      live = live.filter(col("exact_hi").isNotNull());
      Dataset<Row> representatives = live.select("_row", "band_keys", "rank");
      if (options.exact()) {
        Dataset<Row> groups = ExactGroups.of(live, docPartitions).persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(groups);
        drops.add(groups.filter(col("_row").notEqual(col("best_row")))
            .select(col("_row"), lit("dedup:exact").as("new_reason"),
                concat(lit("duplicate of "), coalesce(col("best_id"), lit("?"))).as("new_detail")));
        clusters.add(groups.filter(col("members").isNotNull())
            .select(lit("exact").as("kind"), col("best_row").as("component_id"), col("best_id").as("survivor"),
                array_sort(col("members")).as("members"), col("size")));
        representatives = groups.filter(col("_row").equalTo(col("best_row"))).select("_row", "band_keys", "rank");
      }
      if (options.nearDuplicates()) {
        // Bucket entries (one per document and band) are sorted one partition at a time: as
        // many partitions as the input scan has, never capped by the shuffle default, bound
        // them to one input split's documents (a 128 MB split of 2 KB documents: ~1.2 M
        // entries, ~50 MB) however big the input, so the sort rarely has to spill.
        Dataset<Row> candidates = CandidateEdges.of(representatives, scanPartitions).persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(candidates);
        long candidateCount = candidates.count();
        // The graph is small next to the documents (about one candidate edge per three documents
        // here): its steps run on as few partitions as its size needs, not on the shuffle
        // default, which saves scheduling and serialising hundreds of near-empty tasks.
        int graphPartitions = graphPartitions(spark, candidateCount);
        candidates = candidates.coalesce(graphPartitions);
        Dataset<Row> edges = options.verify()
            ? EdgeVerification.verified(candidates, candidateCount, fingerprints.select("_row", "id", "shingles"), options.threshold())
            : candidates.withColumn("jaccard", lit(null).cast("double"));
        edges = edges.coalesce(graphPartitions).persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(edges);
        long edgeCount = edges.count();
        ConnectedComponents.Result cc = ConnectedComponents.of(edges.select("src", "dst"), options.maxIterations(), graphPartitions,
            edgeCount, options.componentsInOneTaskUpTo());
        Dataset<Row> members = cc.components()
            .join(representatives.select("_row", "rank"), col("vertex").equalTo(col("_row")));
        Dataset<Row> components = members.groupBy("component")
            .agg(min("rank").as("best"), array_sort(collect_list("rank.id")).as("members"), count(lit(1)).as("size"))
            .coalesce(graphPartitions)
            .persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(components);
        drops.add(members.join(components.select("component", "best"), "component")
            .filter(col("vertex").notEqual(col("best._row")))
            .select(col("vertex").as("_row"), lit("dedup:minhash").as("new_reason"),
                concat(lit("near-duplicate of "), coalesce(col("best.id"), lit("?"))).as("new_detail")));
        clusters.add(components.select(lit("minhash").as("kind"), col("best._row").as("component_id"), col("best.id").as("survivor"),
            col("members"), col("size")));
        if (options.writeEdges()) {
          edgesToWrite = options.verify() ? edges.select("id_a", "id_b", "jaccard") : null;
        }
        metrics = new DedupMetrics(candidateCount, edgeCount, cc.iterations(), 0);
        LOG.info("dedup: {} candidate edges, {} verified, components in {} rounds ({} s so far)", candidateCount, edgeCount,
            cc.iterations(), String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9));
      }
      Dataset<Row> allDrops = drops.isEmpty() ? null
          : drops.stream().reduce(Dataset::union).orElseThrow().coalesce(docPartitions).persist(StorageLevel.MEMORY_AND_DISK());
      if (allDrops != null) {
        cached.add(allDrops);
      }
      Dataset<Row> decisions = allDrops;
      if (paragraphKeys != null) {
        Dataset<Row> survivors = fingerprints.select("_row", "paragraphs");
        if (allDrops != null) {
          survivors = survivors.join(allDrops.select("_row"), "_row", "left_anti");
        }
        Dataset<Row> edits = BoilerplateParagraphs.edits(survivors, options.paragraphs().maxDocs())
            .select(col("_row"), lit(null).cast(DataTypes.StringType).as("new_reason"),
                lit(null).cast(DataTypes.StringType).as("new_detail"), col("remove_keys"));
        decisions = (allDrops == null ? edits
            : allDrops.withColumn("remove_keys", lit(null).cast(edits.schema().apply("remove_keys").dataType())).union(edits))
            .persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(decisions);
      }
      StageCounts counts = OutcomeWriter.write(spark, NAME, applyDecisions(docs, decisions, paragraphKeys), outputDir);
      if (!clusters.isEmpty()) {
        Dataset<Row> all = clusters.stream().reduce(Dataset::union).orElseThrow();
        all.orderBy("kind", "component_id").write().mode(SaveMode.Overwrite).parquet(outputDir + "/" + CLUSTERS_DIR);
      }
      if (edgesToWrite != null) {
        edgesToWrite.write().mode(SaveMode.Overwrite).parquet(outputDir + "/" + EDGES_DIR);
      }
      // Clusters by (kind, size), from the small table just written rather than recomputed.
      List<Row> histogram = clusters.isEmpty() ? List.of()
          : spark.read().parquet(outputDir + "/" + CLUSTERS_DIR).groupBy("kind", "size").count().orderBy("kind", "size").collectAsList();
      if (options.nearDuplicates()) {
        long components = histogram.stream().filter(r -> r.getString(0).equals("minhash")).mapToLong(r -> r.getLong(2)).sum();
        metrics = new DedupMetrics(metrics.candidateEdges(), metrics.verifiedEdges(), metrics.componentRounds(), components);
      }
      writeReportSection(spark, outputDir, counts, histogram);
      LOG.info("dedup: done in {} s", String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9));
      return counts;
    } finally {
      cached.forEach(Dataset::unpersist);
    }
  }

  /** Partitions for graph steps: one per {@link #EDGES_PER_PARTITION} candidate edges, at most the shuffle default. */
  static int graphPartitions(SparkSession spark, long candidateEdges) {
    return (int) Math.max(1, Math.min(shufflePartitions(spark), 1 + candidateEdges / EDGES_PER_PARTITION));
  }

  private static int shufflePartitions(SparkSession spark) {
    return Integer.parseInt(spark.conf().get("spark.sql.shuffle.partitions"));
  }

  /** The run report's section: duplicate rate, LSH and component figures, clusters by size. */
  private void writeReportSection(SparkSession spark, String outputDir, StageCounts counts, List<Row> histogram) {
    List<List<Object>> rows = new ArrayList<>();
    for (Row r : histogram) {
      rows.add(List.of(r.getString(0), r.getLong(1), r.getLong(2)));
    }
    new org.curate.jobs.report.StageSection("Deduplication")
        .metric("duplicate rate", counts.in() == 0 ? 0.0 : Math.round(1e4 * counts.droppedTotal() / (double) counts.in()) / 1e4)
        .metric("candidate edges", metrics.candidateEdges())
        .metric("verified edges", metrics.verifiedEdges())
        .metric("near-duplicate clusters", metrics.components())
        .metric("component rounds", metrics.componentRounds())
        .table("clusters by size", List.of("kind", "size", "clusters"), rows)
        .write(spark.sparkContext().hadoopConfiguration(), outputDir);
  }

  /** Captures sharing a URL key beyond the newest one (ties: smallest id, then input row). */
  private static Dataset<Row> urlDuplicates(Dataset<Row> live) {
    WindowSpec page = Window.partitionBy("url_key")
        .orderBy(col("warc_date").desc_nulls_last(), col("id").asc_nulls_last(), col("_row").asc());
    return live.filter(col("url_key").isNotNull()).select("_row", "id", "url_key", "warc_date")
        .withColumn("rank_in_page", row_number().over(page))
        .withColumn("keep_id", first("id").over(page))
        .filter(col("rank_in_page").gt(1))
        .select(col("_row"), lit("dedup:url").as("new_reason"), concat(lit("same URL as "), coalesce(col("keep_id"), lit("?"))).as("new_detail"));
  }

  /**
   * The documents with the decisions applied: drops ({@code new_reason}, {@code new_detail}) and,
   * with paragraph dedup, the paragraph keys to remove ({@code remove_keys}). The decisions are
   * few and narrow (a row number and two short strings per dropped document, a few keys per
   * edited one); up to {@link DedupOptions#broadcastDropsUpTo()} of them are broadcast, so the
   * documents are joined in place, without shuffling their texts; beyond that, an ordinary
   * shuffle join keeps the driver out of it. A document whose paragraphs are all removed is
   * dropped as {@code dedup:paragraph}; one that loses some keeps going with the change code
   * {@code dedup:paragraph}.
   */
  private Dataset<Row> applyDecisions(Dataset<Row> docs, Dataset<Row> decisions, ParagraphKeys paragraphKeys) {
    if (decisions == null) {
      return docs.drop("_row");
    }
    long n = decisions.count();
    Dataset<Row> joined = docs.join(n <= options.broadcastDropsUpTo() ? broadcast(decisions) : decisions, "_row", "left");
    Column dropped = col("new_reason").isNotNull();
    Column edited = lit(false);
    Column emptied = lit(false);
    if (paragraphKeys != null) {
      joined = joined.withColumn("_edited_text", when(col("remove_keys").isNotNull(),
          BoilerplateParagraphs.remover(paragraphKeys).apply(col("text"), col("remove_keys"))));
      emptied = col("remove_keys").isNotNull().and(col("_edited_text").isNull());
      edited = col("remove_keys").isNotNull().and(col("_edited_text").isNotNull());
    }
    String emptiedDetail = "every paragraph occurs in more than " + options.paragraphs().maxDocs() + " document(s)";
    List<Column> columns = new ArrayList<>();
    for (String name : DocumentSchema.OUTCOME.fieldNames()) {
      Column c = switch (name) {
        case "outcome" -> when(dropped.or(emptied), lit(DocumentSchema.DROPPED)).otherwise(col("outcome"));
        case "reason" -> when(dropped, col("new_reason")).when(emptied, lit(PARAGRAPH_REASON)).otherwise(col("reason"));
        case "detail" -> when(dropped, col("new_detail")).when(emptied, lit(emptiedDetail)).otherwise(col("detail"));
        case "text" -> paragraphKeys == null ? col("text") : when(edited, col("_edited_text")).otherwise(col("text"));
        case "changes" -> when(edited.and(col("changes").isNull()), array(lit(PARAGRAPH_REASON)))
            .when(edited, array_union(col("changes"), array(lit(PARAGRAPH_REASON)))).otherwise(col("changes"));
        default -> col(name);
      };
      columns.add(c.as(name));
    }
    return joined.select(columns.toArray(Column[]::new));
  }
}
