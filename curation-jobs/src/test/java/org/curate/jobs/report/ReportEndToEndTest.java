package org.curate.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.curate.jobs.Curate;
import org.curate.jobs.SparkTestSupport;
import org.curate.jobs.StageOutput;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code curate run} on a small WARC written here whose titles, texts and URLs carry
 * {@code <script>} and {@code onerror=} payloads, then: the report's numbers against the stage
 * outputs, byte-identical re-rendering by {@code curate report}, and headless Chromium (skipped
 * when the {@code chromium} binary is absent) loading the page: no payload runs, the payloads
 * are visible as text, and the screenshot shows the funnel chart.
 */
class ReportEndToEndTest {
  /** Each payload, if it ever ran, would change document.title or add an element with a marker id. */
  static final String TITLE_PAYLOAD = "<script>document.title='PWNED-TITLE';document.body.insertAdjacentHTML("
      + "'beforeend','<b id=xss-executed-title></b>')</script>";
  static final String TEXT_PAYLOAD = "<img src=x id=xss-marker-text onerror=\"document.title='PWNED-TEXT';"
      + "document.body.insertAdjacentHTML('beforeend','<b id=xss-executed-text></b>')\">";
  static final String URL_PAYLOAD = "http://xss.example/p?q=<script>document.title='PWNED-URL'</script>"
      + "&r=\"><svg/onload=document.title='PWNED-SVG'><img/src=x/id=xss-marker-url/onerror=document.title='PWNED-IMG'>";
  static final String ATTR_PAYLOAD = "\" onmouseover=\"document.title='PWNED-ATTR'\" x=\"";

  @TempDir static Path tmp;
  static Path out;
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void runPipeline() throws IOException {
    SparkTestSupport.spark();
    Path warc = tmp.resolve("xss-crawl.warc");
    Files.write(warc, crawl());
    out = tmp.resolve("run");
    assertThat(Curate.execute("run", "--input", warc.toString(), "--output", out.toString())).isZero();
  }

  @Test
  void reportNumbersAgreeWithTheStageOutputs() throws IOException {
    SparkSession spark = SparkTestSupport.spark();
    Path report = out.resolve("report");
    JsonNode stats = JSON.readTree(report.resolve("stats.json").toFile());
    JsonNode extract = StageOutput.assertConserved(out.resolve("extract"));
    JsonNode filter = StageOutput.assertConserved(out.resolve("filter"));
    assertThat(stats.get("stages")).extracting(s -> s.get("name").asText()).containsExactly("extract", "filter");

    // Funnel: input records, then what each stage kept, with the UTF-8 bytes of the kept text.
    JsonNode funnel = stats.get("funnel");
    assertThat(funnel.get(0).get("documents").asLong()).isEqualTo(extract.get("in").asLong());
    assertThat(funnel.get(1).get("documents").asLong()).isEqualTo(extract.get("out").asLong());
    assertThat(funnel.get(2).get("documents").asLong()).isEqualTo(filter.get("out").asLong());
    long filterBytes = spark.read().parquet(out.resolve("filter").toString()).select("text").as(Encoders.STRING())
        .collectAsList().stream().mapToLong(t -> t.getBytes(StandardCharsets.UTF_8).length).sum();
    assertThat(funnel.get(2).get("bytes").asLong()).isEqualTo(filterBytes).isPositive();
    assertThat(funnel.get(2).get("tokens").isNull()).isTrue();

    // Drops by reason, with percentages of the stage's input.
    long filterIn = filter.get("in").asLong();
    JsonNode wordCount = find(stats.get("reasons"), "filter", "gopher_quality:word_count_low");
    assertThat(wordCount.get("count").asLong()).isEqualTo(filter.get("dropped").get("gopher_quality:word_count_low").asLong())
        .isEqualTo(2);
    assertThat(wordCount.get("percent").asDouble()).isCloseTo(100.0 * 2 / filterIn, org.assertj.core.data.Offset.offset(0.01));
    assertThat(find(stats.get("reasons"), "extract", "non-html:image").get("count").asLong()).isEqualTo(1);

    // PII: the documents the pii filter changed, and the values it replaced.
    JsonNode email = stats.get("pii").get(0);
    assertThat(email.get("type").asText()).isEqualTo("email");
    assertThat(email.get("documents").asLong()).isEqualTo(filter.get("changed").get("pii:email").asLong()).isEqualTo(1);
    assertThat(email.get("hits").asLong()).isEqualTo(2);

    // Histograms: text length per stage, and every numeric measure the filter stage added.
    Map<String, JsonNode> hist = new HashMap<>();
    stats.get("histograms").forEach(h -> hist.put(h.get("stage").asText() + "/" + h.get("metric").asText(), h));
    assertThat(hist.get("filter/text_length_chars").get("count").asLong()).isEqualTo(filter.get("out").asLong());
    assertThat(hist.get("extract/text_length_chars").get("count").asLong()).isEqualTo(extract.get("out").asLong());
    List<String> tagKeys = spark.read().parquet(out.resolve("filter").toString())
        .selectExpr("explode(map_keys(tags)) as k").distinct().as(Encoders.STRING()).collectAsList();
    assertThat(tagKeys).contains("gopher_quality.word_count", "pii.email");
    for (String key : tagKeys) {
      long withKey = spark.read().parquet(out.resolve("filter").toString())
          .where("element_at(tags, '" + key + "') is not null").count();
      assertThat(hist).containsKey("filter/" + key);
      long sum = 0;
      for (JsonNode c : hist.get("filter/" + key).get("counts")) {
        sum += c.asLong();
      }
      assertThat(sum).as(key).isEqualTo(withKey);
    }
    // Languages: every kept document counted once.
    long langTotal = 0;
    for (JsonNode l : stats.get("languages")) {
      if (l.get("stage").asText().equals("filter")) {
        langTotal += l.get("count").asLong();
      }
    }
    assertThat(langTotal).isEqualTo(filter.get("out").asLong());

    // Samples: the kept ones are exactly the seeded pick over the stage's ids; rejects per reason likewise.
    List<JsonNode> samples = new ArrayList<>();
    for (String line : Files.readAllLines(report.resolve("samples.jsonl"))) {
      samples.add(JSON.readTree(line));
    }
    List<String> filterIds = spark.read().parquet(out.resolve("filter").toString()).select("id").as(Encoders.STRING())
        .collectAsList();
    assertThat(samples.stream().filter(s -> s.get("stage").asText().equals("filter") && s.get("kind").asText().equals("kept"))
        .map(s -> s.get("id").asText()).toList()).isEqualTo(SeededSample.pick(filterIds, SeededSample.DEFAULT_SEED, 5));
    List<String> shortIds = spark.read().parquet(out.resolve("filter/_rejects").toString())
        .where("reason = 'gopher_quality:word_count_low'").select("id").as(Encoders.STRING()).collectAsList();
    List<JsonNode> shortSamples = samples.stream()
        .filter(s -> "gopher_quality:word_count_low".equals(s.path("reason").asText())).toList();
    assertThat(shortSamples.stream().map(s -> s.get("id").asText()).toList())
        .isEqualTo(SeededSample.pick(shortIds, SeededSample.DEFAULT_SEED, 3));
    // A dropped sample carries the title and text the filter stage was given.
    assertThat(shortSamples).allSatisfy(s -> assertThat(s.get("title").asText()).contains("<script>"));

    // The exports parse as CSV with their documented headers.
    assertThat(Files.readAllLines(report.resolve("funnel.csv")).get(0)).isEqualTo("stage,documents,bytes,tokens,percent_of_input");
    List<String> scores = Files.readAllLines(report.resolve("scores.csv"));
    assertThat(scores.get(0)).startsWith("stage,id,lang,chars,bytes,").contains("gopher_quality.word_count");
    assertThat(scores).hasSize(1 + (int) filter.get("out").asLong());
  }

  @Test
  void renderingAgainGivesTheSameFilesOutsideTheRunMetadata() throws IOException {
    Path report = out.resolve("report");
    Map<String, byte[]> before = new HashMap<>();
    try (var files = Files.list(report)) {
      // Not the hidden .crc checksums Hadoop's local filesystem writes next to each file.
      for (Path f : files.filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
        before.put(f.getFileName().toString(), Files.readAllBytes(f));
      }
    }
    assertThat(before.keySet()).contains("index.html", "stats.json", "funnel.csv", "reasons.csv", "languages.csv",
        "pii.csv", "histograms.csv", "scores.csv", "samples.jsonl");
    assertThat(Curate.execute("report", "--run", out.toString())).isZero();
    for (Map.Entry<String, byte[]> e : before.entrySet()) {
      byte[] again = Files.readAllBytes(report.resolve(e.getKey()));
      switch (e.getKey()) {
        case "index.html" -> assertThat(withoutMetadata(again)).isEqualTo(withoutMetadata(e.getValue()));
        case "stats.json" -> assertThat(withoutTimings(again)).isEqualTo(withoutTimings(e.getValue()));
        default -> assertThat(again).as(e.getKey()).isEqualTo(e.getValue());
      }
    }
    String html = new String(Files.readAllBytes(report.resolve("index.html")), StandardCharsets.UTF_8);
    assertThat(html).contains(HtmlReport.METADATA_BEGIN).contains(HtmlReport.METADATA_END);
  }

  @Test
  void aStageSectionFileAddsItsOwnSection() throws IOException {
    // On a copy of the run, so the other tests keep seeing the run as curate run left it.
    Path copy = tmp.resolve("run-with-section");
    try (var paths = Files.walk(out)) {
      for (Path p : paths.toList()) {
        Path target = copy.resolve(out.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    Files.writeString(copy.resolve("filter").resolve(ReportBuilder.SECTION_FILE),
        "{\"title\":\"Dedup <b>clusters</b>\",\"metrics\":{\"duplicate_rate\":0.25,\"note\":\"<i>x</i>\"},"
        + "\"funnel\":{\"tokens\":12345},"
        + "\"tables\":[{\"title\":\"by benchmark\",\"columns\":[\"benchmark\",\"hits\"],\"rows\":[[\"mmlu<script>\",3]]}],"
        + "\"histograms\":[{\"title\":\"cluster size\",\"edges\":[1,2,4,8],\"counts\":[10,4,1]}]}");
    assertThat(Curate.execute("report", "--run", copy.toString())).isZero();
    JsonNode stats = JSON.readTree(copy.resolve("report/stats.json").toFile());
    JsonNode s = null;
    for (JsonNode section : stats.get("sections")) {
      if (section.get("stage").asText().equals("filter")) s = section;
    }
    assertThat(s).as("the filter stage's section").isNotNull();
    assertThat(s.get("content").get("metrics").get("duplicate_rate").asDouble()).isEqualTo(0.25);
    assertThat(stats.get("funnel").get(2).get("tokens").asLong()).isEqualTo(12345);
    // The run as curate run left it has the extract stage's own section (documents by extraction mode) only.
    assertThat(JSON.readTree(out.resolve("report/stats.json").toFile()).get("sections"))
        .extracting(n -> n.get("stage").asText()).containsExactly("extract");
    String html = Files.readString(copy.resolve("report/index.html"));
    assertThat(html).contains("Dedup &lt;b&gt;clusters&lt;/b&gt;").contains("mmlu&lt;script&gt;")
        .contains("cluster size").doesNotContain("<b>clusters</b>").doesNotContain("mmlu<script>");
  }

  @Test
  void chromiumRunsNoPayloadAndShowsTheFunnel() throws Exception {
    String chromium = chromium();
    Assumptions.assumeTrue(chromium != null, "chromium not installed (apt-get install chromium); browser check skipped");
    Path profile = Files.createDirectories(tmp.resolve("chromium-profile"));

    // The harness can see an executed payload: an unescaped page of the same payloads does run.
    Path canary = tmp.resolve("canary.html");
    Files.writeString(canary, "<!doctype html><html><head><title>canary</title></head><body><p>" + TITLE_PAYLOAD
        + "</p></body></html>");
    String canaryDom = browse(chromium, profile, canary, "--dump-dom");
    assertThat(canaryDom).contains("<title>PWNED-TITLE</title>").contains("<b id=\"xss-executed-title\"></b>");

    Path index = out.resolve("report/index.html");
    String source = Files.readString(index);
    assertThat(source).doesNotContain(TITLE_PAYLOAD).doesNotContain("<img src=x id=xss-marker");
    String dom = browse(chromium, profile, index, "--dump-dom");
    Matcher title = Pattern.compile("<title>(.*?)</title>", Pattern.DOTALL).matcher(dom);
    assertThat(title.find()).isTrue();
    assertThat(title.group(1)).isEqualTo("curate run report");
    // No element the payloads would create or carry: serialised elements have quoted attributes
    // (id="xss-..."), while the payload text has '&lt;' and unquoted ids.
    assertThat(dom).doesNotContain("id=\"xss-executed").doesNotContainPattern("<[a-zA-Z][^<>]*\\sid=\"xss-")
        .doesNotContainPattern("<[a-zA-Z][^<>]*\\son[a-z]+=").doesNotContainPattern("(?i)<script[\\s>]")
        .doesNotContain("<title>PWNED");
    // The payloads are on the page as text: in the DOM serialisation a text node's '<' is '&lt;'.
    assertThat(dom).contains("&lt;script&gt;document.title='PWNED-TITLE'")
        .contains("&lt;img src=x id=xss-marker-text onerror=\"document.title='PWNED-TEXT'")
        .contains("q=&lt;script&gt;document.title='PWNED-URL'&lt;/script&gt;")
        .contains("&lt;img/src=x/id=xss-marker-url/onerror=document.title='PWNED-IMG'&gt;")
        .contains("\" onmouseover=\"document.title='PWNED-ATTR'\" x=\"");
    assertThat(dom).contains("id=\"funnel-chart\"");

    Path shot = Path.of("target", "report-screenshot.png").toAbsolutePath();
    Files.createDirectories(shot.getParent());
    Files.deleteIfExists(shot);
    browse(chromium, profile, index, "--screenshot=" + shot, "--window-size=1280,2000", "--hide-scrollbars");
    assertThat(shot).exists();
    assertThat(Files.size(shot)).isGreaterThan(20_000);
    BufferedImage image = ImageIO.read(shot.toFile());
    assertThat(image.getWidth()).isEqualTo(1280);
    assertThat(image.getHeight()).isEqualTo(2000);
    // The funnel bars are the only shapes drawn in #1f77b4: count their pixels in the screenshot.
    int funnelPixels = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xffffff) == 0x1f77b4) {
          funnelPixels++;
        }
      }
    }
    assertThat(funnelPixels).as("pixels of the funnel bars").isGreaterThan(3 * 200 * 10);
  }

  private static String browse(String chromium, Path profile, Path page, String... extra) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--virtual-time-budget=3000"));
    cmd.addAll(List.of(extra));
    cmd.add(page.toUri().toString());
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    Thread reader = new Thread(() -> {
      try (InputStream in = p.getInputStream()) {
        in.transferTo(stdout);
      } catch (IOException ignored) {
        // the process ended
      }
    });
    reader.start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish in 60 s: " + cmd);
    }
    reader.join(5000);
    assertThat(p.exitValue()).as("chromium exit status").isZero();
    return stdout.toString(StandardCharsets.UTF_8);
  }

  private static String chromium() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser")) {
        Path p = Path.of(dir, name);
        if (Files.isExecutable(p)) {
          return p.toString();
        }
      }
    }
    return null;
  }

  private static JsonNode find(JsonNode rows, String stage, String key) {
    for (JsonNode r : rows) {
      if (r.get("stage").asText().equals(stage) && r.get("key").asText().equals(key)) {
        return r;
      }
    }
    throw new AssertionError("no row " + stage + "/" + key + " in " + rows);
  }

  private static String withoutMetadata(byte[] html) {
    String s = new String(html, StandardCharsets.UTF_8);
    int a = s.indexOf(HtmlReport.METADATA_BEGIN);
    int b = s.indexOf(HtmlReport.METADATA_END);
    assertThat(a).isPositive();
    assertThat(b).isGreaterThan(a);
    return s.substring(0, a) + s.substring(b);
  }

  private static String withoutTimings(byte[] json) throws IOException {
    ObjectNode node = (ObjectNode) JSON.readTree(json);
    assertThat(node.remove("run")).isNotNull();
    for (Iterator<JsonNode> it = node.get("stages").elements(); it.hasNext(); ) {
      ((ObjectNode) it.next()).remove("seconds");
    }
    return node.toString();
  }

  // ---- the crawl ----

  private static final String[] WORDS = ("the of and to in that with have be for on this from are was by at as an it "
      + "river garden morning library station market teacher village winter summer bridge window kitchen museum "
      + "careful quiet bright early simple heavy narrow gentle patient modern ancient famous local several "
      + "walked visited opened carried noticed finished started described repaired painted collected measured "
      + "across before after during under between around behind near through without about against "
      + "story letter journey harvest festival season weather mountain valley harbour island forest meadow "
      + "children farmers students workers visitors neighbours families travellers builders musicians").split(" ");

  private static String paragraph(Random r) {
    StringBuilder p = new StringBuilder();
    int sentences = 3 + r.nextInt(3);
    for (int s = 0; s < sentences; s++) {
      int n = 9 + r.nextInt(8);
      for (int w = 0; w < n; w++) {
        String word = WORDS[r.nextInt(WORDS.length)];
        p.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word).append(w == n - 1 ? ". " : " ");
      }
    }
    return p.toString().trim();
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  private static String page(String title, List<String> paragraphs) {
    StringBuilder h = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>")
        .append(esc(title)).append("</title></head><body><article>");
    for (String p : paragraphs) {
      h.append("<p>").append(esc(p)).append("</p>\n");
    }
    return h.append("</article></body></html>").toString();
  }

  private static List<String> article(Random r, int paragraphs) {
    List<String> ps = new ArrayList<>();
    for (int i = 0; i < paragraphs; i++) {
      ps.add(paragraph(r));
    }
    return ps;
  }

  static byte[] crawl() throws IOException {
    Random r = new Random(20260105);
    ByteArrayOutputStream warc = new ByteArrayOutputStream();
    int n = 0;
    for (int i = 0; i < 6; i++) {
      List<String> ps = article(r, 8);
      String title = "Village notes " + i;
      if (i == 1) {
        title = "Harbour diary " + TITLE_PAYLOAD;
      } else if (i == 2) {
        ps.add(3, "Readers pasted this into the guest book: " + TEXT_PAYLOAD + " and the museum removed it the same day.");
      } else if (i == 3) {
        title = "Attribute test" + ATTR_PAYLOAD;
      }
      response(warc, ++n, i == 4 ? URL_PAYLOAD : "http://village.example/notes/" + i, "text/html; charset=utf-8",
          page(title, ps).getBytes(StandardCharsets.UTF_8));
    }
    List<String> pii = article(r, 8);
    pii.add("Write to jane.doe@example.com or to the office at office.team@example.org before the festival.");
    response(warc, ++n, "http://village.example/contact", "text/html; charset=utf-8",
        page("Contact the festival team", pii).getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < 2; i++) {
      response(warc, ++n, URL_PAYLOAD + "&short=" + i, "text/html; charset=utf-8",
          page("Short " + TITLE_PAYLOAD, List.of("Too short " + TEXT_PAYLOAD + " to keep.")).getBytes(StandardCharsets.UTF_8));
    }
    response(warc, ++n, URL_PAYLOAD + "&img=1", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0});
    return warc.toByteArray();
  }

  private static void response(ByteArrayOutputStream warc, int n, String uri, String type, byte[] body) throws IOException {
    byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: " + type + "\r\nContent-Length: " + body.length + "\r\n\r\n")
        .getBytes(StandardCharsets.ISO_8859_1);
    byte[] http = new byte[head.length + body.length];
    System.arraycopy(head, 0, http, 0, head.length);
    System.arraycopy(body, 0, http, head.length, body.length);
    String id = UUID.nameUUIDFromBytes(("report-test/" + n).getBytes(StandardCharsets.UTF_8)).toString();
    String header = "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:" + id + ">\r\n"
        + "WARC-Date: 2026-01-05T10:00:" + String.format("%02d", n) + "Z\r\nWARC-Target-URI: " + uri + "\r\n"
        + "Content-Type: application/http; msgtype=response\r\nContent-Length: " + http.length + "\r\n\r\n";
    warc.write(header.getBytes(StandardCharsets.UTF_8));
    warc.write(http);
    warc.write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
  }
}
