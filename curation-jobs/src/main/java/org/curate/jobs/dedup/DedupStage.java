package org.curate.jobs.dedup;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
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
 * ({@code dedup:minhash}), cheapest first so each step shrinks the next one's input.
 *
 * <p>Texts are read twice and shuffled once: a first pass turns each kept document into a narrow
 * fingerprint row (ids, keys, band keys, packed shingles); every decision is taken on those rows;
 * the decisions (row, reason, detail) are then joined back onto the documents and written by
 * {@link OutcomeWriter}. Rows are identified by {@code monotonically_increasing_id} over the
 * input scan, which is the same on both reads since a file scan's partitioning is deterministic.
 *
 * <p>Beside the kept documents and {@code _rejects/}, the stage writes {@code _clusters/}
 * (Parquet: kind {@code exact|minhash}, component_id, survivor, members, size) for audit, and
 * with {@link DedupOptions#writeEdges()} the verified edges under {@code _edges/}.
 */
public final class DedupStage implements Stage {
  public static final String NAME = "dedup";
  public static final String CLUSTERS_DIR = "_clusters";
  public static final String EDGES_DIR = "_edges";
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

  /** Figures of the last {@link #run}: candidates, verified edges, component rounds. */
  public DedupMetrics metrics() {
    return metrics;
  }

  @Override
  public StageCounts run(SparkSession spark, List<String> inputs, String outputDir) {
    Dataset<Row> docs = DocumentSources.read(spark, NAME, inputs, ExtractOptions.defaults())
        .withColumn("_row", monotonically_increasing_id());
    Dataset<Row> fingerprints = docs.filter(col("outcome").equalTo(DocumentSchema.KEPT))
        .select("_row", "id", "url", "warc_date", "text")
        .mapPartitions(new FingerprintRows(options.minHash()), Encoders.row(FingerprintRows.SCHEMA))
        .persist(StorageLevel.MEMORY_AND_DISK());
    List<Dataset<Row>> drops = new ArrayList<>();
    List<Dataset<Row>> clusters = new ArrayList<>();
    List<Dataset<?>> cached = new ArrayList<>(List.of(fingerprints));
    Dataset<Row> edgesToWrite = null;
    try {
      Dataset<Row> remaining = fingerprints;
      if (options.url()) {
        Dataset<Row> urlDrops = urlDuplicates(fingerprints);
        drops.add(urlDrops);
        remaining = remaining.join(urlDrops.select("_row"), "_row", "left_anti");
      }
      Dataset<Row> numbered = VertexNumbering.number(spark, remaining, options.survivor())
          .persist(StorageLevel.MEMORY_AND_DISK());
      cached.add(numbered);
      Dataset<Row> live = numbered;
      if (options.exact()) {
        Dataset<Row> grouped = exactGroups(numbered);
        Dataset<Row> exactDrops = grouped.filter(col("vid").notEqual(col("keep_vid")))
            .select(col("_row"), lit("dedup:exact").as("new_reason"), concat(lit("duplicate of "), col("keep_id")).as("new_detail"));
        drops.add(exactDrops);
        clusters.add(clusterRows(grouped, "exact", "keep_vid", "keep_id"));
        live = numbered.join(exactDrops.select("_row"), "_row", "left_anti");
      }
      if (options.nearDuplicates()) {
        Dataset<Row> vertices = live.filter(size(col("band_keys")).gt(0)).select("vid", "_row", "id", "band_keys", "shingles");
        Dataset<Row> candidates = CandidateEdges.of(vertices).persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(candidates);
        long candidateCount = candidates.count();
        Dataset<Row> edges = options.verify()
            ? EdgeVerification.verified(candidates, vertices.select("vid", "shingles"), options.threshold())
            : candidates.withColumn("jaccard", lit(null).cast(DataTypes.DoubleType));
        edges = edges.persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(edges);
        long edgeCount = edges.count();
        ConnectedComponents.Result cc = ConnectedComponents.of(edges.select("src", "dst"), options.maxIterations());
        Dataset<Row> ids = vertices.select("vid", "_row", "id");
        Dataset<Row> roots = ids.select(col("vid").as("root_vid"), col("id").as("root_id"));
        Dataset<Row> members = cc.components().join(ids, col("vertex").equalTo(col("vid")))
            .join(roots, col("component").equalTo(col("root_vid")))
            .persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(members);
        drops.add(members.filter(col("vertex").notEqual(col("component")))
            .select(col("_row"), lit("dedup:minhash").as("new_reason"), concat(lit("near-duplicate of "), col("root_id")).as("new_detail")));
        clusters.add(clusterRows(members, "minhash", "component", "root_id"));
        if (options.writeEdges()) {
          Dataset<Row> a = ids.select(col("vid").as("a"), col("id").as("id_a"));
          Dataset<Row> b = ids.select(col("vid").as("b"), col("id").as("id_b"));
          edgesToWrite = edges.join(a, col("src").equalTo(col("a"))).join(b, col("dst").equalTo(col("b")))
              .select("id_a", "id_b", "jaccard");
        }
        metrics = new DedupMetrics(candidateCount, edgeCount, cc.iterations(), 0);
        LOG.info("dedup: {} candidate edges, {} verified, components in {} rounds", candidateCount, edgeCount, cc.iterations());
      }
      StageCounts counts = OutcomeWriter.write(spark, NAME, applyDrops(docs, drops), outputDir);
      if (!clusters.isEmpty()) {
        Dataset<Row> all = clusters.stream().reduce(Dataset::union).orElseThrow();
        all.orderBy("kind", "component_id").write().mode(SaveMode.Overwrite).parquet(outputDir + "/" + CLUSTERS_DIR);
        long components = spark.read().parquet(outputDir + "/" + CLUSTERS_DIR).filter(col("kind").equalTo("minhash")).count();
        metrics = new DedupMetrics(metrics.candidateEdges(), metrics.verifiedEdges(), metrics.componentRounds(), components);
      }
      if (edgesToWrite != null) {
        edgesToWrite.write().mode(SaveMode.Overwrite).parquet(outputDir + "/" + EDGES_DIR);
      }
      return counts;
    } finally {
      cached.forEach(Dataset::unpersist);
    }
  }

  /** Captures sharing a URL key beyond the newest one (ties: smallest id). */
  private static Dataset<Row> urlDuplicates(Dataset<Row> fingerprints) {
    WindowSpec page = Window.partitionBy("url_key")
        .orderBy(col("warc_date").desc_nulls_last(), col("id").asc_nulls_last(), col("_row").asc());
    return fingerprints.filter(col("url_key").isNotNull())
        .withColumn("rank", row_number().over(page))
        .withColumn("keep_id", first("id").over(page))
        .filter(col("rank").gt(1))
        .select(col("_row"), lit("dedup:url").as("new_reason"), concat(lit("same URL as "), coalesce(col("keep_id"), lit("?"))).as("new_detail"));
  }

  /** Non-empty documents with their exact group's survivor (smallest vertex number). */
  private static Dataset<Row> exactGroups(Dataset<Row> numbered) {
    WindowSpec group = Window.partitionBy("exact_hi", "exact_lo").orderBy("vid");
    return numbered.filter(col("exact_hi").isNotNull())
        .withColumn("keep_vid", first("vid").over(group))
        .withColumn("keep_id", first("id").over(group));
  }

  /** One audit row per group of two or more: kind, component_id, survivor, members (sorted ids), size. */
  private static Dataset<Row> clusterRows(Dataset<Row> rows, String kind, String groupColumn, String survivorColumn) {
    return rows.groupBy(col(groupColumn).as("component_id"))
        .agg(first(survivorColumn).as("survivor"), array_sort(collect_list("id")).as("members"), count(lit(1)).as("size"))
        .filter(col("size").gt(1))
        .select(lit(kind).as("kind"), col("component_id"), col("survivor"), col("members"), col("size"));
  }

  private static Dataset<Row> applyDrops(Dataset<Row> docs, List<Dataset<Row>> drops) {
    if (drops.isEmpty()) {
      return docs.drop("_row");
    }
    Dataset<Row> all = drops.stream().reduce(Dataset::union).orElseThrow();
    Dataset<Row> joined = docs.join(all, "_row", "left");
    List<Column> columns = new ArrayList<>();
    for (String name : DocumentSchema.OUTCOME.fieldNames()) {
      Column c = switch (name) {
        case "outcome" -> when(col("new_reason").isNotNull(), lit(DocumentSchema.DROPPED)).otherwise(col("outcome"));
        case "reason" -> coalesce(col("new_reason"), col("reason"));
        case "detail" -> when(col("new_reason").isNotNull(), col("new_detail")).otherwise(col("detail"));
        default -> col(name);
      };
      columns.add(c.as(name));
    }
    return joined.select(columns.toArray(Column[]::new));
  }
}
