package org.curate.filters.quality;

import java.util.TreeMap;
import org.curate.core.Document;
import org.curate.core.Outcome;

/**
 * What one filter measured on one document, and the first rule that failed. Every measure
 * becomes a tag {@code <filter>.<measure>}; the outcome is a drop with reason
 * {@code <filter>:<rule>} and detail {@code <measure>=<value> limit=<threshold>}, carrying the
 * tagged document so a tag-only chain can keep it. Rules are checked in the order the filter
 * calls {@link #check}: the first failure is the reason, later measures are still tagged.
 */
final class Measures {
  private final String filter;
  private final TreeMap<String, Double> tags = new TreeMap<>();
  private String reason;
  private String detail;

  Measures(String filter) {
    this.filter = filter;
  }

  Measures put(String measure, double value) {
    tags.put(filter + "." + measure, value);
    return this;
  }

  /** Records {@code rule} as the reason if {@code failed} and no earlier rule failed. */
  void check(boolean failed, String rule, String measure, double value, double limit) {
    if (failed && reason == null) {
      reason = filter + ":" + rule;
      detail = measure + "=" + format(value) + " limit=" + format(limit);
    }
  }

  /** Records a failure that has no threshold, such as an empty document. */
  void fail(String rule, String why) {
    if (reason == null) {
      reason = filter + ":" + rule;
      detail = why;
    }
  }

  boolean failed() {
    return reason != null;
  }

  String reason() {
    return reason;
  }

  Document tag(Document document) {
    return document.withTags(tags);
  }

  Outcome<Document> outcome(Document document) {
    Document measured = tag(document);
    return reason == null ? Outcome.keep(measured) : Outcome.drop(reason, detail, measured);
  }

  static String format(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(Math.round(v * 1e4) / 1e4);
  }
}
