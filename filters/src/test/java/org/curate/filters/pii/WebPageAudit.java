package org.curate.filters.pii;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The Presidio sets are short clean sentences; this runs the detectors over whole real pages
 * (the extraction-dev HTML, boilerplate included: footers, contact blocks, scripts' leftovers),
 * prints every detection in context for a human to judge, and measures speed on page-sized
 * text. There are no labels: precision here is read off the listing. Run with:
 *
 * <pre>
 * java -cp ... org.curate.filters.pii.WebPageAudit [shared-data-dir]
 * </pre>
 */
public final class WebPageAudit {
  private static final Pattern DROP = Pattern.compile("(?is)<(script|style|noscript)\\b.*?</\\1\\s*>|<!--.*?-->");
  private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
  private static final Pattern BLANK = Pattern.compile("[ \\t\\x0B\\f\\r]+");

  private WebPageAudit() {}

  public static void main(String[] args) throws IOException {
    Path shared = args.length > 0 ? Path.of(args[0]) : PresidioSet.sharedData();
    PiiScanner scanner = PiiScanner.of(EnumSet.allOf(PiiType.class));
    // aeb: English news and blogs; trafilatura: mostly German pages.
    for (String[] corpus : new String[][] {{"aeb", "en"}, {"trafilatura", "de"}}) {
      Path dir = shared.resolve("extraction-dev").resolve(corpus[0]);
      List<String> ids = Files.readAllLines(dir.resolve("ids.txt"));
      Map<PiiType, Integer> counts = new EnumMap<>(PiiType.class);
      long chars = 0;
      long nanos = 0;
      for (int pass = 0; pass < 2; pass++) { // the first pass warms up the JIT
        for (String id : ids) {
          String text = pageText(dir.resolve("html").resolve(id + ".html.gz"));
          long t0 = System.nanoTime();
          List<PiiSpan> spans = scanner.scan(text, corpus[1]);
          if (pass == 1) {
            nanos += System.nanoTime() - t0;
            chars += text.length();
            for (PiiSpan s : spans) {
              counts.merge(s.type(), 1, Integer::sum);
              String before = text.substring(Math.max(0, s.start() - 40), s.start());
              String after = text.substring(s.end(), Math.min(text.length(), s.end() + 30));
              System.out.printf(Locale.ROOT, "%-6s %s [[%s]] %s%n", s.type().code(), flat(before), s.in(text),
                  flat(after));
            }
          }
        }
      }
      printDetectorTimes(dir, ids, corpus[1]);
      System.out.printf(Locale.ROOT, "%s: %d pages, %.1f MB of text, %.0f pages/s, %.1f MB/s, detections %s%n%n",
          corpus[0], ids.size(), chars / 1e6, ids.size() / (nanos / 1e9), chars / 1e6 / (nanos / 1e9), counts);
    }
  }

  /** Seconds each detector alone spends on the corpus, to see where the time goes. */
  private static void printDetectorTimes(Path dir, List<String> ids, String lang) throws IOException {
    List<String> texts = new java.util.ArrayList<>();
    for (String id : ids) {
      texts.add(pageText(dir.resolve("html").resolve(id + ".html.gz")));
    }
    for (PiiDetector d : PiiScanner.of(EnumSet.allOf(PiiType.class)).detectors()) {
      List<PiiSpan> sink = new java.util.ArrayList<>();
      for (String t : texts) {
        d.find(t, lang, sink);
      }
      long t0 = System.nanoTime();
      for (String t : texts) {
        sink.clear();
        d.find(t, lang, sink);
      }
      System.out.printf(Locale.ROOT, "  %-6s %6.3f s%n", d.type().code(), (System.nanoTime() - t0) / 1e9);
    }
  }

  /** A crude page-to-text: good enough to expose the detectors to real page content. */
  private static String pageText(Path gz) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
      String html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      String text = TAG.matcher(DROP.matcher(html).replaceAll(" ")).replaceAll("\n");
      text = text.replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
          .replace("&quot;", "\"").replace("&#64;", "@");
      return BLANK.matcher(text).replaceAll(" ").replaceAll("\\n\\s*\\n+", "\n");
    }
  }

  private static String flat(String s) {
    return s.replace('\n', '|');
  }
}
