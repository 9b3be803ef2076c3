package org.curate.jobs.decontam;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.curate.decontam.ProtectedIndex;
import org.curate.decontam.WindowFingerprints;
import org.curate.jobs.spark.DocumentSchema;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Pass 1 without broadcasting the index, for indexes above the broadcast limit: every kept
 * document's window fingerprints (at the lengths some protected n-gram has) are joined against
 * a Dataset of the protected fingerprints, each carrying its owners (benchmarks and first item),
 * and the hits are attached to their documents again by a left join on a row key. The result
 * has the same rows and {@link DecontamRows#SCANNED} columns as the broadcast scan, plus the
 * owners, so pass 2 needs no index. Costs a shuffle of every window of every document (about
 * one fingerprint per word per length), so it is the fallback, not the default.
 */
final class ProtectedJoin {
  private static final String ROW_KEY = "_decontam_row";
  private static final String FP = "fp";
  private static final int SLICE = 1 << 16;
  static final StructType WINDOW = new StructType()
      .add(ROW_KEY, DataTypes.LongType, false)
      .add(FP, DataTypes.LongType, false);
  static final StructType PROTECTED = new StructType()
      .add(FP, DataTypes.LongType, false)
      .add("owners", DataTypes.createArrayType(DataTypes.IntegerType, false), false)
      .add("item", DataTypes.IntegerType, false);

  private final List<Dataset<Row>> persisted = new ArrayList<>();

  /** Pass 1 over {@code documents} (rows of {@link DocumentSchema#OUTCOME}): rows of {@link DecontamRows#SCANNED}. */
  Dataset<Row> scan(SparkSession spark, Dataset<Row> documents, ProtectedIndex index) {
    // The row key must be the same on both uses of the documents, so they are read once and kept.
    Dataset<Row> keyed = documents.withColumn(ROW_KEY, monotonically_increasing_id()).persist(StorageLevel.MEMORY_AND_DISK());
    persisted.add(keyed);
    Dataset<Row> windows = keyed.filter(col("outcome").equalTo(DocumentSchema.KEPT).and(col("text").isNotNull()))
        .select(ROW_KEY, "text")
        .mapPartitions(new Windows(new WindowFingerprints(index.lengths())), Encoders.row(WINDOW));
    Dataset<Row> hits = windows.join(protectedFingerprints(spark, index), FP)
        .groupBy(ROW_KEY)
        .agg(sort_array(collect_list(struct(col(FP), col("owners"), col("item")))).as("h"));
    Dataset<Row> joined = keyed.join(hits, CollectionConverters.asScala(List.of(ROW_KEY)).toSeq(), "left_outer");
    List<Column> columns = new ArrayList<>();
    for (StructField f : DocumentSchema.OUTCOME.fields()) {
      columns.add(col(f.name()));
    }
    columns.add(expr("transform(h, x -> x." + FP + ")").as(DecontamRows.HITS));
    columns.add(expr("transform(h, x -> x.owners)").as(DecontamRows.HIT_OWNERS));
    columns.add(expr("transform(h, x -> x.item)").as(DecontamRows.HIT_ITEMS));
    return joined.select(columns.toArray(Column[]::new));
  }

  /** Releases what {@link #scan} kept in memory. */
  void unpersist() {
    persisted.forEach(Dataset::unpersist);
    persisted.clear();
  }

  /** The distinct protected fingerprints with their owners, shipped from the driver in slices. */
  static Dataset<Row> protectedFingerprints(SparkSession spark, ProtectedIndex index) {
    List<Slice> slices = new ArrayList<>();
    long[] keys = new long[SLICE];
    int[][] owners = new int[SLICE][];
    int[] items = new int[SLICE];
    int size = 0;
    for (int e = 0; e < index.entries(); e++) {
      long key = index.key(e);
      if (e > 0 && index.key(e - 1) == key) {
        continue;
      }
      keys[size] = key;
      owners[size] = index.benchmarksOf(key);
      items[size] = index.firstLocalItem(key);
      if (++size == SLICE) {
        slices.add(new Slice(keys.clone(), owners.clone(), items.clone()));
        size = 0;
      }
    }
    if (size > 0) {
      slices.add(new Slice(Arrays.copyOf(keys, size), Arrays.copyOf(owners, size), Arrays.copyOf(items, size)));
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    JavaRDD<Row> rows = jsc.parallelize(slices, Math.max(1, slices.size())).flatMap(new SliceRows());
    return spark.createDataFrame(rows, PROTECTED);
  }

  /** A run of distinct protected fingerprints, their owners and first items. */
  record Slice(long[] keys, int[][] owners, int[] items) implements Serializable {}

  private static final class SliceRows implements FlatMapFunction<Slice, Row> {
    private static final long serialVersionUID = 1L;

    @Override
    public Iterator<Row> call(Slice s) {
      List<Row> out = new ArrayList<>(s.keys().length);
      for (int i = 0; i < s.keys().length; i++) {
        List<Integer> owners = Arrays.stream(s.owners()[i]).boxed().toList();
        out.add(RowFactory.create(s.keys()[i], CollectionConverters.asScala(owners).toSeq(), s.items()[i]));
      }
      return out.iterator();
    }
  }

  /** (row key, text) → one (row key, fingerprint) row per distinct window of the document. */
  private static final class Windows implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final WindowFingerprints windows;

    Windows(WindowFingerprints windows) {
      this.windows = windows;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      return new Iterator<>() {
        private long key;
        private long[] fps = new long[0];
        private int next;

        @Override
        public boolean hasNext() {
          while (next == fps.length && rows.hasNext()) {
            Row r = rows.next();
            key = r.getLong(0);
            fps = windows.of(r.getString(1));
            next = 0;
          }
          return next < fps.length;
        }

        @Override
        public Row next() {
          if (!hasNext()) {
            throw new java.util.NoSuchElementException();
          }
          return RowFactory.create(key, fps[next++]);
        }
      };
    }
  }
}
