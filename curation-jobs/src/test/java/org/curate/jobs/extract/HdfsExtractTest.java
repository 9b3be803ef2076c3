package org.curate.jobs.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.spark.sql.Row;
import org.curate.jobs.Curate;
import org.curate.jobs.SparkTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Crawl files read from, and documents written to, a real HDFS (MiniDFSCluster in this JVM). */
class HdfsExtractTest {

  @Test
  void extractsFromHdfsToHdfs(@TempDir Path tmp) throws Exception {
    Path shared = SparkTestSupport.sharedData();
    assumeTrue(shared != null, "shared data folder not present");
    SparkTestSupport.spark();
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, tmp.resolve("dfs").toString());
    conf.setInt("dfs.replication", 1);
    MiniDFSCluster dfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
    try {
      dfs.waitActive();
      FileSystem fs = dfs.getFileSystem();
      String root = dfs.getURI().toString();
      fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(shared.resolve("warc/commoncrawl").toUri()),
          new org.apache.hadoop.fs.Path(root + "/crawl"));
      SparkTestSupport.spark().sparkContext().hadoopConfiguration().setInt("dfs.replication", 1);

      String output = root + "/curated/extract";
      assertThat(Curate.execute("extract", "--input", root + "/crawl", "--output", output)).isZero();

      JsonNode stats;
      try (InputStream in = fs.open(new org.apache.hadoop.fs.Path(output + "/_stats.json"))) {
        stats = new ObjectMapper().readTree(in);
      }
      // commoncrawl/: 16 + 1 + 1 (404) + 1 HTML responses and one WET conversion record.
      assertThat(stats.get("out").asLong()).isEqualTo(20);
      assertThat(SparkTestSupport.spark().read().parquet(output).select("source.file").distinct()
          .collectAsList()).extracting((Row r) -> r.getString(0)).allMatch(f -> f.startsWith("hdfs://"));
    } finally {
      dfs.shutdown();
    }
  }
}
