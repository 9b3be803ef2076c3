package org.curate.extract.html;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Benchmark runner (a main class, not a test: surefire does not pick it up). Extracts every page
 * of one benchmark folder of the extraction dev split into {@code OUT/<id>.txt}, the format
 * {@code shared/tools/extraction_score.py} reads, and prints single-thread pages/second.
 *
 * <pre>
 * cd /work/wt-html && mvn -B -q -o -pl extract -am test-compile
 * CP=extract/target/classes:extract/target/test-classes:$HOME/.m2/repository/org/jsoup/jsoup/1.24.1/jsoup-1.24.1.jar
 * java -cp $CP org.curate.extract.html.ExtractionDevRunner /work/shared/data/extraction-dev/aeb /tmp/pred-aeb [jsoup|body]
 * python3 /work/shared/tools/extraction_score.py /work/shared/data/extraction-dev/aeb /tmp/pred-aeb
 * </pre>
 *
 * Mode {@code body} is the old placeholder (whole body text), kept for comparison. The data is
 * read by path and never copied into the repository.
 */
public final class ExtractionDevRunner {
  private static final Pattern META_CHARSET =
      Pattern.compile("<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_:.\\-]+)", Pattern.CASE_INSENSITIVE);

  private ExtractionDevRunner() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: ExtractionDevRunner BENCHMARK_DIR OUT_DIR [jsoup|body] [repeat]");
      System.exit(2);
    }
    Path bench = Path.of(args[0]);
    Path out = Path.of(args[1]);
    String mode = args.length > 2 ? args[2] : "jsoup";
    int repeat = args.length > 3 ? Integer.parseInt(args[3]) : 1;
    Files.createDirectories(out);
    List<String> ids = new ArrayList<>();
    for (String line : Files.readAllLines(bench.resolve("ids.txt"), StandardCharsets.UTF_8)) {
      if (!line.isBlank()) ids.add(line.strip());
    }
    // Decode everything first so that the timing covers extraction only.
    List<String> pages = new ArrayList<>();
    for (String id : ids) pages.add(decode(readGz(bench.resolve("html").resolve(id + ".html.gz"))));

    MainTextExtractor extractor =
        mode.equals("body") ? new BodyTextExtractor() : new JsoupMainTextExtractor();
    long best = Long.MAX_VALUE;
    List<MainText> results = new ArrayList<>();
    for (int r = 0; r < repeat; r++) {
      results.clear();
      long t0 = System.nanoTime();
      for (String html : pages) results.add(extractor.extract(html, ""));
      best = Math.min(best, System.nanoTime() - t0);
    }
    for (int i = 0; i < ids.size(); i++) {
      Files.writeString(out.resolve(ids.get(i) + ".txt"), results.get(i).text(), StandardCharsets.UTF_8);
    }
    double secs = best / 1e9;
    System.out.printf(Locale.ROOT, "%s: %d pages in %.2f s (best of %d) = %.1f pages/s single thread%n",
        mode, ids.size(), secs, repeat, ids.size() / secs);
  }

  private static byte[] readGz(Path p) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
      return in.readAllBytes();
    }
  }

  /** Charset sniffing as for a crawled page without HTTP headers: BOM, meta charset, UTF-8 if valid, else windows-1252. */
  static String decode(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
      return new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) return new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE);
    if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) return new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
    String head = new String(b, 0, Math.min(b.length, 8192), StandardCharsets.ISO_8859_1);
    Matcher m = META_CHARSET.matcher(head);
    if (m.find()) {
      try {
        Charset cs = Charset.forName(m.group(1));
        if (cs.name().equalsIgnoreCase("ISO-8859-1") || cs.name().equalsIgnoreCase("US-ASCII")) {
          cs = Charset.forName("windows-1252"); // what browsers do (WHATWG encoding standard)
        }
        if (!cs.name().startsWith("UTF-16")) return new String(b, cs);
      } catch (RuntimeException ignored) {
        // unknown label: fall through
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b))
          .toString();
    } catch (CharacterCodingException e) {
      return new String(b, Charset.forName("windows-1252"));
    }
  }

  /** The old placeholder: whole body text, no extraction (the floor). */
  static final class BodyTextExtractor implements MainTextExtractor {
    @Override
    public MainText extract(String html, String baseUri) {
      Document doc = Jsoup.parse(html, baseUri == null ? "" : baseUri);
      return new MainText(doc.title(), doc.body() == null ? "" : doc.body().text());
    }
  }
}
