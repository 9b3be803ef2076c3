package org.curate.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault injection: a task dies on its first attempt (master local[2,3] allows retries) and the
 * stage still writes exactly what an undisturbed run writes, with the same counts.
 */
class TaskRetryIT {

  @Test
  void aTaskThatDiesOnceIsRetriedToTheUndisturbedResult(@TempDir Path tmp) throws Exception {
    Path input = tmp.resolve("docs.jsonl");
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      lines.add("{\"id\":\"doc-" + i + "\",\"text\":\"document number " + i + " with some words in it\"}");
    }
    Files.write(input, lines, StandardCharsets.UTF_8);

    Path flaky = run(tmp, input, "flaky", true);
    Path calm = run(tmp, input, "calm", false);

    SparkSession spark = SparkSession.builder().master("local[1]").appName("compare")
        .config("spark.ui.enabled", "false").getOrCreate();
    try {
      List<Row> a = spark.read().parquet(flaky.toString()).orderBy("id").collectAsList();
      List<Row> b = spark.read().parquet(calm.toString()).orderBy("id").collectAsList();
      assertThat(a).hasSize(300).isEqualTo(b);
      String statsA = Files.readString(flaky.resolve("_stats.json")).replaceAll("\"seconds\" : [0-9.]+", "");
      String statsB = Files.readString(calm.resolve("_stats.json")).replaceAll("\"seconds\" : [0-9.]+", "");
      assertThat(statsA).isEqualTo(statsB);
    } finally {
      spark.stop();
    }
  }

  /** Runs {@code curate filter} in a child JVM with local[2,3]; returns the output folder. */
  private static Path run(Path tmp, Path input, String name, boolean injectFault)
      throws IOException, InterruptedException {
    Path config = tmp.resolve(name + ".yaml");
    Files.writeString(config, "filters:\n  - filter: test_fail_first_attempt\n    enabled: " + injectFault + "\n");
    Path output = tmp.resolve(name);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(Arrays.asList(System.getProperty("curate.spark.jvm.opens").trim().split("\\s+")));
    command.addAll(List.of("-Xmx1g", "-cp", System.getProperty("java.class.path"), "org.curate.jobs.Curate", "filter",
        "--master", "local[2,3]", "--conf", "spark.ui.enabled=false", "--input", input.toString(),
        "--filters", config.toString(), "--output", output.toString()));
    Path log = tmp.resolve(name + ".log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    Process process = builder.start();
    assertThat(process.waitFor(4, TimeUnit.MINUTES)).as("finished").isTrue();
    String printed = Files.readString(log);
    assertThat(process.exitValue()).as("exit status; output:%n%s", printed).isZero();
    assertThat(printed.contains("InjectedFault")).as("the fault was injected").isEqualTo(injectFault);
    return output;
  }
}
