package org.curate.jobs.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.curate.demo.SampleCrawl;
import org.curate.extract.ExtractOptions;
import org.curate.extract.document.DocumentLimits;
import org.curate.jobs.io.SerializableHadoopConf;
import org.curate.jobs.spark.DocumentSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The executor side of extract, without Spark: the options it is built with are the ones it applies. */
class ExtractFileTest {

  @Test
  void documentLimitsSurviveSerialisationAndReachTheParser(@TempDir Path tmp) throws Exception {
    Path warc = tmp.resolve("sample-crawl.warc.gz");
    SampleCrawl.write(warc, tmp.resolve("benchmarks"));

    Map<String, Integer> defaults = outcomes(ExtractOptions.defaults(), warc);
    Map<String, Integer> tiny = outcomes(ExtractOptions.defaults().withDocuments(new DocumentLimits(100, 1_000, 20_000)), warc);

    // The sample's PDFs are documents by default and too large for a 100-byte document limit;
    // nothing else changes.
    int pdfs = defaults.getOrDefault("kept/document", 0);
    assertThat(pdfs).isPositive();
    assertThat(tiny).doesNotContainKey("kept/document");
    assertThat(tiny.get("dropped/payload:too-large")).isEqualTo(defaults.getOrDefault("dropped/payload:too-large", 0) + pdfs);
    assertThat(tiny.values().stream().mapToInt(Integer::intValue).sum())
        .isEqualTo(defaults.values().stream().mapToInt(Integer::intValue).sum());
  }

  /** Outcome counts by {@code kept/<extraction_mode>} or {@code <outcome>/<reason>}, from a serialised copy, as Spark ships it. */
  private static Map<String, Integer> outcomes(ExtractOptions options, Path warc) throws Exception {
    ExtractFile function = roundTrip(new ExtractFile(new SerializableHadoopConf(new Configuration()), options));
    Map<String, Integer> counts = new TreeMap<>();
    Iterator<Row> rows = function.call(warc.toUri().toString());
    while (rows.hasNext()) {
      Row r = rows.next();
      String outcome = r.getString(DocumentSchema.OUTCOME.fieldIndex("outcome"));
      String key = outcome.equals(DocumentSchema.KEPT)
          ? "kept/" + r.getString(DocumentSchema.OUTCOME.fieldIndex("extraction_mode"))
          : outcome + "/" + r.getString(DocumentSchema.OUTCOME.fieldIndex("reason"));
      counts.merge(key, 1, Integer::sum);
    }
    return counts;
  }

  private static ExtractFile roundTrip(ExtractFile function) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(function);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (ExtractFile) in.readObject();
    }
  }
}
