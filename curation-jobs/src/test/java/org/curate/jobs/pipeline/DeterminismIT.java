package org.curate.jobs.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.curate.jobs.RunAssertions;
import org.curate.jobs.SparkTestSupport;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 item 6: {@code curate run} of the sample pipeline (extract → filter → dedup →
 * decontaminate → train-tokenizer → tokenize), twice, each time in a fresh driver JVM into a
 * clean output folder at the same path (so that paths recorded in rows, manifests and hashes are
 * the same), must produce the same run. Every file is compared; the only allowed differences:
 * <ul>
 *   <li>Spark's part-file names carry a random UUID per write job: files are matched by name with
 *       the UUID blanked out;</li>
 *   <li>Parquet files are compared by their rows (all columns, in file order), not by bytes:
 *       parquet-mr writes each column chunk's set of encodings in hash-set order, which varies
 *       from JVM to JVM (a few bytes of the footer; the data pages are the same);</li>
 *   <li>Hadoop's {@code .name.crc} checksum files are skipped: each is a function of the file
 *       next to it, which is compared itself;</li>
 *   <li>the timing and run-metadata fields listed in {@link #VARYING_FIELDS}, in JSON files only
 *       (everything else in a JSON file, key order included, must be the same);</li>
 *   <li>the report's HTML page, which prints the same run metadata (compared with its marked
 *       run-metadata part cut out).</li>
 * </ul>
 * Everything else, in particular the shards ({@code .bin/.idx/.ids}), the tokenizer files
 * ({@code tokenizer.json}, {@code tokenizer.model}), every {@code _stats.json},
 * {@code report/stats.json}, manifests, cluster listings and the generated input crawl must be
 * byte for byte identical.
 */
class DeterminismIT {
  /**
   * JSON fields that legitimately differ between two runs, and why: {@code seconds} (a stage's wall
   * time, in {@code _stats.json} and each stage entry of {@code report/stats.json}),
   * {@code count_seconds} / {@code merge_seconds} (the tokenizer trainer's phase timings) and
   * {@code run} (the report's run-metadata block: {@code generated_at}, durations, versions,
   * Spark settings; documented as the one varying part of {@code ReportData}).
   */
  static final Set<String> VARYING_FIELDS = Set.of("seconds", "count_seconds", "merge_seconds", "run");

  private static final Path ROOT = Path.of("target", "determinism-it").toAbsolutePath();

  @Test
  void twoRunsOfTheSamplePipelineFromCleanFoldersAreIdentical() throws Exception {
    Path run = ROOT.resolve("run");
    Path first = ROOT.resolve("first");
    deleteRecursively(ROOT);
    Files.createDirectories(ROOT);

    long started = System.nanoTime();
    runToCompletion(run, ROOT.resolve("first.log"));
    Files.move(run, first);
    runToCompletion(run, ROOT.resolve("second.log"));
    System.out.printf("DeterminismIT: two sample runs took %.1f s%n", (System.nanoTime() - started) / 1e9);

    RunAssertions.assertConservedAndChained(run, RunAssertions.SAMPLE_STAGES);
    assertThat(run.resolve("tokenize")).isDirectoryContaining("glob:**.bin").isDirectoryContaining("glob:**.idx");
    assertThat(run.resolve("train-tokenizer/tokenizer.json")).exists();
    assertThat(run.resolve("train-tokenizer/tokenizer.model")).exists();

    TreeMap<String, Path> firstFiles = filesByStableName(first);
    TreeMap<String, Path> secondFiles = filesByStableName(run);
    assertThat(secondFiles.keySet()).as("the files of the two runs").containsExactlyElementsOf(firstFiles.keySet());

    List<String> differences = new ArrayList<>();
    for (var entry : firstFiles.entrySet()) {
      String name = entry.getKey();
      Path a = entry.getValue();
      Path b = secondFiles.get(name);
      if (!sameContent(name, a, b)) {
        differences.add(name);
      }
    }
    assertThat(differences).as("files that differ between the two runs (first run kept in %s)", first).isEmpty();
  }

  private static boolean sameContent(String name, Path a, Path b) throws IOException {
    if (name.endsWith(".parquet")) {
      return parquetRows(a).equals(parquetRows(b));
    }
    if (name.endsWith(".crc")) {
      return true; // Hadoop's checksum of the file next to it, which is compared itself
    }
    if (name.endsWith(".json")) {
      return withoutVaryingFields(a).equals(withoutVaryingFields(b));
    }
    if (name.equals("report/index.html")) {
      return withoutRunBlock(a).equals(withoutRunBlock(b));
    }
    return Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(b));
  }

  /** Spark names part files {@code part-NNNNN-<uuid>-cNNN...}; the UUID is new for every write job. */
  static String stableName(String relative) {
    return relative.replaceAll("part-(\\d+)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "part-$1-*");
  }

  private static TreeMap<String, Path> filesByStableName(Path dir) throws IOException {
    TreeMap<String, Path> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
        String name = stableName(dir.relativize(p).toString().replace('\\', '/'));
        assertThat(files.put(name, p)).as("two files named %s", name).isNull();
      }
    }
    return files;
  }

  private static List<Row> parquetRows(Path file) {
    return SparkTestSupport.spark().read().parquet(file.toString()).collectAsList();
  }

  /** The JSON text without the varying fields, keys in file order (so a changed key order is a difference). */
  private static String withoutVaryingFields(Path json) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    JsonNode node = mapper.readTree(json.toFile());
    removeVaryingFields(node);
    return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(node);
  }

  private static void removeVaryingFields(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.remove(VARYING_FIELDS);
    }
    node.forEach(DeterminismIT::removeVaryingFields);
  }

  /**
   * The report page without its run-metadata part, which {@code HtmlReport} marks with
   * {@code <!-- run-metadata:begin -->} ... {@code <!-- run-metadata:end -->} (date, versions, Spark
   * settings, duration per stage: the HTML rendering of stats.json's {@code run}).
   */
  private static String withoutRunBlock(Path html) throws IOException {
    String page = Files.readString(html, StandardCharsets.UTF_8);
    int start = page.indexOf("<!-- run-metadata:begin -->");
    int end = page.indexOf("<!-- run-metadata:end -->", start);
    assertThat(start).as("run-metadata markers in %s", html).isNotNegative();
    assertThat(end).as("run-metadata markers in %s", html).isGreaterThan(start);
    return page.substring(0, start) + page.substring(end);
  }

  private static void runToCompletion(Path output, Path log) throws IOException, InterruptedException {
    Process driver = ChildRun.start(output, log);
    try {
      boolean ended = driver.waitFor(10, TimeUnit.MINUTES);
      assertThat(ended).as("curate run ended within 10 minutes; log %s", log).isTrue();
      assertThat(driver.exitValue()).as("exit status of curate run; log:%n%s", Files.readString(log)).isZero();
    } finally {
      driver.destroyForcibly();
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
