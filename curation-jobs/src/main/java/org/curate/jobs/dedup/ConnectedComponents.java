package org.curate.jobs.dedup;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;
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
 */
final class ConnectedComponents {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectedComponents.class);

  static final StructType EDGE = new StructType()
      .add("hi", DataTypes.LongType, false).add("lo", DataTypes.LongType, false);

  /** Result: (vertex, component) for every vertex on an edge, component = smallest vertex. */
  record Result(Dataset<Row> components, int iterations) {}

  private ConnectedComponents() {}

  /** {@code edges}: columns {@code src}, {@code dst} (longs, any orientation, self-loops ignored). */
  static Result of(Dataset<Row> edges, int maxIterations) {
    return of(edges, maxIterations, Integer.MAX_VALUE);
  }

  /** As {@link #of(Dataset, int)}, each round's edges kept in at most {@code partitions} partitions (a small graph needs few tasks). */
  static Result of(Dataset<Row> edges, int maxIterations, int partitions) {
    LongAccumulator changes = edges.sparkSession().sparkContext().longAccumulator("dedup connected-components changes");
    Dataset<Row> current = edges.filter(col("src").notEqual(col("dst")))
        .select(greatest(col("src"), col("dst")).as("hi"), least(col("src"), col("dst")).as("lo"));
    int round = 0;
    while (true) {
      if (++round > maxIterations) {
        throw new IllegalStateException("connected components did not converge in " + maxIterations + " rounds");
      }
      changes.reset();
      // One job per round: both operations, materialised (and cut from the lineage) at once.
      current = smallStar(largeStar(current, changes), changes).coalesce(partitions).localCheckpoint();
      LOG.debug("connected components: round {}, {} edges changed", round, changes.value());
      if (changes.value() == 0) {
        break;
      }
    }
    Dataset<Row> members = current.select(col("hi").as("vertex"), col("lo").as("component"));
    Dataset<Row> centres = current.select(col("lo").as("vertex"), col("lo").as("component")).distinct();
    return new Result(members.union(centres), round);
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

  static Dataset<Row> smallStar(Dataset<Row> edges, LongAccumulator changes) {
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
      return (Iterator<Row>) out.iterator();
    }, Encoders.row(EDGE));
  }
}
