package org.curate.filters.safety;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * URL regular expressions (UT1 {@code expressions} / {@code very_restrictive_expression}, one
 * extended regex a line; a plain substring is a valid entry too, with {@code .} matching any
 * char). All lines are compiled into one alternation so a URL is scanned once, whatever the
 * number of lines; each line is first compiled alone so a bad line is reported with its file and
 * text. Matched with {@code find()} against the lower-cased URL without its scheme
 * ({@code www.example.com/a?b}), which is what squidGuard sees.
 *
 * <p>java.util.regex backtracks: a line with nested quantifiers can be slow on long URLs. The
 * UT1 lines are simple alternations and run in microseconds.
 */
public final class UrlExpressions {
  private final Pattern combined;
  private final List<Pattern> lines;

  private UrlExpressions(List<Pattern> lines) {
    this.lines = List.copyOf(lines);
    StringBuilder alternation = new StringBuilder();
    for (Pattern p : lines) {
      alternation.append(alternation.length() == 0 ? "" : "|").append("(?:").append(p.pattern()).append(')');
    }
    this.combined = lines.isEmpty() ? null : Pattern.compile(alternation.toString());
  }

  public static UrlExpressions load(List<Path> files) {
    List<Pattern> patterns = new ArrayList<>();
    for (Path file : files) {
      ListFiles.forEachEntry(file, line -> {
        try {
          patterns.add(Pattern.compile(line));
        } catch (PatternSyntaxException e) {
          throw new IllegalArgumentException("bad expression in " + file + ": '" + line + "': " + e.getDescription(), e);
        }
      });
    }
    return new UrlExpressions(patterns);
  }

  public int size() {
    return lines.size();
  }

  /** The first matching text, or {@code null}. */
  public String match(String url) {
    if (combined == null || url == null) {
      return null;
    }
    String s = url.strip().toLowerCase(Locale.ROOT);
    int scheme = s.indexOf("://");
    if (scheme > 0 && scheme < 16) {
      s = s.substring(scheme + 3);
    }
    Matcher m = combined.matcher(s);
    return m.find() ? m.group() : null;
  }
}
