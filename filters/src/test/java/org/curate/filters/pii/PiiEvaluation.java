package org.curate.filters.pii;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Span-level scores of a {@link PiiScanner} on a labelled set, per type. Matching is by overlap:
 * a gold span counts as found (recall) when some predicted span of the same type overlaps it by
 * at least one character; a predicted span counts as correct (precision) when it overlaps some
 * gold span of the same type. A prediction over text labelled with another type (a phone inside
 * a card number, an IP on an unlabelled DOMAIN_NAME) is a false positive. {@code exact} counts
 * gold spans matched with identical boundaries, to show how often overlap hides a boundary error.
 */
final class PiiEvaluation {
  /** Counters of one type. */
  static final class Score {
    int gold;
    int goldFound;
    int goldExact;
    int predicted;
    int predictedCorrect;
    final List<String> misses = new ArrayList<>();
    final List<String> falsePositives = new ArrayList<>();

    double recall() {
      return gold == 0 ? Double.NaN : (double) goldFound / gold;
    }

    double precision() {
      return predicted == 0 ? Double.NaN : (double) predictedCorrect / predicted;
    }
  }

  final Map<PiiType, Score> scores = new EnumMap<>(PiiType.class);
  int documents;
  long nanos;

  static PiiEvaluation run(PiiScanner scanner, List<PresidioSet.Sample> samples, String lang) {
    PiiEvaluation eval = new PiiEvaluation();
    for (PiiType t : PiiType.values()) {
      eval.scores.put(t, new Score());
    }
    for (PresidioSet.Sample sample : samples) {
      long t0 = System.nanoTime();
      List<PiiSpan> predicted = scanner.scan(sample.text(), lang);
      eval.nanos += System.nanoTime() - t0;
      eval.documents++;
      eval.score(sample, predicted);
    }
    return eval;
  }

  private void score(PresidioSet.Sample sample, List<PiiSpan> predicted) {
    String text = sample.text();
    for (PiiSpan g : sample.gold()) {
      Score s = scores.get(g.type());
      s.gold++;
      boolean found = false;
      for (PiiSpan p : predicted) {
        if (p.type() == g.type() && p.overlaps(g)) {
          found = true;
          if (p.start() == g.start() && p.end() == g.end()) {
            s.goldExact++;
          }
        }
      }
      if (found) {
        s.goldFound++;
      } else {
        s.misses.add(quote(g.in(text)) + " in " + quote(text));
      }
    }
    for (PiiSpan p : predicted) {
      Score s = scores.get(p.type());
      s.predicted++;
      if (sample.gold().stream().anyMatch(g -> g.type() == p.type() && g.overlaps(p))) {
        s.predictedCorrect++;
      } else {
        s.falsePositives.add(quote(p.in(text)) + " in " + quote(text));
      }
    }
  }

  double docsPerSecond() {
    return nanos == 0 ? Double.NaN : documents / (nanos / 1e9);
  }

  String report(String title, boolean listErrors) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%s: %d docs, %.0f docs/s%n", title, documents, docsPerSecond()));
    sb.append(String.format(Locale.ROOT, "  %-7s %5s %5s %6s %5s %5s %9s %9s%n", "type", "gold", "found", "exact",
        "pred", "ok", "recall", "precision"));
    scores.forEach((type, s) -> {
      if (s.gold > 0 || s.predicted > 0) {
        sb.append(String.format(Locale.ROOT, "  %-7s %5d %5d %6d %5d %5d %9.3f %9.3f%n", type.code(), s.gold,
            s.goldFound, s.goldExact, s.predicted, s.predictedCorrect, s.recall(), s.precision()));
      }
    });
    if (listErrors) {
      scores.forEach((type, s) -> {
        s.misses.forEach(m -> sb.append("  miss ").append(type.code()).append(": ").append(m).append('\n'));
        s.falsePositives.forEach(m -> sb.append("  fp   ").append(type.code()).append(": ").append(m).append('\n'));
      });
    }
    return sb.toString();
  }

  private static String quote(String s) {
    String flat = s.replace("\n", "\\n");
    return "\"" + (flat.length() > 160 ? flat.substring(0, 160) + "…" : flat) + "\"";
  }
}
