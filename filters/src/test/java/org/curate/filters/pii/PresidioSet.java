package org.curate.filters.pii;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A labelled Presidio-research set ({@code shared/data/pii-eval/presidio-research/*.json}), read
 * in place (the data is never copied into the repository). Presidio's entity labels map to our
 * types as below; labels we do not detect (PERSON, DOMAIN_NAME, DATE_TIME, ...) are kept as
 * {@code null}-typed spans only so that a hit on them is counted as a false positive.
 */
record PresidioSet(String name, List<Sample> samples) {
  static final Map<String, PiiType> LABELS = Map.of(
      "EMAIL_ADDRESS", PiiType.EMAIL,
      "PHONE_NUMBER", PiiType.PHONE,
      "IP_ADDRESS", PiiType.IP,
      "CREDIT_CARD", PiiType.CARD,
      "IBAN_CODE", PiiType.IBAN,
      "US_SSN", PiiType.SSN);
  static final List<String> FILES = List.of("synth_dataset_v2.json", "generated_large.json");

  /** One sentence with its gold spans of our types (Java string offsets). */
  record Sample(String text, List<PiiSpan> gold) {}

  static PresidioSet load(Path file) throws IOException {
    JsonNode root = new ObjectMapper().readTree(Files.readString(file));
    List<Sample> samples = new ArrayList<>();
    for (JsonNode item : root) {
      String text = item.get("full_text").asText();
      List<PiiSpan> gold = new ArrayList<>();
      for (JsonNode span : item.get("spans")) {
        PiiType type = LABELS.get(span.get("entity_type").asText());
        if (type != null) {
          // Offsets are Python code point indices; Java strings index UTF-16 units.
          int start = text.offsetByCodePoints(0, span.get("start_position").asInt());
          int end = text.offsetByCodePoints(0, span.get("end_position").asInt());
          gold.add(new PiiSpan(type, start, end));
        }
      }
      samples.add(new Sample(text, gold));
    }
    return new PresidioSet(file.getFileName().toString(), samples);
  }

  /**
   * The shared data folder: system property {@code curate.shared.data} (set by surefire), else
   * {@code ../shared/data} next to the repository root; {@code null} if absent.
   */
  static Path sharedData() {
    String prop = System.getProperty("curate.shared.data");
    List<Path> candidates = new ArrayList<>();
    if (prop != null && !prop.isBlank()) {
      candidates.add(Path.of(prop));
    }
    candidates.add(Path.of("..", "shared", "data"));
    candidates.add(Path.of("..", "..", "shared", "data"));
    for (Path p : candidates) {
      if (Files.isDirectory(p.resolve("pii-eval").resolve("presidio-research"))) {
        return p;
      }
    }
    return null;
  }

  static List<PresidioSet> loadAll(Path sharedData) throws IOException {
    List<PresidioSet> sets = new ArrayList<>();
    for (String f : FILES) {
      sets.add(load(sharedData.resolve("pii-eval").resolve("presidio-research").resolve(f)));
    }
    return sets;
  }
}
