package org.curate.jobs.report;

import java.util.List;
import java.util.Map;

/** A minimal static HTML page of the run's per-stage counts; no scripts, no external assets. */
final class HtmlReport {
  private HtmlReport() {}

  static String render(List<StageReport> stages) {
    StringBuilder html = new StringBuilder(4096);
    html.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>curate run report</title>\n")
        .append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:1.5em}")
        .append("td,th{border:1px solid #ccc;padding:4px 10px;text-align:right}td:first-child,th:first-child{text-align:left}")
        .append("</style></head><body>\n<h1>curate run report</h1>\n");
    html.append("<h2>Stages</h2>\n<table><tr><th>stage</th><th>in</th><th>out</th><th>dropped</th><th>failed</th>")
        .append("<th>kept %</th><th>seconds</th></tr>\n");
    for (StageReport s : stages) {
      long dropped = s.dropped().values().stream().mapToLong(Long::longValue).sum();
      long failed = s.failed().values().stream().mapToLong(Long::longValue).sum();
      html.append("<tr><td>").append(escape(s.name())).append("</td><td>").append(s.in()).append("</td><td>")
          .append(s.out()).append("</td><td>").append(dropped).append("</td><td>").append(failed).append("</td><td>")
          .append(s.in() == 0 ? "-" : String.format(java.util.Locale.ROOT, "%.1f", 100.0 * s.out() / s.in()))
          .append("</td><td>").append(s.seconds()).append("</td></tr>\n");
    }
    html.append("</table>\n");
    for (StageReport s : stages) {
      html.append("<h2>").append(escape(s.name())).append(": reasons</h2>\n");
      reasons(html, "dropped", s.dropped());
      reasons(html, "failed", s.failed());
    }
    return html.append("</body></html>\n").toString();
  }

  private static void reasons(StringBuilder html, String kind, Map<String, Long> counts) {
    if (counts.isEmpty()) {
      html.append("<p>").append(kind).append(": none</p>\n");
      return;
    }
    html.append("<table><tr><th>").append(kind).append(" reason</th><th>count</th></tr>\n");
    counts.forEach((reason, n) -> html.append("<tr><td>").append(escape(reason)).append("</td><td>").append(n)
        .append("</td></tr>\n"));
    html.append("</table>\n");
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
