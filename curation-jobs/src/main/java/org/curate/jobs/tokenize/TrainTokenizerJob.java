package org.curate.jobs.tokenize;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.curate.core.StageCounts;
import org.curate.extract.ExtractOptions;
import org.curate.jobs.spark.DocumentSchema;
import org.curate.jobs.spark.DocumentSources;
import org.curate.tokenizer.BpeModel;
import org.curate.tokenizer.PreTokenizer;
import org.curate.tokenizer.TokenizerFiles;
import org.curate.tokenizer.TokenizerOptions;
import org.curate.tokenizer.TokenizerTrainer;
import org.curate.tokenizer.WordCounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code train-tokenizer}: executors pre-tokenise documents and count words ({@code long}
 * counts, summed per partition then by a shuffle); the word table, pruned by a minimum count and
 * a maximum number of words, is the only thing collected; the driver runs the BPE merges and
 * writes the tokenizer folder. Sampling keeps a seeded fraction of documents.
 */
public final class TrainTokenizerJob {
  public static final String NAME = "train-tokenizer";
  private static final Logger LOG = LoggerFactory.getLogger(TrainTokenizerJob.class);
  static final StructType WORDS = new StructType().add("word", DataTypes.StringType, false)
      .add("count", DataTypes.LongType, false);
  /** A partition's local table is flushed to the shuffle when it reaches this many words. */
  static final int FLUSH_WORDS = 1 << 20;

  /** Settings beyond the tokenizer's own. */
  public record Settings(long minWordCount, int maxWords, double sampleFraction, long seed) {}

  public record Result(StageCounts counts, BpeModel model, Map<String, Object> report) {}

  private TrainTokenizerJob() {}

  public static Result run(SparkSession spark, List<String> inputs, String output, TokenizerOptions options,
      Settings settings) {
    long start = System.nanoTime();
    Dataset<Row> outcomes = DocumentSources.read(spark, NAME, inputs, ExtractOptions.defaults())
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Dataset<Row> docs = outcomes.filter(col("outcome").equalTo(DocumentSchema.KEPT)).select("text");
      if (settings.sampleFraction() < 1.0) {
        docs = docs.sample(false, settings.sampleFraction(), settings.seed());
      }
      Dataset<Row> words = docs.mapPartitions(new CountWords(options), Encoders.row(WORDS))
          .groupBy("word").agg(sum("count").as("count"))
          .persist(StorageLevel.MEMORY_AND_DISK());
      try {
        Row before = words.agg(count(lit(1)), sum("count")).first();
        long distinct = before.getLong(0);
        long occurrences = before.isNullAt(1) ? 0 : before.getLong(1);
        Dataset<Row> kept = words.filter(col("count").geq(settings.minWordCount()));
        if (settings.maxWords() > 0) {
          kept = kept.orderBy(col("count").desc(), col("word").asc()).limit(settings.maxWords());
        }
        WordCounts table = new WordCounts();
        for (Iterator<Row> it = kept.toLocalIterator(); it.hasNext(); ) {
          Row r = it.next();
          table.add(r.getString(0), r.getLong(1));
        }
        double countSeconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> pruning = new LinkedHashMap<>();
        pruning.put("min_word_count", settings.minWordCount());
        pruning.put("max_words", settings.maxWords());
        pruning.put("distinct_words_before", distinct);
        pruning.put("distinct_words_after", (long) table.size());
        pruning.put("occurrences_before", occurrences);
        pruning.put("occurrences_after", table.total());
        pruning.put("occurrences_dropped_share", occurrences == 0 ? 0.0
            : (double) (occurrences - table.total()) / occurrences);
        LOG.info("{}: {} distinct words ({} occurrences), {} kept after pruning ({} occurrences)", NAME, distinct,
            occurrences, table.size(), table.total());

        long mergeStart = System.nanoTime();
        BpeModel model = TokenizerTrainer.train(table, options);
        double mergeSeconds = (System.nanoTime() - mergeStart) / 1e9;

        StageCounts counts = counts(outcomes, docs);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("documents_in", counts.in());
        report.put("documents_used", counts.out());
        report.put("sample_fraction", settings.sampleFraction());
        report.put("seed", settings.seed());
        report.put("pruning", pruning);
        report.put("vocab_size", model.size());
        report.put("merges", model.merges().size());
        report.put("count_seconds", round(countSeconds));
        report.put("merge_seconds", round(mergeSeconds));
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        HadoopFiles.replaceDir(conf, output);
        // Timings differ run to run; they go to _stats.json's sibling, not into the tokenizer files.
        Map<String, Object> stable = new LinkedHashMap<>(report);
        stable.remove("count_seconds");
        stable.remove("merge_seconds");
        for (Map.Entry<String, byte[]> f : TokenizerFiles.files(model, stable).entrySet()) {
          HadoopFiles.write(conf, new Path(output, f.getKey()), f.getValue());
        }
        HadoopFiles.writeJson(conf, new Path(output, "_training.json"), report);
        return new Result(counts, model, report);
      } finally {
        words.unpersist();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      outcomes.unpersist();
    }
  }

  private static double round(double s) {
    return Math.round(s * 1000) / 1000.0;
  }

  /** in = every input record; out = documents counted; dropped: input reasons and, when sampling, sample:not-sampled. */
  private static StageCounts counts(Dataset<Row> outcomes, Dataset<Row> used) {
    long in = 0;
    long kept = 0;
    Map<String, Long> dropped = new HashMap<>();
    Map<String, Long> failed = new HashMap<>();
    for (Row r : outcomes.groupBy("outcome", "reason").count().collectAsList()) {
      long n = r.getLong(2);
      in += n;
      switch (r.getString(0)) {
        case DocumentSchema.DROPPED -> dropped.merge(r.getString(1), n, Long::sum);
        case DocumentSchema.FAILED -> failed.merge(r.getString(1), n, Long::sum);
        default -> kept += n;
      }
    }
    long out = used.count();
    if (out < kept) {
      dropped.put("sample:not-sampled", kept - out);
    }
    return new StageCounts(in, out, dropped, failed).checkConservation(NAME);
  }

  /** Per partition: pre-tokenise each text and emit (word, count), flushing a bounded local table. */
  static final class CountWords implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final TokenizerOptions options;

    CountWords(TokenizerOptions options) {
      this.options = options;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> texts) {
      PreTokenizer pre = options.preTokenizer();
      HashMap<String, long[]> local = new HashMap<>();
      // Lazy: counts until the local table is full, hands its rows on, and goes on; memory stays bounded.
      return new Iterator<>() {
        private Iterator<Row> batch = java.util.Collections.emptyIterator();

        @Override
        public boolean hasNext() {
          while (!batch.hasNext()) {
            if (!texts.hasNext()) {
              return false;
            }
            while (texts.hasNext() && local.size() < FLUSH_WORDS) {
              Row r = texts.next();
              if (!r.isNullAt(0)) {
                pre.split(r.getString(0), (t, s, e) -> local.computeIfAbsent(t.substring(s, e), w -> new long[1])[0]++);
              }
            }
            List<Row> rows = new ArrayList<>(local.size());
            local.forEach((w, c) -> rows.add(RowFactory.create(w, c[0])));
            local.clear();
            batch = rows.iterator();
          }
          return true;
        }

        @Override
        public Row next() {
          if (!hasNext()) {
            throw new java.util.NoSuchElementException();
          }
          return batch.next();
        }
      };
    }
  }
}
