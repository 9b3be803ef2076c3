package org.curate.jobs.cli;

import static org.apache.spark.sql.functions.col;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.curate.extract.ExtractOptions;
import org.curate.jobs.spark.DocumentSchema;
import org.curate.jobs.spark.DocumentSources;
import org.curate.jobs.tokenize.ShardVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "verify-shards", mixinStandardHelpOptions = true,
    description = {
        "Check the shards of a tokenize output: .idx headers, counts and pointers, .bin/.ids sizes, the manifest's totals, and a decoded sample per shard (EOS/BOS, re-encoding, and with --input, the documents' own text).",
        "Exit status 1 when a check fails.",
        ""})
public final class VerifyShardsCommand implements Callable<Integer> {
  @Mixin SparkOptions spark;

  @Option(names = "--shards", paramLabel = "DIR", required = true, description = "A tokenize output folder.")
  String shards;

  @Option(names = "--tokenizer", paramLabel = "DIR", required = true, description = "The tokenizer the shards were made with.")
  String tokenizer;

  @Option(names = "--input", paramLabel = "PATH", arity = "1..*",
      description = "The documents that were tokenised: sampled documents must decode to their text.")
  List<String> inputs;

  @Option(names = "--sample", paramLabel = "N", description = "Documents decoded per shard (default ${DEFAULT-VALUE}).")
  int sample = 64;

  @Override
  public Integer call() {
    SparkSession session = spark.session("curate verify-shards");
    Configuration conf = session.sparkContext().hadoopConfiguration();
    Map<String, String> texts = null;
    if (inputs != null && !inputs.isEmpty()) {
      texts = new HashMap<>();
      for (Row r : DocumentSources.read(session, "verify-shards", inputs, ExtractOptions.defaults())
          .filter(col("outcome").equalTo(DocumentSchema.KEPT)).select("id", "text").collectAsList()) {
        texts.put(r.getString(0), r.getString(1));
      }
    }
    ShardVerifier.Result r = ShardVerifier.verify(conf, shards, tokenizer, sample, texts);
    System.out.println("verify-shards: shards=" + r.shards() + " documents=" + r.documents() + " tokens=" + r.tokens()
        + " sampled=" + r.sampled() + " compared-with-source=" + r.comparedWithSource() + " errors=" + r.errors().size());
    r.errors().stream().limit(50).forEach(e -> System.out.println("  " + e));
    return r.ok() ? 0 : 1;
  }
}
