package org.curate.filters.lang;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.curate.core.DocumentStep;
import org.curate.filters.FilterFactory;
import org.curate.filters.FilterParams;
import org.curate.filters.fasttext.FastTextModel;

/**
 * Filter {@code language}. Parameters: {@code model} (path of a fastText LID model, default
 * {@value #DEFAULT_MODEL}, fetched by {@code models/fetch-lid176.sh}; nothing is downloaded at run
 * time), {@code languages} (codes to keep, default all), {@code min_score} (default 0.65),
 * {@code max_chars} (characters looked at, default 2000). Loaded models are shared by path, because
 * jobs build one step per partition and the model itself is immutable.
 */
public final class LanguageFilterFactory implements FilterFactory {
  public static final String DEFAULT_MODEL = "models/lid.176.ftz";
  public static final double DEFAULT_MIN_SCORE = 0.65;
  public static final int DEFAULT_MAX_CHARS = 2000;
  private static final Map<Path, FastTextModel> MODELS = new ConcurrentHashMap<>();

  @Override
  public String name() {
    return LanguageFilter.NAME;
  }

  @Override
  public DocumentStep create(FilterParams params) {
    Path path = Path.of(params.getString("model", DEFAULT_MODEL)).toAbsolutePath().normalize();
    List<String> languages = params.getStringList("languages", List.of());
    double minScore = params.getDouble("min_score", DEFAULT_MIN_SCORE);
    int maxChars = params.getInt("max_chars", DEFAULT_MAX_CHARS);
    if (maxChars <= 0) {
      throw new IllegalArgumentException("filter 'language': max_chars must be positive, got " + maxChars);
    }
    LanguageIdentifier identifier = new LanguageIdentifier(model(path), maxChars);
    Set<String> unknown = new TreeSet<>(languages);
    unknown.removeAll(identifier.languages());
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("filter 'language': languages " + unknown + " are not labels of " + path
          + " (it knows " + identifier.languages().size() + " languages, e.g. en, de, zh)");
    }
    return new LanguageFilter(identifier, Set.copyOf(languages), minScore);
  }

  static FastTextModel model(Path path) {
    if (!Files.isRegularFile(path)) {
      throw new IllegalArgumentException("filter 'language': model file " + path + " not found; run "
          + "models/fetch-lid176.sh from the repository root to fetch lid.176.ftz, or set parameter 'model'");
    }
    return MODELS.computeIfAbsent(path, p -> {
      try {
        return FastTextModel.load(p);
      } catch (IOException e) {
        throw new UncheckedIOException("filter 'language': cannot load " + p + ": " + e.getMessage(), e);
      }
    });
  }
}
