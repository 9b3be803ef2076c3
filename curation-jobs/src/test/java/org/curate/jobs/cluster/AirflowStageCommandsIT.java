package org.curate.jobs.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs the Airflow tests ({@code airflow/tests}, Python's unittest) inside {@code mvn verify}: the
 * command-line builder and quality gate the DAG uses, the DAG file against stand-ins of the Airflow
 * API, and every stage's spark-submit argument list run through this build's application jar under
 * {@code SparkSubmit} with {@code local[2]}. The jar, the Spark classpath and JVM flags are passed in
 * the environment, and {@code CURATE_REQUIRE_INTEGRATION=1} turns a missing one into a failure
 * instead of a skip.
 */
class AirflowStageCommandsIT {

  @Test
  void airflowPythonTestsPass() throws Exception {
    Path repo = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
    Path tests = repo.resolve("airflow/tests");
    assertThat(tests).isDirectory();
    Path log = Path.of("target", "airflow-tests.log");
    ProcessBuilder builder = new ProcessBuilder("python3", "-m", "unittest", "discover", "-s", tests.toString(), "-v")
        .directory(repo.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.put("CURATE_REQUIRE_INTEGRATION", "1");
    env.put("CURATE_APP_JAR", ChildJvm.applicationJar());
    env.put("CURATE_SPARK_CLASSPATH", String.join(File.pathSeparator, ChildJvm.sparkClasspath()));
    env.put("CURATE_SPARK_JVM_OPENS", System.getProperty("curate.spark.jvm.opens").trim());
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
    Process process = builder.start();
    boolean finished = process.waitFor(10, TimeUnit.MINUTES);
    if (!finished) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
    String output = Files.readString(log);
    assertThat(finished).as("python tests finished in 10 minutes:%n%s", output).isTrue();
    assertThat(process.exitValue()).as("python3 -m unittest exit status:%n%s", output).isZero();
    Matcher ran = Pattern.compile("Ran (\\d+) tests?").matcher(output);
    assertThat(ran.find()).as(output).isTrue();
    assertThat(Integer.parseInt(ran.group(1))).as("number of Python tests run").isGreaterThanOrEqualTo(25);
    assertThat(output).as("no Python test may be skipped here").doesNotContain("skipped");
    // The real-jar tests are among those that ran and passed.
    for (String test : List.of("test_every_stage_exits_0_and_writes_parquet_and_stats",
        "test_each_stage_reads_the_previous_stage_output", "test_quality_gate_on_the_real_outputs",
        "test_airflow3_imports_default_config", "test_airflow2_imports_and_variable_override")) {
      assertThat(output).containsPattern(Pattern.quote(test) + " \\(.*\\) \\.\\.\\. ok");
    }
  }
}
