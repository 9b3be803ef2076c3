package org.curate.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * What the extract stage makes of crawl files, written so that two versions of the extractor can
 * be compared: {@code OUT/records.tsv} (one line per record: key, URL, kept/dropped/failed,
 * reason, text chars) and {@code OUT/texts/<key>.txt} for every kept record; prints records per
 * outcome and reason, and the total characters kept. Uses only the extract module's public API,
 * so the same class runs against an older build's classes (put them first on the class path).
 *
 * <p>{@code CrawlExtractionDump OUT [--sample] [crawl files...]}: {@code --sample} adds the
 * built-in sample crawl (written to {@code OUT/sample}).
 */
public final class CrawlExtractionDump {
  private CrawlExtractionDump() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    List<Path> files = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      if (args[i].equals("--sample")) {
        Path warc = out.resolve("sample").resolve(SampleCrawl.WARC_NAME);
        SampleCrawl.write(warc, out.resolve("sample").resolve("benchmarks"));
        files.add(warc);
      } else {
        files.add(Path.of(args[i]));
      }
    }
    Files.createDirectories(out.resolve("texts"));
    Map<String, Integer> byOutcome = new TreeMap<>();
    long keptChars = 0;
    int kept = 0;
    int keptEmpty = 0;
    try (PrintWriter tsv = new PrintWriter(Files.newBufferedWriter(out.resolve("records.tsv"), StandardCharsets.UTF_8))) {
      for (Path file : files) {
        CrawlFileExtractor extractor = new CrawlFileExtractor(ExtractOptions.defaults(), new JsoupMainTextExtractor());
        int n = 0;
        try (RecordStream records = extractor.open(new LocalFileSource(file))) {
          while (records.hasNext()) {
            RecordResult r = records.next();
            String key = file.getFileName() + "#" + n++;
            Outcome<ExtractedPage> o = r.outcome();
            String kind = o instanceof Outcome.Kept ? "kept" : o instanceof Outcome.Dropped ? "dropped" : "failed";
            int chars = 0;
            if (o instanceof Outcome.Kept<ExtractedPage> k) {
              String text = k.value().text();
              chars = text.length();
              kept++;
              keptChars += chars;
              if (text.isBlank()) keptEmpty++;
              Files.writeString(out.resolve("texts").resolve(key + ".txt"), text, StandardCharsets.UTF_8);
            }
            String reason = o.reason() == null ? "" : o.reason();
            byOutcome.merge(reason.isEmpty() ? kind : kind + " " + reason, 1, Integer::sum);
            tsv.println(key + "\t" + r.ref().url() + "\t" + kind + "\t" + reason + "\t" + chars);
          }
        }
      }
    }
    byOutcome.forEach((k, v) -> System.out.printf("%-40s %6d%n", k, v));
    System.out.printf("kept %d (empty text %d), text chars %d%n", kept, keptEmpty, keptChars);
  }
}
