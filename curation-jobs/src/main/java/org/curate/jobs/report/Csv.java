package org.curate.jobs.report;

import java.util.List;

/** RFC 4180 CSV lines (comma, CRLF-free: rows end with \n), readable by Python's csv module and pandas. */
final class Csv {
  private Csv() {}

  static String row(List<?> fields) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        s.append(',');
      }
      s.append(field(fields.get(i)));
    }
    return s.append('\n').toString();
  }

  static String field(Object v) {
    if (v == null) {
      return "";
    }
    String t = v instanceof Double d ? Svg.num(d) : v.toString();
    if (t.indexOf(',') >= 0 || t.indexOf('"') >= 0 || t.indexOf('\n') >= 0 || t.indexOf('\r') >= 0) {
      return '"' + t.replace("\"", "\"\"") + '"';
    }
    return t;
  }
}
