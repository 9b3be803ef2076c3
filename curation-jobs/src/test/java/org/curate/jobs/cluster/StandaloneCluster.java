package org.curate.jobs.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A real Spark standalone cluster on 127.0.0.1: one {@code Master} and one {@code Worker}, each in
 * its own JVM, started from the Maven Spark jars. The Worker launches executors with Spark's
 * launcher code, which needs a {@code SPARK_HOME} holding {@code jars/} and a {@code RELEASE} file;
 * {@link #start} builds one of symbolic links to the Maven jars.
 */
final class StandaloneCluster implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<ChildJvm> daemons = new ArrayList<>();
  private final int masterPort;
  private final int masterUiPort;
  private final Path workDir;

  private StandaloneCluster(int masterPort, int masterUiPort, Path workDir) {
    this.masterPort = masterPort;
    this.masterUiPort = masterUiPort;
    this.workDir = workDir;
  }

  /** Starts the Master, then a Worker with {@code cores} cores and {@code memory} (e.g. "1g"); waits until it is ALIVE. */
  static StandaloneCluster start(Path dir, Path logs, int cores, String memory) throws Exception {
    // Under the log folder (target/), not the temp folder: JUnit warns about every link it deletes.
    Path sparkHome = sparkHome(logs.resolve("spark-home"));
    Files.createDirectories(dir);
    StandaloneCluster cluster = new StandaloneCluster(freePort(), freePort(), dir.resolve("work"));
    try {
      Map<String, String> env = Map.of("SPARK_HOME", sparkHome.toString(), "SPARK_SCALA_VERSION", "2.13");
      List<String> classpath = ChildJvm.sparkClasspath();
      // The REST submission server (default port 6066) is off: client mode does not use it, and a
      // fixed port would clash with other builds on the same machine.
      cluster.daemons.add(ChildJvm.start("master", logs.resolve("master.log"), "512m", classpath, env,
          "org.apache.spark.deploy.master.Master",
          List.of("--host", "127.0.0.1", "--port", String.valueOf(cluster.masterPort),
              "--webui-port", String.valueOf(cluster.masterUiPort),
              "--properties-file", properties(dir.resolve("master.conf"), "spark.master.rest.enabled=false").toString())));
      cluster.awaitMasterUp(TimeUnit.SECONDS.toNanos(90));
      cluster.daemons.add(ChildJvm.start("worker", logs.resolve("worker.log"), "512m", classpath, env,
          "org.apache.spark.deploy.worker.Worker",
          List.of("--host", "127.0.0.1", "--cores", String.valueOf(cores), "--memory", memory,
              "--webui-port", String.valueOf(freePort()), "--work-dir", cluster.workDir.toString(),
              cluster.masterUrl())));
      cluster.awaitAliveWorkers(1, TimeUnit.SECONDS.toNanos(90));
      return cluster;
    } catch (Exception | Error e) {
      cluster.close();
      throw e;
    }
  }

  String masterUrl() {
    return "spark://127.0.0.1:" + masterPort;
  }

  Path workDir() {
    return workDir;
  }

  /** The Master's own view of the cluster (its web UI's {@code /json/} endpoint). */
  JsonNode state() throws IOException {
    try (InputStream in = URI.create("http://127.0.0.1:" + masterUiPort + "/json/").toURL().openStream()) {
      return JSON.readTree(in);
    }
  }

  String logs() {
    StringBuilder all = new StringBuilder();
    for (ChildJvm daemon : daemons) {
      all.append("---- ").append(daemon.name()).append(" (last 80 lines)\n").append(daemon.tail(80)).append('\n');
    }
    return all.toString();
  }

  /** Stops the Worker (and with it any executor), then the Master. */
  @Override
  public void close() {
    for (int i = daemons.size() - 1; i >= 0; i--) {
      daemons.get(i).close();
    }
  }

  private void awaitMasterUp(long timeoutNanos) throws Exception {
    await("the Master's web UI answering", timeoutNanos, () -> {
      state();
      return true;
    });
  }

  private void awaitAliveWorkers(int count, long timeoutNanos) throws Exception {
    await(count + " ALIVE worker(s)", timeoutNanos, () -> state().path("aliveworkers").asInt() >= count);
  }

  private interface Check {
    boolean ok() throws Exception;
  }

  private void await(String what, long timeoutNanos, Check check) throws Exception {
    long deadline = System.nanoTime() + timeoutNanos;
    Exception last = null;
    while (System.nanoTime() < deadline) {
      for (ChildJvm daemon : daemons) {
        if (!daemon.isAlive()) {
          throw new AssertionError(daemon.name() + " exited while waiting for " + what + "\n" + logs());
        }
      }
      try {
        if (check.ok()) {
          return;
        }
      } catch (IOException e) {
        last = e;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("timed out waiting for " + what + " (last error: " + last + ")\n" + logs());
  }

  /** SPARK_HOME with jars/ (links to the Maven jars), an empty RELEASE file and an empty conf/. */
  private static Path sparkHome(Path home) throws IOException {
    Path jars = home.resolve("jars");
    if (Files.isDirectory(jars)) {
      try (var old = Files.list(jars)) {
        for (Path link : old.toList()) {
          Files.delete(link);
        }
      }
    }
    Files.createDirectories(jars);
    Files.createDirectories(home.resolve("conf"));
    Files.writeString(home.resolve("RELEASE"), "");
    Set<String> names = new HashSet<>();
    for (String entry : ChildJvm.sparkClasspath()) {
      Path jar = Path.of(entry);
      if (!entry.endsWith(".jar") || !Files.isRegularFile(jar)) {
        continue;
      }
      String name = jar.getFileName().toString();
      if (!names.add(name)) {
        name = jar.getParent().getParent().getFileName() + "-" + name; // same file name in two groups
      }
      Files.createSymbolicLink(jars.resolve(name), jar.toAbsolutePath());
    }
    return home.toAbsolutePath();
  }

  private static Path properties(Path file, String... lines) throws IOException {
    Files.write(file, List.of(lines));
    return file;
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
