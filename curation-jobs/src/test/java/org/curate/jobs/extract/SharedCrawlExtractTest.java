package org.curate.jobs.extract;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.curate.jobs.Curate;
import org.curate.jobs.RunAssertions;
import org.curate.jobs.SparkTestSupport;
import org.curate.jobs.StageOutput;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file of the shared crawl samples (real crawls and 25 broken edge cases) through
 * {@code curate run} (extract, filter) on Spark local[2]: the job succeeds, every record is
 * accounted for in every stage and across stages, each file's records all reach the extract
 * output, and each real file yields exactly one document per HTML response record.
 */
class SharedCrawlExtractTest {
  /** Expected HTML response records per real file, established independently of the extractor. */
  private static final Path EXPECTED = Path.of("../extract/src/test/resources/real-crawl-html-counts.tsv");

  @TempDir static Path tmp;
  static Path run;
  static Path output;
  static Dataset<Row> documents;

  @BeforeAll
  static void extractAll() {
    Path shared = SparkTestSupport.sharedData();
    assumeTrue(shared != null, "shared data folder not present");
    SparkTestSupport.spark();
    run = tmp.resolve("run");
    output = run.resolve("extract");
    int status = Curate.execute("run", "--input", shared.resolve("warc").toString(), "--output", run.toString());
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

  /**
   * Issue 10 item 1: conservation in every stage and counts chaining across stages; and per file,
   * the extract stage (Hadoop file system, Spark tasks) saw exactly as many records, with the same
   * failures, as the plain extractor reading the local file. The CLI tries every non-Parquet,
   * non-JSON file of a folder as a crawl file, README.md included (it yields one failure).
   */
  @Test
  void everyStageConservesAndChainsAndEveryFileIsReadWhole() throws IOException {
    JsonNode extract = RunAssertions.assertConservedAndChained(run);
    Map<String, Long> expectedPerFile = new TreeMap<>();
    Map<String, Long> expectedFailed = new TreeMap<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(SparkTestSupport.sharedData().resolve("warc"), 2)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(50);
    for (Path file : files) {
      expectedPerFile.put(file.getFileName().toString(), RunAssertions.plainResults(file, expectedFailed));
    }
    assertThat(RunAssertions.resultsPerFile(output)).isEqualTo(expectedPerFile);
    assertThat(extract.get("in").asLong()).isEqualTo(expectedPerFile.values().stream().mapToLong(Long::longValue).sum());
    assertThat(RunAssertions.reasons(extract.get("failed"))).isEqualTo(expectedFailed);
  }

  @Test
  void eachRealFileYieldsOneDocumentPerHtmlResponse() throws IOException {
    Map<String, Long> perFile = new HashMap<>();
    // The expected counts are of HTML (and WET text) records: documents parsed by Tika and text/plain responses are not in them.
    Dataset<Row> htmlOrWet = documents.filter(col("extraction_mode").notEqual("document")
        .and(col("extraction_mode").notEqual("plain-text").or(col("http_status").isNull())));
    for (Row r : htmlOrWet.groupBy(col("source.file")).count().collectAsList()) {
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

  /**
   * HTML pages say whether a main block was found, text says it was taken as is, PDF and office
   * files that Tika parsed say document; later stages keep the column.
   */
  @Test
  void extractionModeIsSetPerKindOfRecordAndKeptByTheFilterStage() {
    Map<String, Long> modes = new TreeMap<>();
    for (Row r : documents.groupBy(col("content_type"), col("extraction_mode")).count().collectAsList()) {
      String type = r.isNullAt(0) ? "" : r.getString(0);
      String mode = r.isNullAt(1) ? "null" : r.getString(1);
      List<String> allowed = type.equals("text/plain") ? List.of("plain-text")
          : type.equals("text/html") || type.equals("application/xhtml+xml") ? List.of("article", "fallback")
          : List.of("document");
      assertThat(mode).as("mode of a %s record", type).isIn(allowed);
      modes.merge(mode, r.getLong(2), Long::sum);
    }
    assertThat(modes).containsKeys("article", "fallback", "plain-text", "document");
    System.out.println("extraction modes of the shared crawl: " + modes);
    // The report section counts the same.
    JsonNode section;
    try {
      section = new com.fasterxml.jackson.databind.ObjectMapper().readTree(output.resolve("_report.json").toFile());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    Map<String, Long> reported = new TreeMap<>();
    for (JsonNode row : section.get("tables").get(0).get("rows")) reported.put(row.get(0).asText(), row.get(1).asLong());
    assertThat(reported).isEqualTo(modes);

    Dataset<Row> filtered = SparkTestSupport.spark().read().parquet(run.resolve("filter").toString());
    assertThat(filtered.count()).isPositive();
    long differing = filtered.select("id", "extraction_mode").join(documents.select(col("id"),
        col("extraction_mode").as("extracted_mode")), "id")
        .filter(col("extraction_mode").eqNullSafe(col("extracted_mode")).unary_$bang()).count();
    assertThat(differing).isZero();
    assertThat(filtered.filter(col("extraction_mode").isNull()).count()).isZero();
  }

  /**
   * HTML pages carry the language and publication date they declare, valid values only (a
   * normalised tag; 1990 to a day after the capture); text records carry none; the report section
   * counts the same; the filter stage keeps both columns unchanged.
   */
  @Test
  void declaredLanguageAndPublicationDateReachTheParquetAndAreKept() {
    Dataset<Row> text = documents.filter(col("content_type").equalTo("text/plain"));
    assertThat(text.count()).isPositive();
    assertThat(text.filter(col("lang_hint").isNotNull().or(col("published").isNotNull())).count()).isZero();
    Dataset<Row> html = documents.filter(col("content_type").notEqual("text/plain"));
    long pages = html.count();
    long hinted = html.filter(col("lang_hint").isNotNull()).count();
    long dated = html.filter(col("published").isNotNull()).count();
    System.out.println("declared metadata of the shared crawl's HTML documents: " + pages + " documents, " + hinted
        + " with lang_hint, " + dated + " with published");
    assertThat(hinted).isPositive();
    assertThat(dated).isPositive();
    for (Row r : html.filter(col("lang_hint").isNotNull()).select("lang_hint").distinct().collectAsList()) {
      assertThat(r.getString(0)).matches("[a-z]{2,3}(-[a-z]{4})?(-([a-z]{2}|[0-9]{3}))?");
    }
    assertThat(html.filter(col("published").lt(lit(java.sql.Timestamp.from(java.time.Instant.parse("1990-01-01T00:00:00Z"))))
        .or(col("published").gt(expr("warc_date + INTERVAL 1 DAY")))).count()).as("implausible dates").isZero();

    JsonNode section;
    try {
      section = new com.fasterxml.jackson.databind.ObjectMapper().readTree(output.resolve("_report.json").toFile());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    long reportedHinted = 0;
    long reportedDated = 0;
    for (JsonNode row : section.get("tables").get(0).get("rows")) {
      reportedHinted += row.get(2).asLong();
      reportedDated += row.get(3).asLong();
    }
    assertThat(reportedHinted).isEqualTo(hinted);
    assertThat(reportedDated).isEqualTo(dated);

    Dataset<Row> filtered = SparkTestSupport.spark().read().parquet(run.resolve("filter").toString());
    Dataset<Row> joined = filtered.select("id", "lang_hint", "published").join(documents.select(col("id"),
        col("lang_hint").as("extracted_hint"), col("published").as("extracted_published")), "id");
    assertThat(joined.count()).isEqualTo(filtered.count());
    assertThat(joined.filter(col("lang_hint").eqNullSafe(col("extracted_hint"))
        .and(col("published").eqNullSafe(col("extracted_published"))).unary_$bang()).count()).isZero();
    assertThat(filtered.filter(col("lang_hint").isNotNull()).count()).isPositive();
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
