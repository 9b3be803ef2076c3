package org.curate.jobs.extract;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.curate.jobs.Curate;
import org.curate.jobs.SparkTestSupport;
import org.curate.jobs.StageOutput;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file of the shared crawl samples (real crawls and 25 broken edge cases) through the
 * extract stage on Spark local[2]: the job succeeds, every record is accounted for, and each real
 * file yields exactly one document per HTML response record.
 */
class SharedCrawlExtractTest {
  /** Expected HTML response records per real file, established independently of the extractor. */
  private static final Path EXPECTED = Path.of("../extract/src/test/resources/real-crawl-html-counts.tsv");

  @TempDir static Path tmp;
  static Path output;
  static Dataset<Row> documents;

  @BeforeAll
  static void extractAll() {
    Path shared = SparkTestSupport.sharedData();
    assumeTrue(shared != null, "shared data folder not present");
    SparkTestSupport.spark();
    output = tmp.resolve("extract");
    int status = Curate.execute("extract", "--input", shared.resolve("warc").toString(), "--output", output.toString());
    assertThat(status).isZero();
    documents = SparkTestSupport.spark().read().parquet(output.toString()).cache();
  }

  @Test
  void everyRecordIsAccountedFor() {
    JsonNode stats = StageOutput.assertConserved(output);
    long rejects = SparkTestSupport.spark().read().parquet(output.resolve("_rejects").toString()).count();
    assertThat(rejects).isEqualTo(StageOutput.sum(stats.get("dropped")) + StageOutput.sum(stats.get("failed")));
    assertThat(stats.get("out").asLong()).isEqualTo(documents.count());
    assertThat(stats.get("dropped").get("warc:request").asLong()).isPositive();
  }

  @Test
  void eachRealFileYieldsOneDocumentPerHtmlResponse() throws IOException {
    Map<String, Long> perFile = new HashMap<>();
    for (Row r : documents.groupBy(col("source.file")).count().collectAsList()) {
      perFile.put(r.getString(0), r.getLong(1));
    }
    List<String> lines = Files.readAllLines(EXPECTED);
    int checked = 0;
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("#") || line.startsWith("path\t")) {
        continue;
      }
      String[] cols = line.split("\t");
      String file = cols[0];
      if (file.contains("edge-cases/")) {
        continue;
      }
      long expected = Long.parseLong(cols[1]);
      long actual = perFile.entrySet().stream().filter(e -> e.getKey().endsWith("/" + file))
          .mapToLong(Map.Entry::getValue).sum();
      assertThat(actual).as("documents extracted from %s", file).isEqualTo(expected);
      checked++;
    }
    assertThat(checked).as("real crawl files checked").isGreaterThanOrEqualTo(25);
  }

  @Test
  void nonUtf8PagesDecodeWithoutReplacementCharacters() {
    List<Row> cyrillic = documents.filter(col("charset").equalTo("windows-1251")).select("text").collectAsList();
    assertThat(cyrillic).isNotEmpty();
    assertThat(cyrillic).allSatisfy(r -> assertThat(r.getString(0)).doesNotContain("\uFFFD").containsPattern("\\p{IsCyrillic}{4,}"));
    List<Row> chinese = documents.filter(col("source.file").endsWith("resiliparse__warcfile.warc.gz")
        .and(col("charset").isin("GBK", "GB18030", "GB2312"))).select("title", "text").collectAsList();
    assertThat(chinese).hasSizeGreaterThanOrEqualTo(4);
    assertThat(chinese).allSatisfy(r -> assertThat(r.getString(0) + r.getString(1)).doesNotContain("\uFFFD"));
    // One of the GBK pages is an English company page; the others are Chinese.
    assertThat(chinese).filteredOn(r -> (r.getString(0) + r.getString(1)).matches("(?s).*\\p{IsHan}{4,}.*"))
        .hasSizeGreaterThanOrEqualTo(chinese.size() - 1);
    List<Row> japanese = documents.filter(col("source.file").endsWith("clueweb-quirk.warc.gz")).select("text").collectAsList();
    assertThat(japanese).hasSize(29);
    assertThat(japanese).allSatisfy(r -> assertThat(r.getString(0)).doesNotContain("\uFFFD"));
  }
}
