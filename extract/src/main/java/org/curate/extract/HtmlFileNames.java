package org.curate.extract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Which files of a folder are HTML pages ({@code *.html}, {@code *.html.gz}) and what their text files are called. */
final class HtmlFileNames {
  private static final String HTML = ".html";
  private static final String HTML_GZ = ".html.gz";

  private HtmlFileNames() {}

  /** The HTML files under {@code dir}, recursively, as {@code /}-separated relative paths in sorted order. */
  static List<String> list(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile)
          .map(p -> dir.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/"))
          .filter(HtmlFileNames::isHtml)
          .sorted()
          .toList();
    }
  }

  static boolean isHtml(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(HTML) || lower.endsWith(HTML_GZ);
  }

  static boolean isGzip(String name) {
    return name.toLowerCase(Locale.ROOT).endsWith(HTML_GZ);
  }

  /** {@code a/b.html} and {@code a/b.html.gz} → {@code a/b.txt}. */
  static String outputName(String relative) {
    int suffix = isGzip(relative) ? HTML_GZ.length() : HTML.length();
    return relative.substring(0, relative.length() - suffix) + ".txt";
  }
}
