package org.curate.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.curate.jobs.Curate;
import org.curate.jobs.RunAssertions;
import org.curate.jobs.SparkTestSupport;
import org.curate.jobs.StageOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code curate run} with no input: the built-in sample crawl through every stage, with a report. */
class RunCommandTest {

  @Test
  void runsEveryStageOnTheBuiltInSampleAndWritesTheReport(@TempDir Path tmp) throws IOException {
    SparkTestSupport.spark();
    Path out = tmp.resolve("demo");

    assertThat(Curate.execute("run", "--output", out.toString())).isZero();

    JsonNode manifest = new ObjectMapper().readTree(out.resolve("input/manifest.json").toFile());
    JsonNode report = new ObjectMapper().readTree(out.resolve("report/stats.json").toFile());
    assertThat(report.get("stages")).extracting(s -> s.get("name").asText())
        .containsExactly("extract", "filter", "dedup", "decontaminate", "train-tokenizer", "tokenize");
    assertThat(Files.readString(out.resolve("report/index.html"))).contains("extract").contains("warc:revisit");

    JsonNode extract = StageOutput.assertConserved(out.resolve("extract"));
    assertThat(extract.get("in").asInt()).isEqualTo(manifest.get("totalRecords").asInt());
    // Every HTML response becomes a document, whatever its status: the 200 pages, the 301s and the 404s;
    // and so does every PDF (Tika). The sample's one text/plain response is a robots.txt, dropped.
    JsonNode status = manifest.get("responsesByStatus");
    assertThat(extract.get("out").asInt())
        .isEqualTo(manifest.get("htmlPages").asInt() + status.get("301").asInt() + status.get("404").asInt()
            + manifest.get("nonHtmlByMimeType").get("application/pdf").asInt());
    assertThat(extract.get("dropped").get("warc:revisit").asInt()).isEqualTo(manifest.get("revisits").asInt());
    assertThat(extract.get("dropped").get("warc:request").asInt())
        .isEqualTo(manifest.get("recordsByType").get("request").asInt());
    // The broken records: garbage HTTP head, undecodable body, truncated gzip member (the unknown
    // charset labels are decoded through <meta> or detection, so they are documents, not failures).
    assertThat(extract.get("failed").get("http:parse-error").asInt()).isEqualTo(1);
    assertThat(extract.get("failed").get("http:undecodable-body").asInt()).isEqualTo(1);
    assertThat(StageOutput.sum(extract.get("failed"))).isEqualTo(3);

    // The stats of the stage and the run agree, and the stages chain: out of one = in of the next.
    assertThat(report.get("stages").get(0).get("out")).isEqualTo(extract.get("out"));
    JsonNode filter = StageOutput.assertConserved(out.resolve("filter"));
    RunAssertions.assertConservedAndChained(out, RunAssertions.SAMPLE_STAGES);
    assertThat(filter.get("in")).isEqualTo(extract.get("out"));
    // The demo chain: the sample's adult hosts, its profane pages, quality rules and PII redaction.
    assertThat(filter.get("dropped").get("url_blocklist:domain").asInt()).isEqualTo(manifest.get("adultPages").asInt());
    assertThat(filter.get("dropped").get("bad_words:any").asInt()).isEqualTo(manifest.get("profanePages").asInt());
    assertThat(filter.get("dropped").get("gopher_quality:word_count_low").asInt()).isPositive();
    assertThat(filter.get("changed").get("pii:email").asInt()).isPositive();
    // The language filter runs first: every kept page has a language, and the sample's other
    // languages survive the English-only stop-word rule.
    List<String> langs = SparkTestSupport.spark().read().parquet(out.resolve("filter").toString())
        .select("lang").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    assertThat(langs).doesNotContainNull();
    assertThat(new java.util.TreeSet<>(langs)).hasSizeGreaterThanOrEqualTo(5);
    List<String> texts = SparkTestSupport.spark().read().parquet(out.resolve("filter").toString())
        .select("text").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    assertThat(String.join("\n", texts)).contains("<EMAIL>")
        .doesNotContainPattern("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[a-z]{2,}")
        .doesNotContainPattern("\\b(?:\\d[ -]?){13,19}\\b");
    // Decontamination: exactly the pages that quote a demo benchmark question (whitespace
    // collapsed, case ignored) are dropped under the benchmark's reason, and the stages chain.
    // Dedup: the sample's planted copies go, and the stages chain.
    JsonNode dedup = StageOutput.assertConserved(out.resolve("dedup"));
    assertThat(dedup.get("in")).isEqualTo(filter.get("out"));
    assertThat(StageOutput.sum(dedup.get("dropped"))).isPositive();
    assertThat(out.resolve("dedup/_clusters")).isDirectory();
    List<String> deduped = SparkTestSupport.spark().read().parquet(out.resolve("dedup").toString())
        .select("text").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    assertThat(new java.util.HashSet<>(deduped)).hasSameSizeAs(deduped);

    JsonNode decontam = StageOutput.assertConserved(out.resolve("decontaminate"));
    assertThat(decontam.get("in")).isEqualTo(dedup.get("out"));
    List<String> questions = new java.util.ArrayList<>();
    for (String line : Files.readAllLines(out.resolve("input/benchmarks/demo_qa.jsonl"))) {
      questions.add(normalized(new ObjectMapper().readTree(line).get("question").asText()));
    }
    long quoting = deduped.stream().map(RunCommandTest::normalized).filter(t -> questions.stream().anyMatch(t::contains)).count();
    assertThat(quoting).isPositive().isLessThanOrEqualTo(manifest.get("contaminatedPages").asInt());
    assertThat(decontam.get("dropped").get("decontam:demo_qa").asLong()).isEqualTo(quoting);

    // The tokenizer is trained on the decontaminated documents and every one of them is in a shard.
    JsonNode tokenize = StageOutput.assertConserved(out.resolve("tokenize"));
    assertThat(tokenize.get("in")).isEqualTo(decontam.get("out"));
    assertThat(out.resolve("train-tokenizer/tokenizer.model")).exists();
    JsonNode shards = new ObjectMapper().readTree(out.resolve("tokenize/manifest.json").toFile());
    assertThat(shards.get("documents").asLong()).isEqualTo(decontam.get("out").asLong());
    assertThat(shards.get("tokens").asLong()).isGreaterThan(shards.get("documents").asLong() * 50);

    // The report carries each stage's own section: dedup clusters, per-benchmark contamination, tokens.
    String html = Files.readString(out.resolve("report/index.html"));
    assertThat(html).contains("Deduplication", "clusters by size", "Decontamination", "demo_qa", "Tokenized shards");
    JsonNode dedupSection = new ObjectMapper().readTree(out.resolve("dedup/_report.json").toFile());
    long clustered = 0;
    for (JsonNode row : dedupSection.get("tables").get(0).get("rows")) {
      clustered += (row.get(1).asLong() - 1) * row.get(2).asLong();
    }
    assertThat(clustered).isEqualTo(dedup.get("dropped").get("dedup:exact").asLong() + dedup.get("dropped").get("dedup:minhash").asLong());
  }

  private static String normalized(String text) {
    return text.replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
  }
}
