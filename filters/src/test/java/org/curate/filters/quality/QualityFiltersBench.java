package org.curate.filters.quality;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.curate.core.Document;
import org.curate.core.DocumentStep;
import org.curate.filters.FilterChain;
import org.curate.filters.FilterRegistry;

/**
 * Throughput of each quality filter and of the chain, single-threaded, on ~2 KB documents: the
 * article texts of the extraction benchmark (read in place from {@code shared/data}, never copied),
 * cut at line ends into ~2 KB pieces; synthetic text if that data is absent. Not a test: run with
 * {@code java -cp <test classpath> org.curate.filters.quality.QualityFiltersBench [dataDir]}.
 */
public final class QualityFiltersBench {
  private static final List<String> ORDER = List.of("gopher_repetition", "gopher_quality", "c4", "fineweb_quality", "refinedweb_lines");

  public static void main(String[] args) throws IOException {
    Path data = Path.of(args.length > 0 ? args[0] : System.getProperty("curate.shared.data", "../shared/data"));
    List<Document> docs = load(data.resolve("extraction-dev/aeb/truth"));
    long chars = docs.stream().mapToLong(d -> d.text().length()).sum();
    System.out.printf("%d documents, mean %d chars%n", docs.size(), chars / docs.size());
    FilterRegistry registry = new FilterRegistry();
    List<FilterChain.Link> links = new ArrayList<>();
    for (String name : ORDER) {
      DocumentStep step = registry.create(name, Map.of());
      links.add(new FilterChain.Link(name, step, false));
      run(name, step, docs);
    }
    run("chain (first drop wins)", new FilterChain(links), docs);
    run("chain (tag-only: every filter sees every doc)",
        new FilterChain(links.stream().map(l -> new FilterChain.Link(l.name(), l.step(), true)).toList()), docs);
  }

  private static void run(String name, DocumentStep step, List<Document> docs) {
    for (int warm = 0; warm < 3; warm++) {
      docs.forEach(step::apply);
    }
    int rounds = 5;
    long kept = 0;
    long start = System.nanoTime();
    for (int r = 0; r < rounds; r++) {
      for (Document d : docs) {
        kept += step.apply(d).isKept() ? 1 : 0;
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("%-48s %9.0f docs/s  kept %.1f%%%n", name, rounds * docs.size() / seconds, 100.0 * kept / (rounds * docs.size()));
  }

  private static List<Document> load(Path truth) throws IOException {
    List<String> texts = new ArrayList<>();
    if (Files.isDirectory(truth)) {
      try (Stream<Path> files = Files.list(truth)) {
        for (Path f : files.sorted().toList()) {
          String body = jsonString(Files.readString(f), "articleBody");
          if (body != null) {
            texts.add(body);
          }
        }
      }
    }
    if (texts.isEmpty()) {
      texts.add(("The quick brown fox jumps over the lazy dog, and that is all there is to say about it. ").repeat(200));
    }
    List<Document> docs = new ArrayList<>();
    for (String t : texts) {
      StringBuilder piece = new StringBuilder();
      for (String line : t.split("\n")) {
        piece.append(line).append('\n');
        if (piece.length() >= 2000) {
          docs.add(Document.of("d" + docs.size(), null, piece.toString()));
          piece.setLength(0);
        }
      }
      if (piece.length() > 200) {
        docs.add(Document.of("d" + docs.size(), null, piece.toString()));
      }
    }
    return docs;
  }

  /** The value of a top-level string field, JSON escapes decoded; enough for the benchmark files. */
  private static String jsonString(String json, String field) {
    int at = json.indexOf("\"" + field + "\"");
    if (at < 0) {
      return null;
    }
    int i = json.indexOf('"', json.indexOf(':', at) + 1) + 1;
    StringBuilder out = new StringBuilder();
    while (i < json.length() && json.charAt(i) != '"') {
      char c = json.charAt(i++);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char e = json.charAt(i++);
      switch (e) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'u' -> {
          out.append((char) Integer.parseInt(json.substring(i, i + 4), 16));
          i += 4;
        }
        default -> out.append(e);
      }
    }
    return out.toString();
  }
}
