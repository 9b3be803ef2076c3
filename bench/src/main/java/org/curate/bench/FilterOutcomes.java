package org.curate.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.curate.core.Document;
import org.curate.core.DocumentStep;
import org.curate.core.Outcome;

/**
 * Every outcome of a set of document steps over a corpus, one line per step and document, so that
 * a speed change can be checked to leave every decision as it was: kept or dropped, reason and
 * detail, change codes, language and score, the resulting text (as a hash) and every tag value
 * (exactly, {@link Double#toString}). Lines of one step are also summed up in a SHA-256 digest, so
 * a short file of digests is enough to compare against, and a mismatch names the step.
 */
final class FilterOutcomes {
  private final Map<String, List<String>> linesByStep = new LinkedHashMap<>();

  /** Runs {@code step} on every document and records what became of each. */
  void record(String stepName, DocumentStep step, List<Document> docs) {
    List<String> lines = new ArrayList<>(docs.size());
    for (int i = 0; i < docs.size(); i++) {
      lines.add(stepName + "\t" + i + "\t" + docs.get(i).id() + "\t" + describe(step.apply(docs.get(i))));
    }
    linesByStep.put(stepName, lines);
  }

  Map<String, List<String>> linesByStep() {
    return linesByStep;
  }

  /** Step name → hex SHA-256 of its lines, in recording order. */
  Map<String, String> digests() {
    Map<String, String> out = new LinkedHashMap<>();
    linesByStep.forEach((step, lines) -> out.put(step, sha256(String.join("\n", lines))));
    return out;
  }

  static String describe(Outcome<Document> o) {
    if (o instanceof Outcome.Kept<Document> k) {
      return "kept\t\t" + String.join(",", k.changes()) + "\t\t" + describe(k.value());
    }
    if (o instanceof Outcome.Dropped<Document> d) {
      return "dropped\t" + d.reason() + "\t\t" + oneLine(d.detail()) + "\t" + (d.value() == null ? "-" : describe(d.value()));
    }
    Outcome.Failed<Document> f = (Outcome.Failed<Document>) o;
    return "failed\t" + f.reason() + "\t\t" + oneLine(f.detail()) + "\t-";
  }

  private static String describe(Document d) {
    StringBuilder tags = new StringBuilder();
    d.tags().forEach((name, value) -> tags.append(name).append('=').append(value).append(' '));
    return d.lang() + "\t" + d.langScore() + "\t" + sha256(d.text()).substring(0, 16) + "\t" + d.text().length()
        + "\t" + tags.toString().trim();
  }

  private static String oneLine(String s) {
    return s.replace('\n', ' ').replace('\t', ' ');
  }

  static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
