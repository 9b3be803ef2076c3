package org.curate.jobs.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.Serializable;
import java.util.List;

/**
 * A histogram of one measure over one stage's documents: {@code counts[i]} values fell in
 * {@code [edges[i], edges[i+1])} (the last bin is closed). Binning is decided from the measure's
 * min and max (computed with Spark first), so it is the same for the same data.
 */
@JsonPropertyOrder({"stage", "metric", "scale", "count", "non_finite", "min", "max", "edges", "counts"})
public record Histogram(String stage, String metric, String scale, long count,
    @com.fasterxml.jackson.annotation.JsonProperty("non_finite") long nonFinite,
    double min, double max, List<Double> edges, List<Long> counts) {

  public static final int DEFAULT_BINS = 20;

  /**
   * How values map to bins. {@code log}: bins are equal in {@code log10(1 + v)} (for lengths,
   * v ≥ 0); otherwise equal in v. {@code unit}: integral measures whose range fits in
   * {@code maxBins} get one bin per integer, {@code [k, k+1)}.
   */
  public record Binning(double lo, double width, int bins, boolean log, boolean unit) implements Serializable {

    /** The binning for values in [min, max]; {@code integral} says every value is a whole number. */
    public static Binning of(double min, double max, boolean integral, int maxBins, boolean log) {
      if (maxBins < 1) {
        throw new IllegalArgumentException("maxBins must be >= 1: " + maxBins);
      }
      if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
        throw new IllegalArgumentException("bad range [" + min + ", " + max + "]");
      }
      if (log) {
        if (min < 0) {
          throw new IllegalArgumentException("log binning needs values >= 0, min = " + min);
        }
        double lo = Math.log10(1 + min);
        double hi = Math.log10(1 + max);
        return new Binning(lo, hi == lo ? 0 : (hi - lo) / maxBins, hi == lo ? 1 : maxBins, true, false);
      }
      if (min == max) {
        return new Binning(min, 0, 1, false, false);
      }
      if (integral && max - min + 1 <= maxBins) {
        return new Binning(min, 1, (int) (max - min) + 1, false, true);
      }
      return new Binning(min, (max - min) / maxBins, maxBins, false, false);
    }

    /** The bin of {@code v}; values outside the range go to the first or last bin. */
    public int index(double v) {
      if (width == 0) {
        return 0;
      }
      double x = log ? Math.log10(1 + Math.max(0, v)) : v;
      double i = Math.floor((x - lo) / width);
      return i < 0 ? 0 : i >= bins ? bins - 1 : (int) i;
    }

    /** Edge {@code i} (0..bins) in the measure's own units. */
    public double edge(int i, double max) {
      if (width == 0) {
        return i == 0 ? (log ? Math.pow(10, lo) - 1 : lo) : max;
      }
      double x = lo + i * width;
      return log ? Math.pow(10, x) - 1 : x;
    }
  }

  /** Builds the histogram record from per-bin counts (bins without values may be absent from {@code byBin}). */
  public static Histogram of(String stage, String metric, Binning binning, double min, double max,
      java.util.Map<Integer, Long> byBin, long nonFinite) {
    int bins = binning.bins();
    Double[] edges = new Double[bins + 1];
    for (int i = 0; i <= bins; i++) {
      edges[i] = round(binning.edge(i, max));
    }
    edges[0] = min;
    // One bin per integer: the last bin is [max, max + 1); otherwise the last edge is the max itself.
    edges[bins] = binning.unit() ? max + 1 : max;
    Long[] counts = new Long[binning.bins()];
    long total = 0;
    for (int i = 0; i < counts.length; i++) {
      counts[i] = byBin.getOrDefault(i, 0L);
      total += counts[i];
    }
    return new Histogram(stage, metric, binning.log() ? "log10(1+x)" : binning.unit() ? "integer" : "linear", total, nonFinite, min, max,
        List.of(edges), List.of(counts));
  }

  /** Rounds to 6 significant digits, so edges print the same on every JVM and read well. */
  static double round(double v) {
    if (v == 0 || !Double.isFinite(v)) {
      return v;
    }
    return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).doubleValue();
  }
}
