package org.curate.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded application jar runs under org.apache.spark.deploy.SparkSubmit, the class the
 * spark-submit script calls, with nothing but Spark's own jars next to it: proof that the jar
 * carries what Spark does not provide, and nothing that clashes with it.
 */
class SparkSubmitIT {

  @Test
  void applicationJarRunsTheSampleUnderSparkSubmit(@TempDir Path tmp) throws IOException, InterruptedException {
    String appJar = System.getProperty("curate.app.jar");
    String sparkClasspath = Files.readString(Path.of(System.getProperty("curate.spark.classpath.file"))).trim();
    Path output = tmp.resolve("run");

    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(Arrays.asList(System.getProperty("curate.spark.jvm.opens").trim().split("\\s+")));
    command.add("-Dcurate.models.dir=" + System.getProperty("curate.models.dir", "../models"));
    command.addAll(List.of("-Xmx1g", "-cp", sparkClasspath + File.pathSeparator + appJar,
        "org.apache.spark.deploy.SparkSubmit", "--master", "local[2]", "--conf", "spark.ui.enabled=false",
        "--class", "org.curate.jobs.Curate", appJar, "run", "--output", output.toString()));
    Path log = tmp.resolve("spark-submit.log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    Process process = builder.start();
    boolean finished = process.waitFor(5, TimeUnit.MINUTES);
    if (!finished) {
      process.destroyForcibly();
    }
    String printed = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(finished).as("spark-submit finished within 5 minutes; output:%n%s", printed).isTrue();
    assertThat(process.exitValue()).as("exit status; output:%n%s", printed).isZero();
    assertThat(printed).contains("report: ");

    JsonNode report = new ObjectMapper().readTree(output.resolve("report/stats.json").toFile());
    assertThat(report.get("stages")).isNotEmpty();
    assertThat(report.get("stages").get(0).get("name").asText()).isEqualTo("extract");
    assertThat(report.get("stages").get(0).get("out").asLong()).isPositive();
    StageOutput.assertConserved(output.resolve("extract"));
  }
}
