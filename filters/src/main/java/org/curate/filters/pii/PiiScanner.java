package org.curate.filters.pii;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs a set of detectors over a text and settles overlaps: where two spans overlap, the one of
 * the higher-priority type ({@link PiiType} order) wins, and within a type the longer one. The
 * result is sorted by position and free of overlaps, ready for replacement.
 */
public final class PiiScanner {
  private static final Comparator<PiiSpan> PRIORITY = Comparator.comparing(PiiSpan::type)
      .thenComparing(Comparator.comparingInt((PiiSpan s) -> s.end() - s.start()).reversed())
      .thenComparingInt(PiiSpan::start);

  private final List<PiiDetector> detectors;

  public PiiScanner(List<PiiDetector> detectors) {
    this.detectors = List.copyOf(detectors);
  }

  /** One detector per type in {@code types}. */
  public static PiiScanner of(Iterable<PiiType> types) {
    List<PiiDetector> detectors = new ArrayList<>();
    for (PiiType type : types) {
      detectors.add(switch (type) {
        case EMAIL -> new EmailDetector();
        case PHONE -> new PhoneDetector();
        case IP -> new IpDetector();
        case CARD -> new CardDetector();
        case IBAN -> new IbanDetector();
        case SSN -> new SsnDetector();
        case SECRET -> new SecretDetector();
      });
    }
    return new PiiScanner(detectors);
  }

  public List<PiiDetector> detectors() {
    return detectors;
  }

  public List<PiiSpan> scan(String text, String lang) {
    List<PiiSpan> found = new ArrayList<>();
    for (PiiDetector detector : detectors) {
      detector.find(text, lang, found);
    }
    if (found.size() <= 1) {
      return found;
    }
    found.sort(PRIORITY);
    List<PiiSpan> kept = new ArrayList<>(found.size());
    for (PiiSpan span : found) {
      if (kept.stream().noneMatch(span::overlaps)) {
        kept.add(span);
      }
    }
    kept.sort(Comparator.comparingInt(PiiSpan::start));
    return kept;
  }
}
