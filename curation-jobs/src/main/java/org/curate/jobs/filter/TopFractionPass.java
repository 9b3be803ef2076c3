package org.curate.jobs.filter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.curate.filters.FilterChain;
import org.curate.filters.model.KeepRule;
import org.curate.filters.model.ModelFilter;
import org.curate.filters.model.ModelFilterFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scoring pre-pass of the filter stage, for chains with {@code top_fraction} model filters:
 * for each such link in chain order, scores the documents that reach it (with the thresholds of
 * earlier top-fraction links already set), finds the threshold ({@link ScoreThreshold}) and
 * writes it into the config the real pass runs with. Chains without such a link skip all of this.
 */
final class TopFractionPass {
  private static final Logger LOG = LoggerFactory.getLogger(TopFractionPass.class);

  /** One link's outcome, for the log and the stage's report section. */
  record Resolved(int link, String reason, double fraction, ScoreThreshold.Result result) {}

  private final List<Resolved> resolved = new ArrayList<>();
  private FilterConfig config;

  private TopFractionPass(FilterConfig config) {
    this.config = config;
  }

  /** The chain's top-fraction links (indices), in order; empty when no pre-pass is needed. */
  static List<Integer> links(FilterConfig config) {
    List<Integer> out = new ArrayList<>();
    List<FilterChain.Link> links = FilterChains.build(config).links();
    for (int i = 0; i < links.size(); i++) {
      if (links.get(i).step() instanceof ModelFilter m && m.rule() instanceof KeepRule.TopFraction) {
        out.add(i);
      }
    }
    return out;
  }

  /** Runs the pre-pass over {@code documents} (outcome rows; read once per link, so pass them cached). */
  static TopFractionPass run(Dataset<Row> documents, FilterConfig config) {
    TopFractionPass pass = new TopFractionPass(config);
    for (int link : links(config)) {
      ModelFilter filter = (ModelFilter) FilterChains.build(pass.config).links().get(link).step();
      KeepRule.TopFraction rule = (KeepRule.TopFraction) filter.rule();
      Dataset<Row> scores = documents.mapPartitions(new ScoresAtLink(pass.config, link),
          Encoders.row(ScoresAtLink.SCHEMA)).persist(StorageLevel.MEMORY_AND_DISK());
      ScoreThreshold.Result result;
      try {
        result = ScoreThreshold.find(scores, rule.fraction(), rule.relativeError());
      } finally {
        scores.unpersist();
      }
      LOG.info(String.format(Locale.ROOT, "filter %s (link %d): top_fraction %s -> threshold %s (%s) over %d scored "
              + "documents; %d at or above it = %.4f", filter.reason(), link + 1, rule.fraction(), result.threshold(),
          result.method(), result.scored(), result.kept(), result.keptFraction()));
      // No document reached the link: nothing to keep or drop, any threshold will do.
      double threshold = Double.isNaN(result.threshold()) ? Double.POSITIVE_INFINITY : result.threshold();
      pass.config = pass.config.withParam(link, ModelFilterFactory.TOP_FRACTION_THRESHOLD, threshold);
      pass.resolved.add(new Resolved(link, filter.reason(), rule.fraction(), result));
    }
    return pass;
  }

  /** The config with every top-fraction threshold set. */
  FilterConfig config() {
    return config;
  }

  List<Resolved> resolved() {
    return resolved;
  }

  /** Report rows: one per top-fraction link. */
  static List<String> columns() {
    return List.of("filter", "link", "top_fraction", "method", "threshold", "scored", "at_or_above", "kept_fraction");
  }

  List<List<Object>> rows() {
    List<List<Object>> rows = new ArrayList<>();
    for (Resolved r : resolved) {
      ScoreThreshold.Result t = r.result();
      rows.add(List.of(r.reason(), r.link() + 1, r.fraction(), t.method(),
          Double.isNaN(t.threshold()) ? "n/a" : t.threshold(), t.scored(), t.kept(),
          Double.isNaN(t.keptFraction()) ? "n/a" : t.keptFraction()));
    }
    return rows;
  }

  /** Metrics per link, named after the filter's reason (e.g. {@code quality_model:dclm threshold}). */
  Map<String, Object> metrics() {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Resolved r : resolved) {
      ScoreThreshold.Result t = r.result();
      if (t.scored() > 0) {
        out.put(r.reason() + " threshold", t.threshold());
        out.put(r.reason() + " kept fraction", t.keptFraction());
      }
    }
    return out;
  }
}
