package org.curate.jobs.dedup;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;
import org.curate.dedup.EdgeListComponents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connected components of an undirected graph given as long edges, computed on the executors
 * with the alternating large-star / small-star algorithm of Kiveris et al., "Connected
 * Components in MapReduce and Beyond" (SoCC 2014). The graph is never collected to the driver.
 *
 * <p>Edges are kept canonical as {@code (hi, lo)} with {@code hi > lo}.
 * <ul>
 *   <li><b>Large-star</b>: every vertex v links each larger neighbour to the minimum m(v) of its
 *   closed neighbourhood.</li>
 *   <li><b>Small-star</b>: every vertex v links itself and each smaller neighbour to the minimum
 *   of v's smaller neighbours.</li>
 * </ul>
 * Each operation is one shuffle (group the edges by a vertex, emit new edges from the group) and
 * counts the edges it changes. Both only replace edges by edges between vertices already
 * connected, and keep every vertex connected to its old neighbours through the minimum, so
 * components never change. Kiveris et al. prove the alternation reaches a fixed point in
 * O(log² n) rounds. At a round where neither changes an edge: small-star changed nothing, so
 * every vertex has at most one smaller neighbour; large-star changed nothing, so a vertex with a
 * smaller neighbour has no larger one. Hence every edge joins a leaf to a "centre" with no
 * smaller neighbour, two centres are never adjacent, and each component is a star around its
 * minimum: {@code component(v) = lo} for each edge, and the centre is its own component.
 *
 * <p>Change counts travel in an accumulator: a retried or recomputed task can only add to it,
 * which costs one more round, never a wrong answer. {@code maxIterations} guards against a bug,
 * not a data case.
 *
 * <p>Rounds are worth their cost (two shuffles and a job each) only while the graph is big. As
 * Kiveris et al. suggest, once it has at most {@code singleTaskUpTo} edges it is finished in
 * one executor task: the edges are shuffled into one partition and labelled there by union-find
 * ({@link EdgeListComponents}), which gives the same labels (each component's smallest vertex).
 * The graph still never reaches the driver. The edge count after a round is an accumulator too
 * (an over-count from a retried task only delays the switch by a round).
 */
final class ConnectedComponents {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectedComponents.class);

  static final StructType EDGE = new StructType()
      .add("hi", DataTypes.LongType, false).add("lo", DataTypes.LongType, false);
  private static final StructType LABEL = new StructType()
      .add("vertex", DataTypes.LongType, false).add("component", DataTypes.LongType, false);

  /** Result: (vertex, component) for every vertex on an edge, component = smallest vertex. */
  record Result(Dataset<Row> components, int iterations) {}

  private ConnectedComponents() {}

  /** {@code edges}: columns {@code src}, {@code dst} (longs, any orientation, self-loops ignored); distributed rounds only. */
  static Result of(Dataset<Row> edges, int maxIterations) {
    return of(edges, maxIterations, Integer.MAX_VALUE, Long.MAX_VALUE, -1);
  }

  /**
   * As {@link #of(Dataset, int)}, each round's edges kept in at most {@code partitions} partitions
   * (a small graph needs few tasks), finished in one task once at most {@code singleTaskUpTo}
   * edges remain ({@code -1}: never). {@code edgeCount}: the input's edge count if known (else
   * {@link Long#MAX_VALUE}), so that a small graph goes to the single task without any round.
   */
  static Result of(Dataset<Row> edges, int maxIterations, int partitions, long edgeCount, long singleTaskUpTo) {
    LongAccumulator changes = edges.sparkSession().sparkContext().longAccumulator("dedup connected-components changes");
    LongAccumulator remaining = edges.sparkSession().sparkContext().longAccumulator("dedup connected-components edges");
    Dataset<Row> current = edges.filter(col("src").notEqual(col("dst")))
        .select(greatest(col("src"), col("dst")).as("hi"), least(col("src"), col("dst")).as("lo"));
    long size = edgeCount;
    int round = 0;
    while (size > singleTaskUpTo) {
      if (round + 1 > maxIterations) {
        throw new IllegalStateException("connected components did not converge in " + maxIterations + " rounds");
      }
      round++;
      changes.reset();
      remaining.reset();
      // One job per round: both operations, materialised (and cut from the lineage) at once.
      current = smallStar(largeStar(current, changes), changes, remaining).coalesce(partitions).localCheckpoint();
      size = remaining.value();
      LOG.debug("connected components: round {}, {} edges changed, {} edges", round, changes.value(), size);
      if (changes.value() == 0) {
        Dataset<Row> members = current.select(col("hi").as("vertex"), col("lo").as("component"));
        Dataset<Row> centres = current.select(col("lo").as("vertex"), col("lo").as("component")).distinct();
        return new Result(members.union(centres), round);
      }
    }
    return new Result(inOneTask(current), round);
  }

  /** The (hi, lo) edges shuffled into one partition and labelled there by union-find. */
  static Dataset<Row> inOneTask(Dataset<Row> edges) {
    return edges.repartition(1).mapPartitions((MapPartitionsFunction<Row, Row>) rows -> {
      EdgeListComponents graph = new EdgeListComponents();
      while (rows.hasNext()) {
        Row r = rows.next();
        graph.add(r.getLong(0), r.getLong(1));
      }
      EdgeListComponents.Labels labels = graph.components();
      return IntStream.range(0, labels.vertices().length)
          .mapToObj(i -> RowFactory.create(labels.vertices()[i], labels.component()[i])).iterator();
    }, Encoders.row(LABEL));
  }

  static Dataset<Row> largeStar(Dataset<Row> edges, LongAccumulator changes) {
    Dataset<Row> adjacency = edges.select(col("hi").as("v"), col("lo").as("n"))
        .union(edges.select(col("lo").as("v"), col("hi").as("n")))
        .groupBy("v").agg(collect_set("n").as("ns"));
    return adjacency.flatMap((FlatMapFunction<Row, Row>) r -> {
      long v = r.getLong(0);
      List<Long> ns = r.getList(1);
      long m = v;
      for (long n : ns) {
        m = Math.min(m, n);
      }
      List<Row> out = new ArrayList<>();
      for (long n : ns) {
        if (n > v) {
          out.add(RowFactory.create(n, m));
        }
      }
      if (m != v) {
        changes.add(out.size());
      }
      return out.iterator();
    }, Encoders.row(EDGE));
  }

  /** Small-star; {@code emitted} counts its output edges (an upper bound on the distinct ones). */
  static Dataset<Row> smallStar(Dataset<Row> edges, LongAccumulator changes, LongAccumulator emitted) {
    return edges.groupBy("hi").agg(collect_set("lo").as("ls")).flatMap((FlatMapFunction<Row, Row>) r -> {
      long hi = r.getLong(0);
      List<Long> ls = r.getList(1);
      long m = Long.MAX_VALUE;
      for (long l : ls) {
        m = Math.min(m, l);
      }
      List<Row> out = new ArrayList<>(ls.size());
      out.add(RowFactory.create(hi, m));
      for (long l : ls) {
        if (l != m) {
          out.add(RowFactory.create(l, m));
        }
      }
      changes.add(ls.size() - 1L);
      emitted.add(out.size());
      return (Iterator<Row>) out.iterator();
    }, Encoders.row(EDGE));
  }
}
