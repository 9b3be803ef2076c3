package org.curate.jobs.report;

import static org.curate.jobs.report.Html.escape;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.curate.jobs.report.ReportBuilder.Sample;
import org.curate.jobs.report.ReportData.CountRow;
import org.curate.jobs.report.ReportData.FunnelRow;
import org.curate.jobs.report.ReportData.PiiRow;
import org.curate.jobs.report.ReportData.RunMetadata;
import org.curate.jobs.report.ReportData.Section;

/**
 * The report page: one self-contained HTML file (inline CSS and SVG, no script, no external
 * resource; a Content-Security-Policy forbids both as a second line of defence). Every string
 * that comes from data is written through {@link Html#escape}. The part that varies from one
 * rendering to the next (timings, versions, date) is the last section, between
 * {@link #METADATA_BEGIN} and {@link #METADATA_END}; everything else is a function of the run's
 * outputs and the sampling seed.
 */
final class HtmlReport {
  static final String METADATA_BEGIN = "<!-- run-metadata:begin -->";
  static final String METADATA_END = "<!-- run-metadata:end -->";
  static final int MAX_SECTION_ROWS = 200;
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private HtmlReport() {}

  static String render(ReportData data, List<Sample> samples) {
    StringBuilder h = new StringBuilder(64 * 1024);
    head(h);
    summary(h, data);
    funnel(h, data);
    reasons(h, data);
    languages(h, data);
    pii(h, data);
    histograms(h, data);
    sections(h, data);
    samples(h, data, samples);
    h.append(METADATA_BEGIN).append('\n');
    metadata(h, data.run());
    h.append(METADATA_END).append('\n');
    return h.append("</main></body></html>\n").toString();
  }

  private static void head(StringBuilder h) {
    h.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>curate run report</title>\n<style>\n")
        .append("body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:0;color:#1d2330;background:#f6f7f9}\n")
        .append("main{max-width:1100px;margin:0 auto;padding:1.2em 2em 3em}\n")
        .append("h1{margin:.2em 0}h2{margin-top:1.8em;border-bottom:2px solid #d8dde6;padding-bottom:.2em}h3{margin:1.2em 0 .4em}\n")
        .append("nav a{margin-right:1em}.sum{font-size:1.1em}.muted{color:#667}\n")
        .append("table{border-collapse:collapse;margin:.4em 0 1em;background:#fff}\n")
        .append("td,th{border:1px solid #d8dde6;padding:3px 9px;text-align:right;vertical-align:top}\n")
        .append("td.k,th.k{text-align:left}th{background:#eef1f5}\n")
        .append("svg{display:block;background:#fff;border:1px solid #e3e6eb;margin:.3em 0}\n")
        .append("svg text{font-size:12px;fill:#1d2330}svg .tick{font-size:10px;fill:#556}\n")
        .append(".kept{fill:#1f77b4}.bytes{fill:#6a9fd8}.dropped{fill:#e08a2c}.failed{fill:#c8413b}.changed{fill:#4a9c5d}")
        .append(".lang{fill:#7d5ba6}.bin{fill:#5b84b1}.axis{stroke:#889}\n")
        .append(".grid{display:flex;flex-wrap:wrap;gap:12px}figure{margin:0}figcaption{font-size:.85em;font-family:monospace}\n")
        .append("details{margin:.3em 0}summary{cursor:pointer}details.sample{margin-left:1.2em;background:#fff;")
        .append("border:1px solid #e3e6eb;padding:.3em .6em}\n")
        .append("pre{white-space:pre-wrap;word-break:break-word;background:#fbfbfc;border:1px solid #e3e6eb;padding:.5em;")
        .append("max-height:22em;overflow:auto}\ndl{display:grid;grid-template-columns:8em 1fr;margin:.3em 0}dt{color:#556}")
        .append("dd{margin:0;word-break:break-all}\n")
        .append("</style></head><body><main>\n<h1>curate run report</h1>\n");
  }

  private static void summary(StringBuilder h, ReportData d) {
    FunnelRow first = d.funnel().get(0);
    FunnelRow last = d.funnel().get(d.funnel().size() - 1);
    h.append("<p class=\"sum\">").append(fmt(first.documents())).append(" input records → <b>")
        .append(fmt(last.documents())).append("</b> documents after ").append(escape(last.stage()))
        .append(" (").append(pct(last.percentOfInput())).append(" of input)");
    if (last.bytes() != null) {
      h.append(", ").append(escape(bytes(last.bytes()))).append(" of text");
    }
    if (last.tokens() != null) {
      h.append(", ").append(fmt(last.tokens())).append(" tokens");
    }
    h.append(".</p>\n<nav><a href=\"#funnel\">funnel</a><a href=\"#reasons\">reasons</a><a href=\"#languages\">languages</a>")
        .append("<a href=\"#pii\">PII</a><a href=\"#histograms\">histograms</a><a href=\"#stage-sections\">stage sections</a>")
        .append("<a href=\"#samples\">samples</a><a href=\"#run\">run metadata</a></nav>\n");
  }

  private static void funnel(StringBuilder h, ReportData d) {
    h.append("<section id=\"funnel\"><h2>Funnel</h2>\n");
    List<Svg.Bar> docs = new ArrayList<>();
    List<Svg.Bar> bytes = new ArrayList<>();
    for (FunnelRow f : d.funnel()) {
      String label = "input".equals(f.stage()) ? "input records" : "after " + f.stage();
      docs.add(new Svg.Bar(label, f.documents(), fmt(f.documents()) + " (" + pct(f.percentOfInput()) + ")", "kept"));
      if (f.bytes() != null) {
        bytes.add(new Svg.Bar(label, f.bytes(), bytes(f.bytes()), "bytes"));
      }
    }
    h.append("<h3>Documents</h3>\n").append(Svg.hbars("funnel-chart", "documents after each stage", docs));
    if (!bytes.isEmpty()) {
      h.append("<h3>Bytes of text (UTF-8)</h3>\n").append(Svg.hbars("funnel-bytes-chart", "bytes of text after each stage", bytes));
    }
    h.append("<table><tr><th class=\"k\">after</th><th>documents</th><th>% of input</th><th>bytes of text</th>")
        .append("<th>tokens</th><th>dropped</th><th>failed</th></tr>\n");
    for (FunnelRow f : d.funnel()) {
      StageReport s = d.stages().stream().filter(x -> x.name().equals(f.stage())).findFirst().orElse(null);
      h.append("<tr><td class=\"k\">").append(escape("input".equals(f.stage()) ? "input records" : f.stage()))
          .append("</td><td>").append(fmt(f.documents())).append("</td><td>").append(pct(f.percentOfInput()))
          .append("</td><td>").append(f.bytes() == null ? "–" : escape(bytes(f.bytes()))).append("</td><td>")
          .append(f.tokens() == null ? "–" : fmt(f.tokens())).append("</td><td>")
          .append(s == null ? "" : fmt(sum(s.dropped()))).append("</td><td>")
          .append(s == null ? "" : fmt(sum(s.failed()))).append("</td></tr>\n");
    }
    h.append("</table></section>\n");
  }

  private static void reasons(StringBuilder h, ReportData d) {
    h.append("<section id=\"reasons\"><h2>Drops and failures by reason</h2>\n")
        .append("<p class=\"muted\">Percentages are of the stage's input; changes (rewrites of kept documents) are of its output.</p>\n");
    for (StageReport s : d.stages()) {
      h.append("<h3>").append(escape(s.name())).append(" <span class=\"muted\">(in ").append(fmt(s.in())).append(", out ")
          .append(fmt(s.out())).append(")</span></h3>\n");
      List<CountRow> rows = new ArrayList<>();
      d.reasons().stream().filter(r -> r.stage().equals(s.name())).forEach(rows::add);
      rows.sort(java.util.Comparator.comparingLong(CountRow::count).reversed().thenComparing(CountRow::kind)
          .thenComparing(CountRow::key));
      if (rows.isEmpty()) {
        h.append("<p>nothing dropped or failed</p>\n");
      } else {
        List<Svg.Bar> bars = rows.stream().map(r -> new Svg.Bar(r.key(), r.count(),
            fmt(r.count()) + " (" + pct(r.percent()) + ")", r.kind())).toList();
        h.append(Svg.hbars("reasons-" + s.name(), s.name() + ": dropped and failed by reason", bars));
        countTable(h, rows, "reason", "% of in");
      }
      List<CountRow> changes = d.changes().stream().filter(r -> r.stage().equals(s.name())).toList();
      if (!changes.isEmpty()) {
        h.append("<details><summary>changed (rewritten) documents by code</summary>\n");
        countTable(h, changes, "change", "% of out");
        h.append("</details>\n");
      }
      List<CountRow> tagOnly = d.tagOnly().stream().filter(r -> r.stage().equals(s.name())).toList();
      if (!tagOnly.isEmpty()) {
        h.append("<details open><summary>tag-only filters: kept documents they would have dropped</summary>\n");
        countTable(h, tagOnly, "would drop for", "% of out");
        h.append("</details>\n");
      }
    }
    h.append("</section>\n");
  }

  private static void countTable(StringBuilder h, List<CountRow> rows, String keyHeader, String pctHeader) {
    h.append("<table><tr><th class=\"k\">").append(escape(keyHeader)).append("</th><th class=\"k\">kind</th><th>count</th><th>")
        .append(escape(pctHeader)).append("</th></tr>\n");
    for (CountRow r : rows) {
      h.append("<tr><td class=\"k\">").append(escape(r.key())).append("</td><td class=\"k\">").append(escape(r.kind()))
          .append("</td><td>").append(fmt(r.count())).append("</td><td>").append(pct(r.percent())).append("</td></tr>\n");
    }
    h.append("</table>\n");
  }

  private static void languages(StringBuilder h, ReportData d) {
    h.append("<section id=\"languages\"><h2>Languages</h2>\n");
    Map<String, List<CountRow>> byStage = new LinkedHashMap<>();
    d.languages().forEach(r -> byStage.computeIfAbsent(r.stage(), k -> new ArrayList<>()).add(r));
    if (byStage.isEmpty()) {
      h.append("<p>no documents</p>\n");
    }
    byStage.forEach((stage, rows) -> {
      h.append("<h3>after ").append(escape(stage)).append("</h3>\n");
      h.append(Svg.hbars("languages-" + stage, "languages after " + stage, rows.stream().limit(25)
          .map(r -> new Svg.Bar(r.key(), r.count(), fmt(r.count()) + " (" + pct(r.percent()) + ")", "lang")).toList()));
      if (rows.size() > 25) {
        h.append("<details><summary>all ").append(rows.size()).append(" languages</summary>\n");
        countTable(h, rows, "language", "% of out");
        h.append("</details>\n");
      }
    });
    h.append("</section>\n");
  }

  private static void pii(StringBuilder h, ReportData d) {
    h.append("<section id=\"pii\"><h2>PII redacted, by type</h2>\n");
    if (d.pii().isEmpty()) {
      h.append("<p>no PII tags (pii.&lt;type&gt;) in any stage's documents</p>\n");
    } else {
      h.append("<table><tr><th class=\"k\">stage</th><th class=\"k\">type</th><th>documents</th><th>values replaced</th></tr>\n");
      for (PiiRow p : d.pii()) {
        h.append("<tr><td class=\"k\">").append(escape(p.stage())).append("</td><td class=\"k\">").append(escape(p.type()))
            .append("</td><td>").append(fmt(p.documents())).append("</td><td>").append(fmt(p.hits())).append("</td></tr>\n");
      }
      h.append("</table>\n");
    }
    d.reasons().stream().filter(r -> r.key().startsWith("pii:")).forEach(r -> h.append("<p>")
        .append(escape(r.stage())).append(": ").append(fmt(r.count())).append(" documents ").append(escape(r.kind()))
        .append(" as ").append(escape(r.key())).append("</p>\n"));
    h.append("</section>\n");
  }

  private static void histograms(StringBuilder h, ReportData d) {
    h.append("<section id=\"histograms\"><h2>Histograms</h2>\n<p class=\"muted\">Over each stage's kept documents. ")
        .append("Text length uses log-spaced bins; a filter measure appears at the stage that added it. Hover a bar for its range.</p>\n");
    String stage = null;
    int i = 0;
    for (Histogram hist : d.histograms()) {
      if (!hist.stage().equals(stage)) {
        if (stage != null) {
          h.append("</div>\n");
        }
        stage = hist.stage();
        h.append("<h3>").append(escape(stage)).append("</h3>\n<div class=\"grid\">\n");
      }
      figure(h, "hist-" + (i++), hist);
    }
    if (stage != null) {
      h.append("</div>\n");
    }
    h.append("</section>\n");
  }

  private static void figure(StringBuilder h, String id, Histogram hist) {
    h.append("<figure><figcaption>").append(escape(hist.metric())).append(" <span class=\"muted\">n=")
        .append(fmt(hist.count())).append(hist.nonFinite() > 0 ? ", non-finite=" + fmt(hist.nonFinite()) : "")
        .append(", ").append(escape(hist.scale())).append("</span></figcaption>\n").append(Svg.histogram(id, hist))
        .append("</figure>\n");
  }

  private static void sections(StringBuilder h, ReportData d) {
    h.append("<section id=\"stage-sections\"><h2>Stage sections</h2>\n");
    if (d.sections().isEmpty()) {
      h.append("<p class=\"muted\">No stage wrote a ").append(ReportBuilder.SECTION_FILE).append(".</p>\n");
    }
    int n = 0;
    for (Section s : d.sections()) {
      JsonNode c = s.content();
      String title = c != null && c.path("title").isTextual() ? c.get("title").asText() : s.stage();
      h.append("<h3>").append(escape(title)).append(" <span class=\"muted\">(").append(escape(s.stage())).append('/')
          .append(escape(s.file())).append(")</span></h3>\n");
      if (s.error() != null) {
        h.append("<p>not shown: ").append(escape(s.error())).append("</p>\n");
        continue;
      }
      JsonNode metrics = c.path("metrics");
      if (metrics.isObject() && metrics.size() > 0) {
        h.append("<table>");
        for (Iterator<Map.Entry<String, JsonNode>> it = metrics.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          h.append("<tr><td class=\"k\">").append(escape(e.getKey())).append("</td><td>").append(escape(value(e.getValue())))
              .append("</td></tr>\n");
        }
        h.append("</table>\n");
      }
      for (JsonNode t : iterable(c.path("tables"))) {
        sectionTable(h, t);
      }
      List<JsonNode> hists = iterable(c.path("histograms"));
      if (!hists.isEmpty()) {
        h.append("<div class=\"grid\">\n");
        for (JsonNode hn : hists) {
          Histogram hist = sectionHistogram(s.stage(), hn);
          if (hist == null) {
            h.append("<p>histogram not shown: needs \"edges\" (n+1 numbers) and \"counts\" (n integers)</p>\n");
          } else {
            figure(h, "section-hist-" + (n++), hist);
          }
        }
        h.append("</div>\n");
      }
      h.append("<details><summary>raw JSON</summary><pre>").append(escape(pretty(c))).append("</pre></details>\n");
    }
    h.append("</section>\n");
  }

  private static void sectionTable(StringBuilder h, JsonNode t) {
    if (t.path("title").isTextual()) {
      h.append("<p><b>").append(escape(t.get("title").asText())).append("</b></p>\n");
    }
    h.append("<table>");
    List<JsonNode> columns = iterable(t.path("columns"));
    if (!columns.isEmpty()) {
      h.append("<tr>");
      columns.forEach(col -> h.append("<th class=\"k\">").append(escape(value(col))).append("</th>"));
      h.append("</tr>\n");
    }
    List<JsonNode> rows = iterable(t.path("rows"));
    for (JsonNode row : rows.subList(0, Math.min(rows.size(), MAX_SECTION_ROWS))) {
      h.append("<tr>");
      for (JsonNode cell : row.isArray() ? iterable(row) : List.of(row)) {
        h.append(cell.isNumber() ? "<td>" : "<td class=\"k\">").append(escape(value(cell))).append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</table>\n");
    if (rows.size() > MAX_SECTION_ROWS) {
      h.append("<p class=\"muted\">").append(fmt(rows.size() - MAX_SECTION_ROWS)).append(" more rows in the raw JSON</p>\n");
    }
  }

  /** A section's histogram {"title", "edges": [n+1 numbers], "counts": [n integers]}, or null when malformed. */
  static Histogram sectionHistogram(String stage, JsonNode n) {
    List<JsonNode> edges = iterable(n.path("edges"));
    List<JsonNode> counts = iterable(n.path("counts"));
    if (counts.isEmpty() || edges.size() != counts.size() + 1 || !edges.stream().allMatch(JsonNode::isNumber)
        || !counts.stream().allMatch(JsonNode::isIntegralNumber)) {
      return null;
    }
    List<Double> e = edges.stream().map(JsonNode::asDouble).toList();
    List<Long> c = counts.stream().map(JsonNode::asLong).toList();
    String title = n.path("title").isTextual() ? n.get("title").asText() : "histogram";
    return new Histogram(stage, title, "linear", c.stream().mapToLong(Long::longValue).sum(), 0, e.get(0),
        e.get(e.size() - 1), e, c);
  }

  private static void samples(StringBuilder h, ReportData d, List<Sample> samples) {
    h.append("<section id=\"samples\"><h2>Samples</h2>\n<p class=\"muted\">Seeded (seed ").append(d.samples().seed())
        .append("): per stage the ").append(d.samples().keptPerStage()).append(" kept documents and, per reason, the ")
        .append(d.samples().perReason()).append(" rejected ones with the smallest SHA-256(seed:id); text cut to ")
        .append(d.samples().textChars()).append(" characters. Dropped documents show the text the stage was given.</p>\n");
    Map<String, Map<String, List<Sample>>> groups = new LinkedHashMap<>();
    for (Sample s : samples) {
      String group = "kept".equals(s.kind()) ? "kept" : s.kind() + ": " + s.reason();
      groups.computeIfAbsent(s.stage(), k -> new LinkedHashMap<>()).computeIfAbsent(group, k -> new ArrayList<>()).add(s);
    }
    groups.forEach((stage, byGroup) -> {
      h.append("<h3>").append(escape(stage)).append("</h3>\n");
      byGroup.forEach((group, list) -> {
        h.append("<details class=\"group\"><summary>").append(escape(group)).append(" <span class=\"muted\">(")
            .append(list.size()).append(")</span></summary>\n");
        for (Sample s : list) {
          String label = s.title() != null && !s.title().isBlank() ? s.title() : s.url() != null ? s.url() : s.id();
          h.append("<details class=\"sample\"><summary>").append(escape(Svg.shorten(label, 120))).append("</summary>\n<dl>");
          dd(h, "id", s.id());
          dd(h, "url", s.url());
          dd(h, "title", s.title());
          dd(h, "language", s.lang());
          dd(h, "characters", s.chars() == null ? null : fmt(s.chars()));
          dd(h, "reason", s.reason());
          dd(h, "detail", s.detail());
          h.append("</dl>\n");
          if (s.text() != null) {
            h.append("<pre>").append(escape(s.text())).append(s.chars() != null && s.chars() > s.text().length() ? "\n…" : "")
                .append("</pre>\n");
          }
          h.append("</details>\n");
        }
        h.append("</details>\n");
      });
    });
    h.append("</section>\n");
  }

  private static void dd(StringBuilder h, String term, String value) {
    if (value != null) {
      h.append("<dt>").append(escape(term)).append("</dt><dd>").append(escape(value)).append("</dd>");
    }
  }

  private static void metadata(StringBuilder h, RunMetadata run) {
    h.append("<section id=\"run\"><h2>Run metadata</h2>\n<p class=\"muted\">The only part of this page that changes ")
        .append("when the report is rendered again from the same outputs.</p>\n<table>")
        .append("<tr><td class=\"k\">generated</td><td class=\"k\">").append(escape(run.generatedAt())).append("</td></tr>\n")
        .append("<tr><td class=\"k\">run folder</td><td class=\"k\">").append(escape(run.runDir())).append("</td></tr>\n");
    run.versions().forEach((k, v) -> h.append("<tr><td class=\"k\">").append(escape(k)).append("</td><td class=\"k\">")
        .append(escape(v)).append("</td></tr>\n"));
    run.spark().forEach((k, v) -> h.append("<tr><td class=\"k\">").append(escape(k)).append("</td><td class=\"k\">")
        .append(escape(v)).append("</td></tr>\n"));
    h.append("</table>\n<h3>Duration per stage</h3>\n<table><tr><th class=\"k\">stage</th><th>seconds</th></tr>\n");
    run.secondsByStage().forEach((k, v) -> h.append("<tr><td class=\"k\">").append(escape(k)).append("</td><td>")
        .append(escape(String.format(Locale.ROOT, "%.1f", v))).append("</td></tr>\n"));
    h.append("<tr><td class=\"k\"><b>total</b></td><td>").append(escape(String.format(Locale.ROOT, "%.1f", run.secondsTotal())))
        .append("</td></tr></table>\n");
    run.configFiles().forEach((name, text) -> h.append("<details><summary>config: ").append(escape(name))
        .append("</summary><pre>").append(escape(text)).append("</pre></details>\n"));
    h.append("</section>\n");
  }

  private static List<JsonNode> iterable(JsonNode n) {
    List<JsonNode> out = new ArrayList<>();
    if (n != null && n.isArray()) {
      n.forEach(out::add);
    }
    return out;
  }

  private static String value(JsonNode v) {
    return v.isValueNode() ? v.asText() : v.toString();
  }

  private static String pretty(JsonNode n) {
    try {
      return JSON.writeValueAsString(n);
    } catch (JsonProcessingException e) {
      return n.toString();
    }
  }

  private static long sum(Map<String, Long> m) {
    return m.values().stream().mapToLong(Long::longValue).sum();
  }

  static String fmt(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  static String pct(Double p) {
    return p == null ? "–" : String.format(Locale.ROOT, "%.2f%%", p);
  }

  static String bytes(long b) {
    if (b < 1024) {
      return b + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
    double v = b;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }
}
