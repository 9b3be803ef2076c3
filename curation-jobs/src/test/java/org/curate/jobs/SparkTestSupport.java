package org.curate.jobs;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/**
 * One local[2] SparkSession for the whole test JVM (surefire reuses one fork), started on first
 * use and stopped at JVM exit; commands under test pick it up through getOrCreate.
 */
public final class SparkTestSupport {
  private static SparkSession session;

  private SparkTestSupport() {}

  public static synchronized SparkSession spark() {
    if (session == null) {
      session = SparkSession.builder().master("local[2]").appName("curate-tests")
          .config("spark.ui.enabled", "false")
          .config("spark.sql.shuffle.partitions", "2")
          .config("spark.sql.session.timeZone", "UTC")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.sql.warehouse.dir", System.getProperty("java.io.tmpdir") + "/curate-test-warehouse")
          .getOrCreate();
      Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
    }
    return session;
  }

  /** The read-only shared data folder (real crawls, benchmarks), or null when this machine has none. */
  public static Path sharedData() {
    String configured = System.getProperty("curate.shared.data");
    Path dir = configured != null ? Path.of(configured) : Path.of("../../shared/data");
    return Files.isDirectory(dir) ? dir.toAbsolutePath().normalize() : null;
  }
}
