package org.curate.jobs.report;

import static org.curate.jobs.report.Html.escape;

import java.util.List;
import java.util.Locale;

/** Inline SVG charts for the report, drawn from numbers; every label goes through {@link Html#escape}. */
final class Svg {
  private Svg() {}

  /** One bar: its label (may be crawled text), its value, the text printed after it and a CSS class. */
  record Bar(String label, double value, String valueText, String cssClass) {}

  /** Horizontal bars, one per row, scaled to the largest value. */
  static String hbars(String id, String caption, List<Bar> bars) {
    int labelW = 250;
    int barW = 520;
    int textW = 230;
    int rowH = 24;
    int top = 8;
    int height = top * 2 + rowH * Math.max(1, bars.size());
    double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
    StringBuilder s = new StringBuilder(512 + bars.size() * 300);
    s.append("<svg class=\"chart\" id=\"").append(escape(id)).append("\" role=\"img\" width=\"").append(labelW + barW + textW)
        .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(labelW + barW + textW).append(' ')
        .append(height).append("\" xmlns=\"http://www.w3.org/2000/svg\"><title>").append(escape(caption)).append("</title>\n");
    for (int i = 0; i < bars.size(); i++) {
      Bar b = bars.get(i);
      int y = top + i * rowH;
      double w = max <= 0 ? 0 : Math.max(b.value() > 0 ? 1 : 0, barW * b.value() / max);
      s.append("<g><title>").append(escape(b.label())).append(": ").append(escape(b.valueText())).append("</title>")
          .append("<text x=\"").append(labelW - 6).append("\" y=\"").append(y + 16)
          .append("\" text-anchor=\"end\" class=\"lbl\">").append(escape(shorten(b.label(), 38))).append("</text>")
          .append("<rect class=\"").append(escape(b.cssClass())).append("\" x=\"").append(labelW).append("\" y=\"")
          .append(y + 3).append("\" width=\"").append(num(w)).append("\" height=\"").append(rowH - 6).append("\"/>")
          .append("<text x=\"").append(num(labelW + w + 6)).append("\" y=\"").append(y + 16).append("\" class=\"val\">")
          .append(escape(b.valueText())).append("</text></g>\n");
    }
    return s.append("</svg>\n").toString();
  }

  /** Vertical bars of a histogram, with the first and last edge and the tallest count on the axes. */
  static String histogram(String id, Histogram h) {
    int w = 380;
    int ht = 150;
    int left = 46;
    int bottom = 22;
    int n = h.counts().size();
    long max = h.counts().stream().mapToLong(Long::longValue).max().orElse(0);
    double bw = (double) (w - left - 4) / Math.max(1, n);
    StringBuilder s = new StringBuilder(600 + n * 160);
    s.append("<svg class=\"hist\" id=\"").append(escape(id)).append("\" role=\"img\" width=\"").append(w)
        .append("\" height=\"").append(ht).append("\" viewBox=\"0 0 ").append(w).append(' ').append(ht)
        .append("\" xmlns=\"http://www.w3.org/2000/svg\"><title>").append(escape(h.metric())).append("</title>\n")
        .append("<line class=\"axis\" x1=\"").append(left).append("\" y1=\"").append(ht - bottom).append("\" x2=\"")
        .append(w - 2).append("\" y2=\"").append(ht - bottom).append("\"/>\n");
    int plotH = ht - bottom - 8;
    for (int i = 0; i < n; i++) {
      long c = h.counts().get(i);
      double bh = max == 0 ? 0 : plotH * (double) c / max;
      s.append("<rect class=\"bin\" x=\"").append(num(left + i * bw + 0.5)).append("\" y=\"")
          .append(num(ht - bottom - bh)).append("\" width=\"").append(num(Math.max(0.5, bw - 1))).append("\" height=\"")
          .append(num(bh)).append("\"><title>[").append(escape(num(h.edges().get(i)))).append(", ")
          .append(escape(num(h.edges().get(i + 1)))).append(i == n - 1 && !"integer".equals(h.scale()) ? "]" : ")")
          .append(": ").append(c).append("</title></rect>\n");
    }
    s.append("<text class=\"tick\" x=\"").append(left).append("\" y=\"").append(ht - 6).append("\">")
        .append(escape(num(h.edges().get(0)))).append("</text>")
        .append("<text class=\"tick\" x=\"").append(w - 2).append("\" y=\"").append(ht - 6)
        .append("\" text-anchor=\"end\">").append(escape(num(h.edges().get(n)))).append("</text>")
        .append("<text class=\"tick\" x=\"").append(left - 4).append("\" y=\"").append(14)
        .append("\" text-anchor=\"end\">").append(max).append("</text>")
        .append("<text class=\"tick\" x=\"").append(left - 4).append("\" y=\"").append(ht - bottom)
        .append("\" text-anchor=\"end\">0</text>\n");
    return s.append("</svg>\n").toString();
  }

  static String shorten(String s, int max) {
    if (s == null) {
      return "";
    }
    return s.codePointCount(0, s.length()) <= max ? s : s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
  }

  /** A number for SVG/labels: integers without decimals, else up to 4 decimals, Locale.ROOT. */
  static String num(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    String t = String.format(Locale.ROOT, "%.4f", v);
    t = t.replaceAll("0+$", "");
    return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
  }
}
