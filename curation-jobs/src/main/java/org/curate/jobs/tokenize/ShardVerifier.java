package org.curate.jobs.tokenize;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.curate.tokenizer.BpeModel;
import org.curate.tokenizer.Tokenizer;
import org.curate.tokenizer.TokenizerFiles;
import org.curate.tokenizer.shards.MegatronIndex;

/**
 * {@code verify-shards}: checks every shard a {@code tokenize} manifest lists: the {@code .idx}
 * header, counts and pointers ({@link MegatronIndex#parse}), {@code .bin} and {@code .ids} sizes
 * against the index and the manifest, totals; then decodes a sample of documents per shard and
 * checks EOS/BOS, id range, that re-encoding the decoded text gives the same ids and, when the
 * source documents are given, that the decoded text is the document's text.
 */
public final class ShardVerifier {
  public record Result(int shards, long documents, long tokens, int sampled, int comparedWithSource,
      List<String> errors) {
    public boolean ok() {
      return errors.isEmpty();
    }
  }

  private ShardVerifier() {}

  /**
   * @param sourceTexts document id → text (null: no comparison with the source)
   */
  public static Result verify(Configuration conf, String dir, String tokenizerDir, int samplePerShard,
      Map<String, String> sourceTexts) {
    List<String> errors = new ArrayList<>();
    JsonNode manifest;
    BpeModel model;
    try {
      manifest = HadoopFiles.JSON.readTree(HadoopFiles.read(conf, new Path(dir, TokenizeJob.MANIFEST)));
      model = TokenizerFiles.load(HadoopFiles.tokenizerFiles(conf, tokenizerDir));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Tokenizer tokenizer = new Tokenizer(model);
    if (manifest.path("tokenizer").path("vocab_size").asInt() != model.size()) {
      errors.add("manifest vocab_size " + manifest.path("tokenizer").path("vocab_size").asInt()
          + " != tokenizer's " + model.size());
    }
    boolean eos = manifest.path("append_eos").asBoolean();
    boolean bos = manifest.path("prepend_bos").asBoolean();
    long docs = 0;
    long tokens = 0;
    int sampled = 0;
    int compared = 0;
    int shards = 0;
    for (JsonNode s : manifest.path("shards")) {
      shards++;
      String name = s.get("name").asText();
      try {
        FileSystem fs = new Path(dir).getFileSystem(conf);
        byte[] idxBytes = HadoopFiles.read(conf, new Path(dir, name + ".idx"));
        MegatronIndex index;
        try {
          index = MegatronIndex.parse(idxBytes);
        } catch (IllegalArgumentException e) {
          errors.add(name + ".idx: " + e.getMessage());
          continue;
        }
        long binSize = fs.getFileStatus(new Path(dir, name + ".bin")).getLen();
        check(errors, binSize == index.expectedBinBytes(), name + ".bin has " + binSize + " bytes, index says "
            + index.expectedBinBytes());
        check(errors, binSize == s.get("bin_bytes").asLong(), name + ".bin size differs from the manifest");
        check(errors, idxBytes.length == s.get("idx_bytes").asLong(), name + ".idx size differs from the manifest");
        check(errors, index.sequences() == s.get("documents").asLong(), name + ": " + index.sequences()
            + " sequences, manifest says " + s.get("documents").asLong());
        check(errors, index.tokens() == s.get("tokens").asLong(), name + ": token count differs from the manifest");
        String expectedDtype = manifest.path("dtype").asText();
        check(errors, (index.itemSize() == 2 ? "uint16" : "int32").equals(expectedDtype), name + ": dtype differs");
        String[] ids = new String(HadoopFiles.read(conf, new Path(dir, name + ".ids")), StandardCharsets.UTF_8)
            .split("\n", -1);
        check(errors, ids.length - 1 == index.sequences(), name + ".ids has " + (ids.length - 1) + " ids for "
            + index.sequences() + " sequences");
        docs += index.sequences();
        tokens += index.tokens();
        int n = Math.min(samplePerShard, index.sequences());
        try (FSDataInputStream bin = fs.open(new Path(dir, name + ".bin"))) {
          for (int k = 0; k < n; k++) {
            int i = (int) ((long) k * index.sequences() / n);
            byte[] raw = new byte[index.lengths()[i] * index.itemSize()];
            bin.readFully(index.pointers()[i], raw);
            int[] seq = index.decode(raw, 0, index.lengths()[i]);
            sampled++;
            int from = 0;
            int to = seq.length;
            if (bos) {
              check(errors, seq.length > 0 && seq[0] == model.bosId(), name + "[" + i + "] does not start with BOS");
              from = 1;
            }
            if (eos) {
              check(errors, seq.length > 0 && seq[seq.length - 1] == model.eosId(), name + "[" + i + "] does not end with EOS");
              to = Math.max(from, seq.length - 1);
            }
            boolean inRange = Arrays.stream(seq).allMatch(t -> t >= 0 && t < model.size());
            check(errors, inRange, name + "[" + i + "] has an id outside the vocabulary");
            if (!inRange) {
              continue;
            }
            int[] content = Arrays.copyOfRange(seq, from, to);
            String text = tokenizer.decode(content);
            check(errors, Arrays.equals(tokenizer.encode(text), content), name + "[" + i
                + "]: re-encoding the decoded text gives other ids");
            if (sourceTexts != null && i < ids.length - 1) {
              String source = sourceTexts.get(ids[i]);
              if (source != null) {
                compared++;
                check(errors, source.equals(text), name + "[" + i + "] (" + ids[i] + ") does not decode to its text");
              }
            }
          }
        }
      } catch (IOException e) {
        errors.add(name + ": " + e.getMessage());
      }
    }
    check(errors, docs == manifest.path("documents").asLong(), "documents in shards " + docs + " != manifest "
        + manifest.path("documents").asLong());
    check(errors, tokens == manifest.path("tokens").asLong(), "tokens in shards " + tokens + " != manifest "
        + manifest.path("tokens").asLong());
    return new Result(shards, docs, tokens, sampled, compared, errors);
  }

  private static void check(List<String> errors, boolean ok, String message) {
    if (!ok) {
      errors.add(message);
    }
  }
}
