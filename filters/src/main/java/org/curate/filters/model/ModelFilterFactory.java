package org.curate.filters.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.curate.core.DocumentStep;
import org.curate.filters.FilterFactory;
import org.curate.filters.FilterParams;
import org.curate.filters.fasttext.FastTextModel;

/**
 * The model filters {@code quality_model} and {@code toxicity_model}: one class, two registered
 * names, which differ only in the reason family and the default keep rule. Parameters:
 * <ul>
 *   <li>{@code model} (required): a fastText {@code .bin}/{@code .ftz} supervised model;
 *   <li>{@code label} (required): the positive label, with or without {@code __label__};
 *   <li>{@code name}: the model's short name in reasons and tags (default: the file name without
 *       extension, lowercased, other characters as {@code _});
 *   <li>keep rule, at most one of: {@code min_score} (keep if score ≥ it; quality's default 0.5),
 *       {@code max_score} (keep if score ≤ it; toxicity's default 0.5), {@code pareto_alpha}
 *       (GPT-3's Pareto sampling, with {@code seed}, default 0), {@code top_fraction} (keep the top
 *       fraction of the stage's input by score, with {@code quantile_error}, default 0 = exact; the
 *       filter stage computes the threshold in a pre-pass and passes it as {@code top_fraction_threshold}).
 * </ul>
 * Each executor loads a model once, shared by path (and size and mtime) between the partitions'
 * chains (the model is immutable; predictors are per chain). Paths are local files, as for {@code language}.
 */
public abstract class ModelFilterFactory implements FilterFactory {
  /** Loaded models by path, size and modification time, so a model retrained in place is reloaded. */
  private static final Map<String, FastTextModel> MODELS = new ConcurrentHashMap<>();
  private static final Pattern NAME = Pattern.compile("[a-z0-9_]+");

  /** {@code quality_model}: keeps documents scoring at least {@code min_score} (0.5) by default. */
  public static final class Quality extends ModelFilterFactory {
    @Override
    public String name() {
      return "quality_model";
    }

    @Override
    KeepRule defaultRule() {
      return new KeepRule.AtLeast(0.5);
    }
  }

  /** {@code toxicity_model}: drops documents scoring above {@code max_score} (0.5) by default. */
  public static final class Toxicity extends ModelFilterFactory {
    @Override
    public String name() {
      return "toxicity_model";
    }

    @Override
    KeepRule defaultRule() {
      return new KeepRule.AtMost(0.5);
    }
  }

  /** The parameter through which the filter stage hands the computed top-fraction threshold to the executors. */
  public static final String TOP_FRACTION_THRESHOLD = "top_fraction_threshold";

  abstract KeepRule defaultRule();

  @Override
  public DocumentStep create(FilterParams params) {
    String family = name();
    String modelPath = params.getString("model", null);
    String label = params.getString("label", null);
    if (modelPath == null || label == null) {
      throw new IllegalArgumentException("filter '" + family + "': parameters 'model' and 'label' are required");
    }
    Path path = Path.of(modelPath).toAbsolutePath().normalize();
    String name = params.getString("name", defaultName(path));
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("filter '" + family + "': name must match [a-z0-9_]+, got '" + name + "'");
    }
    int rules = (params.has("min_score") ? 1 : 0) + (params.has("max_score") ? 1 : 0)
        + (params.has("pareto_alpha") ? 1 : 0) + (params.has("top_fraction") ? 1 : 0);
    if (rules > 1) {
      throw new IllegalArgumentException("filter '" + family
          + "': give at most one of min_score, max_score, pareto_alpha, top_fraction");
    }
    KeepRule rule = defaultRule();
    double min = params.getDouble("min_score", Double.NaN);
    double max = params.getDouble("max_score", Double.NaN);
    double alpha = params.getDouble("pareto_alpha", Double.NaN);
    long seed = params.getInt("seed", 0);
    double top = params.getDouble("top_fraction", Double.NaN);
    double quantileError = params.getDouble("quantile_error", 0);
    double threshold = params.getDouble(TOP_FRACTION_THRESHOLD, Double.NaN);
    if ((params.has("quantile_error") || params.has(TOP_FRACTION_THRESHOLD)) && Double.isNaN(top)) {
      throw new IllegalArgumentException("filter '" + family + "': quantile_error and " + TOP_FRACTION_THRESHOLD
          + " go with top_fraction");
    }
    if (!Double.isNaN(top)) {
      try {
        rule = new KeepRule.TopFraction(top, quantileError, threshold);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("filter '" + family + "': " + e.getMessage(), e);
      }
    } else if (!Double.isNaN(min)) {
      rule = new KeepRule.AtLeast(min);
    } else if (!Double.isNaN(max)) {
      rule = new KeepRule.AtMost(max);
    } else if (!Double.isNaN(alpha)) {
      rule = new KeepRule.Pareto(alpha, seed);
    }
    return new ModelFilter(family, name, model(family, path), label, rule);
  }

  static String defaultName(Path path) {
    String file = path.getFileName().toString();
    int dot = file.indexOf('.');
    String stem = (dot > 0 ? file.substring(0, dot) : file).toLowerCase(Locale.ROOT);
    return stem.replaceAll("[^a-z0-9_]", "_");
  }

  private static FastTextModel model(String family, Path path) {
    if (!Files.isRegularFile(path)) {
      throw new IllegalArgumentException("filter '" + family + "': model file " + path + " not found");
    }
    String key;
    try {
      key = path + "\n" + Files.size(path) + "\n" + Files.getLastModifiedTime(path).toMillis();
    } catch (IOException e) {
      throw new UncheckedIOException("filter '" + family + "': cannot read " + path + ": " + e.getMessage(), e);
    }
    return MODELS.computeIfAbsent(key, k -> {
      try {
        return FastTextModel.load(path);
      } catch (IOException e) {
        throw new UncheckedIOException("filter '" + family + "': cannot load " + path + ": " + e.getMessage(), e);
      }
    });
  }
}
