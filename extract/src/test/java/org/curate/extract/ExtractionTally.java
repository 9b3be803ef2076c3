package org.curate.extract;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.curate.core.Outcome;
import org.curate.extract.html.JsoupMainTextExtractor;

/** Everything extraction yielded for one file, for assertions. */
record ExtractionTally(List<RecordResult> results, List<ExtractedPage> kept, int dropped, int failed,
    Map<String, Integer> failureReasons) {

  static ExtractionTally of(Path file) {
    CrawlFileExtractor extractor = new CrawlFileExtractor(ExtractOptions.defaults(), new JsoupMainTextExtractor());
    List<RecordResult> results = new ArrayList<>();
    List<ExtractedPage> kept = new ArrayList<>();
    Map<String, Integer> failures = new TreeMap<>();
    int dropped = 0;
    int failed = 0;
    try (RecordStream stream = extractor.open(new LocalFileSource(file))) {
      while (stream.hasNext()) {
        RecordResult result = stream.next();
        results.add(result);
        Outcome<ExtractedPage> outcome = result.outcome();
        if (outcome instanceof Outcome.Kept<ExtractedPage> k) {
          kept.add(k.value());
        } else if (outcome instanceof Outcome.Dropped) {
          dropped++;
        } else {
          failed++;
          failures.merge(outcome.reason(), 1, Integer::sum);
        }
      }
    }
    return new ExtractionTally(results, kept, dropped, failed, failures);
  }

  ExtractedPage page(String urlPart) {
    return kept.stream().filter(p -> p.url() != null && p.url().contains(urlPart)).findFirst()
        .orElseThrow(() -> new AssertionError("no kept page with url containing " + urlPart));
  }
}
