package org.curate.jobs.tokenize;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.sum;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.curate.core.StageCounts;
import org.curate.extract.ExtractOptions;
import org.curate.jobs.io.SerializableHadoopConf;
import org.curate.jobs.spark.DocumentSchema;
import org.curate.jobs.spark.DocumentSources;
import org.curate.tokenizer.BpeModel;
import org.curate.tokenizer.IntBuffer;
import org.curate.tokenizer.Tokenizer;
import org.curate.tokenizer.TokenizerFiles;
import org.curate.tokenizer.shards.MegatronWriter;

/**
 * {@code tokenize}: documents → token ids (+ EOS, optional BOS) on executors, then Megatron-LM
 * indexed-dataset shards ({@code shard_NNNNN.bin/.idx}, one sequence per document, plus
 * {@code shard_NNNNN.ids} with the document ids in order) and/or Parquet ({@code input_ids
 * list<int32>}). Document order is a seeded shuffle: each document's place comes from
 * SHA-256(seed, id), so the output does not depend on partitioning and is byte-identical run to
 * run. Shards are hash-assigned, so their sizes are near, not exactly, the target.
 */
public final class TokenizeJob {
  public static final String NAME = "tokenize";
  public static final String MANIFEST = "manifest.json";

  static final StructType TOKENIZED = new StructType()
      .add("id", DataTypes.StringType, true)
      .add("lang", DataTypes.StringType, true)
      .add("key", DataTypes.LongType, false)
      .add("shard_hash", DataTypes.LongType, false)
      .add("tokens", DataTypes.BinaryType, false)
      .add("n_tokens", DataTypes.LongType, false)
      .add("text_bytes", DataTypes.LongType, false);

  static final StructType SHARD_STATS = new StructType()
      .add("kind", DataTypes.StringType, false)
      .add("shard", DataTypes.IntegerType, false)
      .add("lang", DataTypes.StringType, true)
      .add("docs", DataTypes.LongType, false)
      .add("tokens", DataTypes.LongType, false)
      .add("text_bytes", DataTypes.LongType, false)
      .add("bin_bytes", DataTypes.LongType, false)
      .add("idx_bytes", DataTypes.LongType, false)
      .add("bin_sha256", DataTypes.StringType, true);

  /**
   * @param shardTokens target tokens per shard
   * @param format {@code megatron}, {@code parquet} or {@code both}
   */
  public record Settings(long shardTokens, long seed, boolean bos, boolean eos, String format) implements Serializable {
    public boolean megatron() {
      return format.equals("megatron") || format.equals("both");
    }

    public boolean parquet() {
      return format.equals("parquet") || format.equals("both");
    }
  }

  public record Result(StageCounts counts, Map<String, Object> manifest) {}

  private TokenizeJob() {}

  public static Result run(SparkSession spark, List<String> inputs, String tokenizerDir, String output,
      Settings settings) {
    if (!List.of("megatron", "parquet", "both").contains(settings.format())) {
      throw new IllegalArgumentException("--format must be megatron, parquet or both");
    }
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    Map<String, byte[]> files = HadoopFiles.tokenizerFiles(conf, tokenizerDir);
    BpeModel model;
    try {
      model = TokenizerFiles.load(files);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (settings.bos() && model.bosId() < 0) {
      throw new IllegalArgumentException("this tokenizer has no BOS token (--bos needs a SentencePiece-mode tokenizer)");
    }
    if (settings.eos() && model.eosId() < 0) {
      throw new IllegalArgumentException("this tokenizer has no EOS token (train it with a special token)");
    }
    HadoopFiles.replaceDir(conf, output);
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<HashMap<String, byte[]>> tokenizer = jsc.broadcast(new HashMap<>(files));

    Dataset<Row> outcomes = DocumentSources.read(spark, NAME, inputs, ExtractOptions.defaults())
        .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> tokenized = outcomes.filter(col("outcome").equalTo(DocumentSchema.KEPT)).select("id", "lang", "text")
        .mapPartitions(new Encode(tokenizer, settings), Encoders.row(TOKENIZED))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Row totals = tokenized.agg(sum("n_tokens"), org.apache.spark.sql.functions.count(lit(1))).first();
      long totalTokens = totals.isNullAt(0) ? 0 : totals.getLong(0);
      long documents = totals.getLong(1);
      int shards = (int) Math.max(1, Math.min(100_000, (totalTokens + settings.shardTokens() - 1) / settings.shardTokens()));
      Dataset<Row> placed = tokenized.withColumn("shard", pmod(col("shard_hash"), lit((long) shards)).cast("int"));
      List<Row> stats = List.of();
      if (settings.megatron()) {
        stats = placed.repartition(shards, col("shard")).sortWithinPartitions("shard", "key", "id", "tokens")
            .mapPartitions(new WriteShards(new SerializableHadoopConf(conf), output, model.size()),
                Encoders.row(SHARD_STATS))
            .collectAsList();
      }
      if (settings.parquet()) {
        placed.orderBy("shard", "key", "id", "tokens")
            .map((MapFunction<Row, Row>) TokenizeJob::toParquetRow, Encoders.row(PARQUET))
            .write().mode(SaveMode.Overwrite).parquet(output + "/parquet");
      }
      StageCounts counts = counts(outcomes, documents);
      Map<String, Object> manifest = manifest(model, files, settings, shards, stats, tokenized, documents, totalTokens);
      HadoopFiles.writeJson(conf, new Path(output, MANIFEST), manifest);
      new org.curate.jobs.report.StageSection("Tokenized shards")
          .metric("documents", manifest.get("documents"))
          .metric("tokens", manifest.get("tokens"))
          .metric("bytes per token", manifest.get("bytes_per_token"))
          .metric("shards", manifest.get("shard_count"))
          .tokens(totalTokens)
          .write(conf, output);
      return new Result(counts, manifest);
    } finally {
      tokenized.unpersist();
      outcomes.unpersist();
      tokenizer.destroy();
    }
  }

  static final StructType PARQUET = new StructType()
      .add("id", DataTypes.StringType, true)
      .add("lang", DataTypes.StringType, true)
      .add("shard", DataTypes.IntegerType, false)
      .add("input_ids", DataTypes.createArrayType(DataTypes.IntegerType, false), false);

  private static Row toParquetRow(Row r) {
    byte[] b = r.getAs("tokens");
    ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    List<Integer> ids = new ArrayList<>(b.length / 4);
    while (buf.hasRemaining()) {
      ids.add(buf.getInt());
    }
    return RowFactory.create(r.getAs("id"), r.getAs("lang"), r.<Integer>getAs("shard"),
        scala.jdk.javaapi.CollectionConverters.asScala(ids).toSeq());
  }

  private static StageCounts counts(Dataset<Row> outcomes, long documents) {
    long in = 0;
    Map<String, Long> dropped = new HashMap<>();
    Map<String, Long> failed = new HashMap<>();
    for (Row r : outcomes.groupBy("outcome", "reason").count().collectAsList()) {
      long n = r.getLong(2);
      in += n;
      switch (r.getString(0)) {
        case DocumentSchema.DROPPED -> dropped.merge(r.getString(1), n, Long::sum);
        case DocumentSchema.FAILED -> failed.merge(r.getString(1), n, Long::sum);
        default -> { }
      }
    }
    return new StageCounts(in, documents, dropped, failed).checkConservation(NAME);
  }

  private static Map<String, Object> manifest(BpeModel model, Map<String, byte[]> files, Settings settings,
      int shardCount, List<Row> stats, Dataset<Row> tokenized, long documents, long totalTokens) {
    long specialsPerDoc = (settings.bos() ? 1 : 0) + (settings.eos() ? 1 : 0);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", settings.megatron() ? "megatron-indexed-dataset" : "parquet");
    m.put("parquet", settings.parquet() ? "parquet/" : null);
    Map<String, Object> tok = new LinkedHashMap<>();
    tok.put("mode", model.mode().label());
    tok.put("vocab_size", model.size());
    tok.put("eos_id", model.eosId());
    tok.put("bos_id", model.bosId());
    tok.put("tokenizer_json_sha256", sha256Hex(files.get(TokenizerFiles.HF_JSON)));
    m.put("tokenizer", tok);
    m.put("dtype", MegatronWriter.dtypeFor(model.size()) == MegatronWriter.DTYPE_UINT16 ? "uint16" : "int32");
    m.put("append_eos", settings.eos());
    m.put("prepend_bos", settings.bos());
    m.put("seed", settings.seed());
    m.put("target_shard_tokens", settings.shardTokens());
    m.put("documents", documents);
    m.put("tokens", totalTokens);
    // Languages and bytes per token (text tokens: without the EOS/BOS added per document).
    TreeMap<String, long[]> langs = new TreeMap<>();
    List<Map<String, Object>> shards = new ArrayList<>();
    if (settings.megatron()) {
      List<Row> sorted = new ArrayList<>(stats);
      sorted.sort((a, b) -> a.getInt(1) != b.getInt(1) ? Integer.compare(a.getInt(1), b.getInt(1))
          : String.valueOf(a.getString(2)).compareTo(String.valueOf(b.getString(2))));
      for (Row r : sorted) {
        if (r.getString(0).equals("shard")) {
          Map<String, Object> s = new LinkedHashMap<>();
          s.put("name", shardName(r.getInt(1)));
          s.put("documents", r.getLong(3));
          s.put("tokens", r.getLong(4));
          s.put("bin_bytes", r.getLong(6));
          s.put("idx_bytes", r.getLong(7));
          s.put("bin_sha256", r.getString(8));
          shards.add(s);
        } else {
          long[] a = langs.computeIfAbsent(r.getString(2), k -> new long[3]);
          a[0] += r.getLong(3);
          a[1] += r.getLong(4);
          a[2] += r.getLong(5);
        }
      }
    } else {
      for (Row r : tokenized.groupBy("lang").agg(org.apache.spark.sql.functions.count(lit(1)), sum("n_tokens"),
          sum("text_bytes")).collectAsList()) {
        langs.put(r.isNullAt(0) ? "und" : r.getString(0), new long[] {r.getLong(1), r.getLong(2), r.getLong(3)});
      }
    }
    long textBytes = langs.values().stream().mapToLong(a -> a[2]).sum();
    m.put("text_bytes", textBytes);
    m.put("bytes_per_token", bytesPerToken(textBytes, totalTokens - specialsPerDoc * documents));
    m.put("shard_count", settings.megatron() ? shards.size() : shardCount);
    Map<String, Object> byLang = new LinkedHashMap<>();
    langs.forEach((lang, a) -> {
      Map<String, Object> l = new LinkedHashMap<>();
      l.put("documents", a[0]);
      l.put("tokens", a[1]);
      l.put("text_bytes", a[2]);
      l.put("bytes_per_token", bytesPerToken(a[2], a[1] - specialsPerDoc * a[0]));
      byLang.put(lang, l);
    });
    m.put("languages", byLang);
    m.put("shards", shards);
    return m;
  }

  private static double bytesPerToken(long bytes, long tokens) {
    return tokens <= 0 ? 0.0 : Math.round(1e4 * bytes / (double) tokens) / 1e4;
  }

  public static String shardName(int shard) {
    return String.format("shard_%05d", shard);
  }

  static String sha256Hex(byte[] b) {
    return b == null ? null : HexFormat.of().formatHex(sha256().digest(b));
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Tokenises each document: ids as little-endian int32 bytes, and its place in the shuffle. */
  static final class Encode implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<HashMap<String, byte[]>> files;
    private final Settings settings;

    Encode(Broadcast<HashMap<String, byte[]>> files, Settings settings) {
      this.files = files;
      this.settings = settings;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> docs) throws IOException {
      BpeModel model = TokenizerFiles.load(files.value());
      Tokenizer tokenizer = new Tokenizer(model);
      MessageDigest sha = sha256();
      IntBuffer ids = new IntBuffer(1024);
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return docs.hasNext();
        }

        @Override
        public Row next() {
          Row d = docs.next();
          String id = d.getString(0);
          String text = d.getString(2);
          ids.clear();
          if (settings.bos()) {
            ids.add(model.bosId());
          }
          tokenizer.encode(text, ids);
          if (settings.eos()) {
            ids.add(model.eosId());
          }
          ByteBuffer b = ByteBuffer.allocate(ids.size() * 4).order(ByteOrder.LITTLE_ENDIAN);
          for (int i = 0; i < ids.size(); i++) {
            b.putInt(ids.get(i));
          }
          sha.reset();
          sha.update(Long.toString(settings.seed()).getBytes(StandardCharsets.UTF_8));
          sha.update((byte) '\n');
          sha.update(String.valueOf(id).getBytes(StandardCharsets.UTF_8));
          ByteBuffer h = ByteBuffer.wrap(sha.digest());
          long key = h.getLong();
          long shardHash = h.getLong() & Long.MAX_VALUE;
          return RowFactory.create(id, d.getString(1), key, shardHash, b.array(), (long) ids.size(),
              (long) text.getBytes(StandardCharsets.UTF_8).length);
        }
      };
    }
  }

  /** Writes each shard of a partition (rows sorted by shard, then shuffle key) and returns its figures. */
  static final class WriteShards implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final SerializableHadoopConf conf;
    private final String output;
    private final int vocabSize;

    WriteShards(SerializableHadoopConf conf, String output, int vocabSize) {
      this.conf = conf;
      this.output = output;
      this.vocabSize = vocabSize;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) throws IOException {
      List<Row> out = new ArrayList<>();
      FileSystem fs = new Path(output).getFileSystem(conf.get());
      int current = -1;
      ShardOut shard = null;
      while (rows.hasNext()) {
        Row r = rows.next();
        int s = r.getAs("shard");
        if (s != current) {
          if (shard != null) {
            shard.finish(out);
          }
          current = s;
          shard = new ShardOut(fs, output, s, vocabSize);
        }
        shard.add(r);
      }
      if (shard != null) {
        shard.finish(out);
      }
      return out.iterator();
    }
  }

  private static final class ShardOut {
    private final int shard;
    private final MessageDigest binSha = sha256();
    private final MegatronWriter writer;
    private final OutputStream ids;
    private final TreeMap<String, long[]> langs = new TreeMap<>();
    private long textBytes;
    private int[] buf = new int[1024];

    ShardOut(FileSystem fs, String output, int shard, int vocabSize) throws IOException {
      this.shard = shard;
      String name = shardName(shard);
      OutputStream bin = new java.security.DigestOutputStream(fs.create(new Path(output, name + ".bin"), true), binSha);
      writer = new MegatronWriter(bin, fs.create(new Path(output, name + ".idx"), true), vocabSize);
      ids = new java.io.BufferedOutputStream(fs.create(new Path(output, name + ".ids"), true));
    }

    void add(Row r) throws IOException {
      byte[] b = r.getAs("tokens");
      int n = b.length / 4;
      if (buf.length < n) {
        buf = new int[n * 2];
      }
      ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
      for (int i = 0; i < n; i++) {
        buf[i] = bb.getInt();
      }
      writer.add(buf, 0, n);
      String id = r.getAs("id");
      ids.write((String.valueOf(id) + "\n").getBytes(StandardCharsets.UTF_8));
      String lang = r.getAs("lang");
      long tb = r.<Long>getAs("text_bytes");
      long[] l = langs.computeIfAbsent(lang == null ? "und" : lang, k -> new long[3]);
      l[0]++;
      l[1] += n;
      l[2] += tb;
      textBytes += tb;
    }

    void finish(List<Row> out) throws IOException {
      writer.close();
      ids.close();
      out.add(RowFactory.create("shard", shard, null, (long) writer.sequences(), writer.tokens(), textBytes,
          writer.binBytes(), writer.idxBytes(), HexFormat.of().formatHex(binSha.digest())));
      for (Map.Entry<String, long[]> e : langs.entrySet()) {
        long[] a = e.getValue();
        out.add(RowFactory.create("lang", shard, e.getKey(), a[0], a[1], a[2], 0L, 0L, null));
      }
    }
  }
}
