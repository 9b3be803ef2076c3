package org.curate.jobs.filter;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.shiftrightunsigned;

import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The score threshold that keeps the top {@code fraction} of a distributed column of scores
 * ({@link ScoresAtLink#SCHEMA}): keep iff {@code score >= threshold}.
 *
 * <p>Exact (relative error 0, the default): the threshold is the {@code k}-th largest score,
 * {@code k = ceil(fraction · n)}, found by a two-pass radix selection on the scores' float bits
 * (non-negative floats order like their bits): count the scores by their high 16 bits (at most
 * 16,257 groups for scores in [0, 1]), walk the counts from the top to the group holding the
 * k-th, then count that group by the low 16 bits. Two small aggregations of integer counts, so
 * the result is exact and does not depend on partitioning or task order; only ties at the
 * threshold keep more than k. Approximate (relative error ε > 0): Spark's {@code approxQuantile}
 * at {@code 1 - fraction}, whose rank is within ε·n of the exact one (one aggregation of
 * Greenwald-Khanna summaries, merged in an order Spark does not fix).
 */
final class ScoreThreshold {
  /** The threshold, how many scores it was chosen from and how many are at or above it. */
  record Result(double threshold, long scored, long kept, String method) {
    double keptFraction() {
      return scored == 0 ? Double.NaN : (double) kept / scored;
    }
  }

  private ScoreThreshold() {}

  static Result find(Dataset<Row> scores, double fraction, double relativeError) {
    long n = scores.count();
    if (n == 0) {
      return new Result(Double.NaN, 0, 0, method(relativeError));
    }
    double threshold = relativeError > 0
        ? scores.stat().approxQuantile("score", new double[] {1 - fraction}, relativeError)[0]
        : exact(scores, rankFromTop(fraction, n));
    long kept = scores.where(col("score").geq(lit(threshold))).count();
    return new Result(threshold, n, kept, method(relativeError));
  }

  private static String method(double relativeError) {
    return relativeError > 0 ? "approxQuantile(relative error " + relativeError + ")" : "exact";
  }

  /** {@code ceil(fraction · n)}, at least 1; the small slack keeps 0.1 · 1000 at 100, not 101. */
  static long rankFromTop(double fraction, long n) {
    return Math.max(1, Math.min(n, (long) Math.ceil(fraction * n - 1e-9)));
  }

  private static double exact(Dataset<Row> scores, long k) {
    Dataset<Row> withHigh = scores.withColumn("high", shiftrightunsigned(col("bits"), 16));
    long[] high = walkDown(withHigh.groupBy("high").count().collectAsList(), k);
    long[] low = walkDown(withHigh.where(col("high").equalTo(lit((int) high[0])))
        .groupBy(col("bits").bitwiseAND(lit(0xFFFF)).as("low")).count().collectAsList(), high[1]);
    return Float.intBitsToFloat((int) (high[0] << 16 | low[0]));
  }

  /** Over (key, count) rows by descending key: the key holding the k-th item and k's rank within it. */
  private static long[] walkDown(List<Row> counts, long k) {
    List<Row> sorted = counts.stream().sorted(Comparator.comparingLong((Row r) -> ((Number) r.get(0)).longValue())
        .reversed()).toList();
    long seen = 0;
    for (Row r : sorted) {
      long c = r.getLong(1);
      if (seen + c >= k) {
        return new long[] {((Number) r.get(0)).longValue(), k - seen};
      }
      seen += c;
    }
    throw new IllegalStateException("rank " + k + " beyond the " + seen + " scores counted");
  }
}
