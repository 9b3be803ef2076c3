package org.curate.decontam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Loads a folder of benchmarks. Each configured mapping is loaded first; then every sub-folder
 * and every supported file directly in the folder that no mapping covers becomes a benchmark of
 * its own, named after it, with the built-in mapping for that name (gsm8k, humaneval, mmlu, math,
 * bbh) or else the automatic one. Files: JSON Lines ({@code .jsonl}, {@code .ndjson}), JSON,
 * CSV with a header line, each optionally gzipped, and Parquet when a {@link ParquetReader} is
 * given (the Spark stage gives one; plain Java has none, since parquet-hadoop needs Hadoop).
 * Files are read in sorted path order, so the item order and every report are deterministic.
 */
public final class BenchmarkLoader {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Reads the rows of a Parquet file as JSON objects (supplied by the Spark stage). */
  @FunctionalInterface
  public interface ParquetReader {
    List<JsonNode> read(Path file) throws IOException;
  }

  private final ParquetReader parquet;

  public BenchmarkLoader() {
    this(null);
  }

  public BenchmarkLoader(ParquetReader parquet) {
    this.parquet = parquet;
  }

  /** The benchmarks of {@code dir}: configured mappings first, then the rest in name order. */
  public List<Benchmark> load(Path dir, List<BenchmarkMapping> mappings) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("benchmarks folder not found: " + dir);
    }
    List<Benchmark> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    Set<Path> covered = new HashSet<>();
    for (BenchmarkMapping m : mappings) {
      Benchmark b = load(dir, m);
      if (b.files().isEmpty()) {
        throw new IllegalArgumentException("benchmark '" + m.name() + "': no " + supported() + " file under "
            + dir.resolve(m.path()) + (m.include().isEmpty() ? "" : " matching " + m.include()));
      }
      addUnique(out, names, b);
      covered.add(dir.resolve(m.path()).normalize());
    }
    List<Path> entries;
    try (Stream<Path> s = Files.list(dir)) {
      entries = s.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    for (Path entry : entries) {
      String fileName = entry.getFileName().toString();
      if (fileName.startsWith(".") || fileName.startsWith("_") || covered.contains(entry.normalize())) {
        continue;
      }
      BenchmarkMapping m;
      if (Files.isDirectory(entry)) {
        BenchmarkMapping builtIn = BenchmarkMapping.builtIn(fileName);
        m = builtIn != null ? builtIn : BenchmarkMapping.auto(fileName, fileName);
      } else if (format(fileName) != null) {
        m = BenchmarkMapping.auto(baseName(fileName), fileName);
      } else {
        continue;
      }
      Benchmark b = load(dir, m);
      if (!b.files().isEmpty()) {
        addUnique(out, names, b);
      }
    }
    return out;
  }

  private static void addUnique(List<Benchmark> out, Set<String> names, Benchmark b) {
    if (!names.add(b.reasonName())) {
      throw new IllegalArgumentException("two benchmarks share the name '" + b.reasonName()
          + "' (rename one in the config: reason codes must tell them apart)");
    }
    out.add(b);
  }

  /** One benchmark by its mapping. */
  public Benchmark load(Path dir, BenchmarkMapping m) {
    Path root = dir.resolve(m.path()).normalize();
    List<Path> files = files(root, m.include());
    List<Pattern> strip = m.strip().stream().map(Pattern::compile).toList();
    List<BenchmarkItem> items = new ArrayList<>();
    List<String> relative = new ArrayList<>();
    for (Path file : files) {
      String rel = dir.relativize(file).toString().replace('\\', '/');
      relative.add(rel);
      List<JsonNode> records;
      try {
        records = records(file, m.records());
      } catch (IOException e) {
        throw new IllegalArgumentException("benchmark '" + m.name() + "': cannot read " + file + ": " + e.getMessage(), e);
      }
      int number = 0;
      for (JsonNode record : records) {
        number++;
        String id = m.idField() != null && record.hasNonNull(m.idField()) ? record.get(m.idField()).asText()
            : rel + ":" + number;
        items.add(new BenchmarkItem(id, segments(record, m.fields(), strip)));
      }
    }
    return new Benchmark(m.name(), BenchmarkMapping.reasonName(m.name()), relative, items);
  }

  static List<String> segments(JsonNode record, List<String> fields, List<Pattern> strip) {
    List<String> names = new ArrayList<>(fields);
    if (names.isEmpty()) {
      for (String usual : BenchmarkMapping.USUAL_FIELDS) {
        if (record.has(usual)) {
          names.add(usual);
        }
      }
      if (names.isEmpty()) {
        for (Iterator<Map.Entry<String, JsonNode>> it = record.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> f = it.next();
          if (f.getValue().isTextual()) {
            names.add(f.getKey());
          }
        }
      }
    }
    List<String> out = new ArrayList<>();
    for (String name : names) {
      JsonNode v = record.get(name);
      if (v == null || v.isNull()) {
        continue;
      }
      if (v.isArray()) {
        for (JsonNode e : v) {
          if (e.isValueNode() && !e.isNull()) {
            out.add(clean(e.asText(), strip));
          }
        }
      } else if (v.isValueNode()) {
        out.add(clean(v.asText(), strip));
      }
    }
    return out;
  }

  private static String clean(String s, List<Pattern> strip) {
    for (Pattern p : strip) {
      s = p.matcher(s).replaceAll(" ");
    }
    return s;
  }

  private static List<Path> files(Path root, List<String> include) {
    if (Files.isRegularFile(root)) {
      return format(root.getFileName().toString()) != null ? List.of(root) : List.of();
    }
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException("benchmark path not found: " + root);
    }
    List<PathMatcher> matchers = include.stream().map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> format(p.getFileName().toString()) != null)
          .filter(p -> matchers.isEmpty() || matchers.stream().anyMatch(mt -> mt.matches(root.relativize(p))))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
  }

  /** "jsonl", "json", "csv", "parquet", or null when the file is not a benchmark file. */
  static String format(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT);
    if (n.endsWith(".gz")) {
      n = n.substring(0, n.length() - 3);
    } else if (n.endsWith(".parquet")) {
      return "parquet";
    }
    if (n.endsWith(".jsonl") || n.endsWith(".ndjson")) {
      return "jsonl";
    }
    if (n.endsWith(".json")) {
      return "json";
    }
    if (n.endsWith(".csv")) {
      return "csv";
    }
    return null;
  }

  private static String supported() {
    return ".jsonl/.ndjson/.json/.csv(.gz)/.parquet";
  }

  private static String baseName(String fileName) {
    String n = fileName;
    if (n.toLowerCase(Locale.ROOT).endsWith(".gz")) {
      n = n.substring(0, n.length() - 3);
    }
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }

  private List<JsonNode> records(Path file, String pointer) throws IOException {
    String format = format(file.getFileName().toString());
    List<JsonNode> out = new ArrayList<>();
    switch (format) {
      case "parquet" -> {
        if (parquet == null) {
          throw new IOException("Parquet benchmark files are read by the Spark stage (curate decontaminate) only");
        }
        out.addAll(parquet.read(file));
      }
      case "jsonl" -> {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(open(file), StandardCharsets.UTF_8))) {
          String line;
          while ((line = r.readLine()) != null) {
            if (!line.isBlank()) {
              out.add(JSON.readTree(line));
            }
          }
        }
      }
      case "json" -> {
        JsonNode root;
        try (InputStream in = open(file)) {
          root = JSON.readTree(in);
        }
        JsonNode items = pointer.isEmpty() ? root : root.at(pointer);
        if (items.isMissingNode()) {
          throw new IOException("no '" + pointer + "' in " + file);
        }
        if (items.isArray()) {
          items.forEach(out::add);
        } else {
          out.add(items);
        }
      }
      case "csv" -> {
        String text;
        try (InputStream in = open(file)) {
          text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<List<String>> rows = Csv.parse(text);
        if (!rows.isEmpty()) {
          List<String> header = rows.get(0);
          for (List<String> row : rows.subList(1, rows.size())) {
            ObjectNode o = JSON.createObjectNode();
            for (int i = 0; i < header.size() && i < row.size(); i++) {
              o.put(header.get(i), row.get(i));
            }
            out.add(o);
          }
        }
      }
      default -> throw new IOException("unsupported benchmark file " + file);
    }
    return out;
  }

  private static InputStream open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
  }
}
