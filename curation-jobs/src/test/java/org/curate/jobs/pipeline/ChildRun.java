package org.curate.jobs.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.curate.jobs.Curate;

/**
 * {@code curate run} on the built-in sample in its own JVM (the driver), local[2], its output
 * going to a log file: for tests that kill the driver or must not share a JVM between two runs.
 */
final class ChildRun {
  private ChildRun() {}

  static Process start(Path output, Path log) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(Arrays.asList(System.getProperty("curate.spark.jvm.opens").trim().split("\\s+")));
    command.add("-Dcurate.models.dir=" + System.getProperty("curate.models.dir", "../models"));
    command.addAll(List.of("-Xmx1g", "-cp", System.getProperty("java.class.path"), Curate.class.getName(),
        "run", "--master", "local[2]", "--conf", "spark.ui.enabled=false", "--output", output.toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    return builder.start();
  }
}
