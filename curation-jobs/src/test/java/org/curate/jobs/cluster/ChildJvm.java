package org.curate.jobs.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Java child process started the way spark-submit and Spark's daemon scripts start theirs: the
 * parent POM's JVM flags ({@code spark.jvm.opens}), Spark's jars on the classpath, output to a log
 * file. {@link #close()} stops it and everything it started (executors), also when a test fails.
 */
final class ChildJvm implements AutoCloseable {
  static final int SUBMIT_TIMEOUT_MINUTES = 10;

  private final String name;
  private final Process process;
  private final Path log;

  private ChildJvm(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /**
   * The jars of a Spark distribution's {@code jars/} folder: Maven's provided scope of curation-jobs
   * (Spark and its dependencies), plus icu4j. Spark needs icu4j (collations), but because
   * curate-filters declares it too, Maven lists it in compile scope, so the build's provided-only
   * list lacks it; it is taken from the full classpath file.
   */
  static List<String> sparkClasspath() {
    List<String> jars = new ArrayList<>(readClasspath("curate.spark.classpath.file"));
    String full = System.getProperty("curate.spark.classpath.file").replace("spark-only-classpath.txt", "spark-classpath.txt");
    readClasspath(Path.of(full)).stream().filter(jar -> jar.replace('\\', '/').contains("/com/ibm/icu/icu4j/"))
        .filter(jar -> !jars.contains(jar)).forEach(jars::add);
    return jars;
  }

  private static List<String> readClasspath(String property) {
    String file = System.getProperty(property);
    if (file == null) {
      throw new IllegalStateException("system property " + property + " not set (run through failsafe)");
    }
    return readClasspath(Path.of(file));
  }

  private static List<String> readClasspath(Path file) {
    try {
      return Arrays.asList(Files.readString(file).trim().split(File.pathSeparator));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String applicationJar() {
    String jar = System.getProperty("curate.app.jar");
    if (jar == null || !Files.isRegularFile(Path.of(jar))) {
      throw new IllegalStateException("application jar missing: " + jar + " (run after package)");
    }
    return jar;
  }

  static ChildJvm start(String name, Path log, String heap, List<String> classpath, Map<String, String> env,
      String mainClass, List<String> args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(Arrays.asList(System.getProperty("curate.spark.jvm.opens").trim().split("\\s+")));
    command.add("-Xmx" + heap);
    command.add("-Dcurate.models.dir=" + System.getProperty("curate.models.dir", "../models"));
    command.add("-cp");
    command.add(String.join(File.pathSeparator, classpath));
    command.add(mainClass);
    command.addAll(args);
    Files.createDirectories(log.toAbsolutePath().getParent());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    builder.environment().putAll(env);
    ChildJvm child = new ChildJvm(name, builder.start(), log);
    // If the test JVM itself is killed (e.g. a failsafe timeout), do not leave daemons behind.
    Runtime.getRuntime().addShutdownHook(new Thread(child::kill, "kill-" + name));
    return child;
  }

  /** {@code curate ARGS} under SparkSubmit with {@code local[2]}; see {@link #sparkSubmit(String, Path, String, List, Path)}. */
  static void sparkSubmit(String name, Path log, List<String> curateArgs, Path tmp) throws Exception {
    sparkSubmit(name, log, "local[2]", curateArgs, tmp);
  }

  /**
   * Runs the application jar's {@code curate ARGS} under {@code org.apache.spark.deploy.SparkSubmit}
   * (client mode) in a child JVM whose classpath is Spark's alone, as with a Spark distribution: the
   * application jar reaches driver and executors as the primary resource. Fails, with the end of its
   * log, unless it exits 0 within {@link #SUBMIT_TIMEOUT_MINUTES} (the sample takes well under a
   * minute on an idle 2-core machine; the margin is for a CI host shared with other builds).
   */
  static void sparkSubmit(String name, Path log, String master, List<String> curateArgs, Path tmp) throws Exception {
    List<String> args = new ArrayList<>(List.of("--master", master, "--deploy-mode", "client", "--name", name,
        "--conf", "spark.ui.enabled=false",
        "--conf", "spark.hadoop.dfs.replication=1",
        "--conf", "spark.executor.memory=768m",
        "--conf", "spark.cores.max=2",
        "--conf", "spark.sql.warehouse.dir=" + tmp.resolve("warehouse-" + name).toUri(),
        "--class", "org.curate.jobs.Curate", applicationJar()));
    args.addAll(curateArgs);
    try (ChildJvm submit = start(name, log, "1g", sparkClasspath(), Map.of(), "org.apache.spark.deploy.SparkSubmit", args)) {
      int status = submit.waitFor(SUBMIT_TIMEOUT_MINUTES, TimeUnit.MINUTES);
      if (status != 0) {
        throw new AssertionError(name + " exited with " + status + "; log tail:\n" + submit.tail(120));
      }
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Waits for the process to exit; returns its exit status, or throws if it did not finish in time. */
  int waitFor(long timeout, TimeUnit unit) throws InterruptedException {
    if (!process.waitFor(timeout, unit)) {
      close();
      throw new AssertionError(name + " did not finish within " + unit.toSeconds(timeout) + " s; log:\n" + tail(200));
    }
    return process.exitValue();
  }

  String log() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e.getMessage() + ")";
    }
  }

  String tail(int lines) {
    List<String> all = log().lines().toList();
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }

  String name() {
    return name;
  }

  /** SIGTERM to the process and its descendants (so a Worker's executors go too), then SIGKILL after 20 s. */
  @Override
  public void close() {
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    tree.add(process.toHandle());
    tree.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    for (ProcessHandle handle : tree) {
      try {
        handle.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (Exception e) {
        handle.destroyForcibly();
      }
    }
  }

  private void kill() {
    if (process.isAlive()) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }
}
