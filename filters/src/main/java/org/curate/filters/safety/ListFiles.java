package org.curate.filters.safety;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Reads the entry lines of list files (one entry a line, UTF-8, optionally gzip-compressed when
 * the name ends in {@code .gz}). Blank lines and lines starting with {@code #} are skipped, as
 * datatrove's list loader and the UT1/squidGuard format do; entries are trimmed.
 *
 * <p>Lists are third-party data with their own licences: the filters read them by path from the
 * configuration and never bundle them.
 */
final class ListFiles {
  private ListFiles() {}

  /** Streams entries to {@code sink} without holding the file in memory (the UT1 list is 4.6M lines). */
  static void forEachEntry(Path path, Consumer<String> sink) {
    try (InputStream raw = Files.newInputStream(path);
        InputStream in = path.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
      String line;
      boolean first = true;
      while ((line = reader.readLine()) != null) {
        if (first && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
          line = line.substring(1);
        }
        first = false;
        String entry = line.strip();
        if (!entry.isEmpty() && entry.charAt(0) != '#') {
          sink.accept(entry);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read list " + path + ": " + e.getMessage(), e);
    }
  }

  static void forEachEntry(List<Path> paths, Consumer<String> sink) {
    paths.forEach(p -> forEachEntry(p, sink));
  }

  static List<String> entries(List<Path> paths) {
    List<String> out = new ArrayList<>();
    forEachEntry(paths, out::add);
    return out;
  }

  static List<Path> paths(List<String> names) {
    return names.stream().map(Path::of).toList();
  }
}
