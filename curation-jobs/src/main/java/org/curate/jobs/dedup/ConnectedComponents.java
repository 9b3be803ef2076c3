package org.curate.jobs.dedup;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.min;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
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
 *   of v and its smaller neighbours.</li>
 * </ul>
 * Why it ends, and ends right: each operation only replaces edges by edges between vertices that
 * were already connected, and keeps every vertex connected to its old neighbours through the
 * minimum, so components never change. Kiveris et al. prove the alternation reaches a fixed
 * point in O(log² n) rounds; the fixed point is a forest of stars each centred at its
 * component's minimum vertex. We test that state directly after each round (every vertex has
 * exactly one edge, to a vertex that has none of its own towards a smaller one), so the loop
 * stops exactly when the answer is read off: {@code component(v) = lo} for each edge, and the
 * centre is its own component. {@code maxIterations} guards against a bug, not a data case.
 *
 * <p>Because vertex numbers are assigned in survivor order, the minimum of a component (its id
 * here) is the document to keep.
 */
final class ConnectedComponents {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectedComponents.class);

  /** Result: (vertex, component) for every vertex on an edge, component = smallest vertex. */
  record Result(Dataset<Row> components, int iterations) {}

  private ConnectedComponents() {}

  /** {@code edges}: columns {@code src}, {@code dst} (longs, any orientation, self-loops ignored). */
  static Result of(Dataset<Row> edges, int maxIterations) {
    Dataset<Row> current = edges.filter(col("src").notEqual(col("dst")))
        .select(greatest(col("src"), col("dst")).as("hi"), least(col("src"), col("dst")).as("lo"))
        .distinct().localCheckpoint();
    int iteration = 0;
    while (!isStarForest(current)) {
      if (++iteration > maxIterations) {
        throw new IllegalStateException("connected components did not converge in " + maxIterations + " rounds");
      }
      Dataset<Row> next = smallStar(largeStar(current)).localCheckpoint();
      current = next;
      LOG.debug("connected components: round {}", iteration);
    }
    Dataset<Row> members = current.select(col("hi").as("vertex"), col("lo").as("component"));
    Dataset<Row> centres = current.select(col("lo").as("vertex"), col("lo").as("component")).distinct();
    return new Result(members.union(centres), iteration);
  }

  static Dataset<Row> largeStar(Dataset<Row> edges) {
    Dataset<Row> neighbourMin = edges.select(col("hi").as("v"), col("lo").as("n"))
        .union(edges.select(col("lo").as("v"), col("hi").as("n")))
        .groupBy("v").agg(min("n").as("n_min"))
        .select(col("v"), least(col("v"), col("n_min")).as("m"));
    // Each edge (hi, lo) is seen from its smaller end lo, whose larger neighbour hi goes to m(lo).
    return edges.join(neighbourMin, edges.col("lo").equalTo(neighbourMin.col("v")))
        .select(col("hi"), col("m").as("lo")).filter(col("hi").notEqual(col("lo"))).distinct();
  }

  static Dataset<Row> smallStar(Dataset<Row> edges) {
    // Edges grouped by their larger end v: m = min of v's smaller neighbours (always < v).
    Dataset<Row> withMin = edges.withColumn("m", min("lo").over(Window.partitionBy("hi")));
    Dataset<Row> self = withMin.select(col("hi"), col("m").as("lo"));
    Dataset<Row> others = withMin.filter(col("lo").notEqual(col("m"))).select(col("lo").as("hi"), col("m").as("lo"));
    return self.union(others).distinct();
  }

  /** Every vertex has one edge, towards a centre (a vertex that has no edge towards a smaller one). */
  static boolean isStarForest(Dataset<Row> edges) {
    Dataset<Row> notCentres = edges.select(col("hi").as("v")).distinct();
    long pointingToNonCentre = edges.join(notCentres, edges.col("lo").equalTo(notCentres.col("v"))).limit(1).count();
    if (pointingToNonCentre > 0) {
      return false;
    }
    return edges.groupBy("hi").count().filter(col("count").gt(1)).limit(1).count() == 0;
  }
}
