package org.curate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.curate.core.Document;
import org.curate.core.Outcome;
import org.curate.demo.SampleCrawl;
import org.curate.extract.CrawlFileExtractor;
import org.curate.extract.ExtractOptions;
import org.curate.extract.ExtractedPage;
import org.curate.extract.LocalFileSource;
import org.curate.extract.RecordResult;
import org.curate.extract.RecordStream;
import org.curate.extract.html.JsoupMainTextExtractor;

/**
 * Documents to benchmark document steps on: the main texts of crawl files (the built-in sample
 * when none are given), as the filter stage sees them after extraction.
 */
final class BenchCorpus {
  private BenchCorpus() {}

  static List<Document> load(List<Path> crawlFiles) throws IOException {
    List<Path> files = new ArrayList<>(crawlFiles);
    if (files.isEmpty()) {
      Path dir = Files.createTempDirectory("curate-bench-sample");
      Path warc = dir.resolve(SampleCrawl.WARC_NAME);
      SampleCrawl.write(warc, dir.resolve("benchmarks"));
      files.add(warc);
    }
    List<Document> docs = new ArrayList<>();
    CrawlFileExtractor extractor = new CrawlFileExtractor(ExtractOptions.defaults(), new JsoupMainTextExtractor());
    for (Path file : files) {
      try (RecordStream records = extractor.open(new LocalFileSource(file))) {
        while (records.hasNext()) {
          RecordResult r = records.next();
          if (r.outcome() instanceof Outcome.Kept<ExtractedPage> kept && !kept.value().text().isBlank()) {
            ExtractedPage p = kept.value();
            docs.add(new Document(p.id(), p.url(), p.lang(), null, p.title(), p.text(), null));
          }
        }
      }
    }
    return docs;
  }

  /**
   * The labelled sentences of the Presidio evaluation sets ({@code *.json} in {@code dir}: an array
   * of objects with {@code full_text}), joined with blank lines, in file order, into documents of
   * about {@code targetChars}: text dense with e-mails, phones, cards, IBANs and addresses, which
   * the crawl sample has few of.
   */
  static List<Document> piiTexts(Path dir, int targetChars) throws IOException {
    List<Path> files;
    try (var listing = Files.list(dir)) {
      files = listing.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
    }
    ObjectMapper json = new ObjectMapper();
    List<Document> docs = new ArrayList<>();
    for (Path file : files) {
      String name = file.getFileName().toString();
      StringBuilder text = new StringBuilder();
      for (JsonNode sample : json.readTree(file.toFile())) {
        if (text.length() > 0) {
          text.append("\n\n");
        }
        text.append(sample.get("full_text").asText());
        if (text.length() >= targetChars) {
          docs.add(Document.of("pii-eval/" + name + "/" + docs.size(), null, text.toString()));
          text.setLength(0);
        }
      }
      if (text.length() > 0) {
        docs.add(Document.of("pii-eval/" + name + "/" + docs.size(), null, text.toString()));
      }
    }
    return docs;
  }
}
