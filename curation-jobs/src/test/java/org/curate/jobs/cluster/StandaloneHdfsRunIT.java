package org.curate.jobs.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.curate.demo.DemoLists;
import org.curate.demo.SampleCrawl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Production-shaped run: {@code curate run} submitted with {@code SparkSubmit --master spark://…
 * --deploy-mode client} to a real standalone Master + Worker (separate JVMs on 127.0.0.1), reading
 * the sample crawl from and writing every output to a real HDFS (NameNode + DataNode of
 * {@link MiniDFSCluster}, in this JVM, on loopback). Its {@code report/stats.json} must equal that of
 * a {@code local[2]} run of the same jar on the same crawl read from the local disk, timings aside.
 *
 * <p>Logs of every process are kept under {@code target/cluster-it/}.
 */
class StandaloneHdfsRunIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path LOGS = Path.of("target", "cluster-it");

  @Test
  void curateRunOnStandaloneClusterWithHdfsMatchesTheLocalRun(@TempDir Path tmp) throws Exception {
    // The sample crawl and the demo filter chain with its lists, on the local disk. The chain's list
    // paths resolve to absolute local paths read by driver and executors, all on this machine.
    Path sample = tmp.resolve("sample");
    Path warc = sample.resolve(SampleCrawl.WARC_NAME);
    SampleCrawl.write(warc, sample.resolve("benchmarks"));
    DemoLists.write(sample.resolve("lists"));
    Path filters = sample.resolve("filters.yaml");
    try (InputStream in = StandaloneHdfsRunIT.class.getResourceAsStream("/org/curate/jobs/filter/demo-filters.yaml")) {
      // The demo chain's language model, at an absolute path every executor on this machine can read.
      Files.writeString(filters, new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("@LID_MODEL@",
          Path.of(System.getProperty("curate.models.dir", "../models"), "lid.176.ftz").toAbsolutePath().normalize().toString()));
    }

    // Reference: the same jar under SparkSubmit with local[2], local paths.
    Path localOut = tmp.resolve("local-run");
    ChildJvm.sparkSubmit("submit-local", LOGS.resolve("submit-local.log"), "local[2]", List.of("run", "--input", warc.toString(), "--output", localOut.toString(),
        "--filters", filters.toString()), tmp);
    JsonNode localStats = JSON.readTree(localOut.resolve("report/stats.json").toFile());

    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, tmp.resolve("dfs").toString());
    conf.setInt("dfs.replication", 1);
    MiniDFSCluster dfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
    try (StandaloneCluster cluster = StandaloneCluster.start(tmp.resolve("cluster"), LOGS, 2, "1g")) {
      dfs.waitActive();
      FileSystem fs = dfs.getFileSystem();
      String root = dfs.getURI().toString();
      String crawl = root + "/crawl/" + SampleCrawl.WARC_NAME;
      String out = root + "/curated/run";
      fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(warc.toUri()), new org.apache.hadoop.fs.Path(crawl));

      ChildJvm.sparkSubmit("submit-cluster", LOGS.resolve("submit-cluster.log"), cluster.masterUrl(), List.of("run", "--input", crawl, "--output", out,
          "--filters", filters.toString()), tmp);

      JsonNode clusterStats;
      try (InputStream in = fs.open(new org.apache.hadoop.fs.Path(out + "/report/stats.json"))) {
        clusterStats = JSON.readTree(in);
      }
      // Every stage wrote its Parquet and _stats.json into HDFS.
      for (JsonNode stage : clusterStats.get("stages")) {
        String dir = out + "/" + stage.get("name").asText();
        assertThat(fs.exists(new org.apache.hadoop.fs.Path(dir + "/_stats.json"))).as(dir).isTrue();
        assertThat(fs.globStatus(new org.apache.hadoop.fs.Path(dir + "/*.parquet"))).as(dir + "/*.parquet").isNotEmpty();
      }

      // The work really ran on the cluster: the Master lists the application as completed, and the
      // Worker launched its executor(s) (work/app-…/N/ with their logs).
      JsonNode state = cluster.state();
      assertThat(state.get("activeapps")).as("Master state: %s", state).isEmpty();
      assertThat(state.get("completedapps")).as("Master state: %s", state).hasSize(1)
          .allSatisfy(app -> assertThat(app.get("name").asText()).startsWith("curate"));
      try (Stream<Path> apps = Files.list(cluster.workDir())) {
        assertThat(apps.map(p -> p.getFileName().toString())).as("worker work dir").anyMatch(n -> n.startsWith("app-"));
      }

      // The sample is not trivial: documents came out of extract, and the filters dropped some.
      JsonNode stages = localStats.get("stages");
      assertThat(stages.size()).isGreaterThanOrEqualTo(2);
      assertThat(stages.get(0).get("out").asLong()).isPositive();
      assertThat(stages.findValues("dropped")).anySatisfy(d -> assertThat(d.size()).isPositive());

      assertThat(comparable(clusterStats, Map.of(crawl, "<crawl>", out, "<out>")).toPrettyString())
          .isEqualTo(comparable(localStats, Map.of(warc.toString(), "<crawl>", localOut.toString(), "<out>")).toPrettyString());
    } finally {
      dfs.shutdown();
    }
  }

  /**
   * stats.json without what legitimately differs between the two runs: the run metadata block
   * (when, where, which master), timings (keys naming seconds, durations or times) and the
   * input/output locations (replaced by placeholders). Every count stays.
   */
  static JsonNode comparable(JsonNode stats, Map<String, String> locations) {
    JsonNode copy = stats.deepCopy();
    if (copy instanceof ObjectNode object) {
      object.remove("run");
    }
    normalise(copy, locations);
    return copy;
  }

  private static void normalise(JsonNode node, Map<String, String> locations) {
    if (node instanceof ObjectNode object) {
      List<String> timing = new ArrayList<>();
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        if (isTiming(field.getKey())) {
          timing.add(field.getKey());
        } else if (field.getValue().isTextual()) {
          field.setValue(new TextNode(replace(field.getValue().asText(), locations)));
        } else {
          normalise(field.getValue(), locations);
        }
      }
      object.remove(timing);
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        if (array.get(i).isTextual()) {
          array.set(i, new TextNode(replace(array.get(i).asText(), locations)));
        } else {
          normalise(array.get(i), locations);
        }
      }
    }
  }

  private static boolean isTiming(String key) {
    String k = key.toLowerCase(java.util.Locale.ROOT);
    return k.equals("seconds") || k.contains("duration") || k.contains("elapsed") || k.endsWith("_ms")
        || k.contains("time") || k.equals("started") || k.equals("finished");
  }

  private static String replace(String value, Map<String, String> locations) {
    String result = value;
    for (Map.Entry<String, String> e : locations.entrySet()) {
      result = result.replace(e.getKey(), e.getValue());
    }
    return result;
  }
}
