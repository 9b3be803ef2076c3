package org.curate.filters.safety;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.curate.core.DocumentStep;
import org.curate.filters.FilterFactory;
import org.curate.filters.FilterParams;

/**
 * {@code bad_words} parameters:
 * <ul>
 *   <li>{@code lists_dir}: a directory of lists named by language code, like the LDNOOBW
 *       repository ({@code en}, {@code de}, {@code zh}, {@code fr-CA-u-sd-caqc}); only files whose
 *       name is a language tag are read, so {@code README.md}, {@code LICENSE} and
 *       {@code en.c4-25e679f} are ignored;
 *   <li>{@code lists}: explicit {@code lang=path} items, which override the directory (e.g.
 *       {@code en=/data/ldnoobw/en.c4-25e679f} for the list C4/datatrove pin);
 *   <li>{@code default_lang} ({@code en}), {@code max_ratio} (0.045), {@code strict} (false);
 *   <li>{@code substring_langs} ({@code ja,th,zh}, as C4): languages matched without word boundaries.
 * </ul>
 */
public final class BadWordsFilterFactory implements FilterFactory {
  private static final Pattern LANGUAGE_FILE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]+)*");

  @Override
  public String name() {
    return BadWordsFilter.NAME;
  }

  @Override
  public DocumentStep create(FilterParams params) {
    String dir = params.getString("lists_dir", null);
    List<String> explicit = params.getStringList("lists", List.of());
    String defaultLang = params.getString("default_lang", "en");
    double maxRatio = params.getDouble("max_ratio", 0.045);
    boolean strict = params.getBoolean("strict", false);
    Set<String> substringLangs = new TreeSet<>(params.getStringList("substring_langs", List.of("ja", "th", "zh")));

    Map<String, Path> files = new TreeMap<>();
    if (dir != null) {
      files.putAll(languageFiles(Path.of(dir)));
    }
    for (String item : explicit) {
      int eq = item.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("filter 'bad_words': 'lists' items must be lang=path, got '" + item + "'");
      }
      files.put(item.substring(0, eq).strip(), Path.of(item.substring(eq + 1).strip()));
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException("filter 'bad_words': give lists_dir or lists");
    }
    Map<String, WordListMatcher> matchers = new TreeMap<>();
    files.forEach((lang, path) -> matchers.put(lang,
        new WordListMatcher(ListFiles.entries(List.of(path)), isSubstringLang(lang, substringLangs))));
    return new BadWordsFilter(matchers, defaultLang, maxRatio, strict);
  }

  static Map<String, Path> languageFiles(Path dir) {
    Map<String, Path> out = new TreeMap<>();
    try (Stream<Path> entries = Files.list(dir)) {
      entries.filter(Files::isRegularFile)
          .filter(p -> LANGUAGE_FILE.matcher(p.getFileName().toString()).matches())
          .forEach(p -> out.put(p.getFileName().toString(), p));
    } catch (IOException e) {
      throw new UncheckedIOException("filter 'bad_words': cannot list " + dir + ": " + e.getMessage(), e);
    }
    return out;
  }

  private static boolean isSubstringLang(String lang, Set<String> substringLangs) {
    int dash = lang.indexOf('-');
    return substringLangs.contains(lang) || (dash > 0 && substringLangs.contains(lang.substring(0, dash)));
  }
}
