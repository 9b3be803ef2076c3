package org.curate.jobs.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

/** Spark options shared by every command; under spark-submit its own --master/--conf win. */
public final class SparkOptions {
  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master, e.g. local[4], spark://host:7077, yarn. Default: the one spark-submit set, else local[*].")
  String master;

  @Option(names = "--conf", paramLabel = "KEY=VALUE",
      description = "A Spark property, repeatable, e.g. --conf spark.sql.shuffle.partitions=400.")
  Map<String, String> conf = new LinkedHashMap<>();

  public SparkSession session(String appName) {
    SparkSession.Builder builder = SparkSession.builder().appName(appName)
        // Timestamps are written and exported in UTC whatever the machine's zone, so outputs match.
        .config("spark.sql.session.timeZone", "UTC")
        // Our schemas are wider than the default 25 fields of plan printing; avoids a warning per job.
        .config("spark.sql.debug.maxToStringFields", "100");
    if (master != null) {
      builder.master(master);
    } else if (System.getProperty("spark.master") == null) {
      builder.master("local[*]");
    }
    if (System.console() != null && !conf.containsKey("spark.ui.showConsoleProgress")) {
      // An interactive run shows Spark's progress bar (stage, tasks done/total) on the terminal.
      builder.config("spark.ui.showConsoleProgress", "true");
    }
    conf.forEach(builder::config);
    return builder.getOrCreate();
  }
}
