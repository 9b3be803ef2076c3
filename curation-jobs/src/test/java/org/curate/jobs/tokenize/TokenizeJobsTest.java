package org.curate.jobs.tokenize;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.curate.jobs.Curate;
import org.curate.jobs.SparkTestSupport;
import org.curate.jobs.StageOutput;
import org.curate.tokenizer.BpeModel;
import org.curate.tokenizer.Tokenizer;
import org.curate.tokenizer.TokenizerFiles;
import org.curate.tokenizer.TokenizerOptions;
import org.curate.tokenizer.TokenizerTrainer;
import org.curate.tokenizer.WordCounts;
import org.curate.tokenizer.shards.MegatronIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train-tokenizer → tokenize → verify-shards on Spark local[2], both modes. */
class TokenizeJobsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] WORDS = ("the of and to in is was for on that with as by at from his her their "
      + "which this have had were been not but are one all would there what so out up about into "
      + "Haus und der die das nicht mit für über Straße maison être très où déjà naïve café école "
      + "дом привет книга Ελλάδα γλώσσα 東京 日本語 don't it's 2024 3.14 42 $19.99 🙂 👍🏽 — « » “ ”").split(" ");

  /** Documents: real article bodies when the shared data is there, then generated multilingual ones. */
  private static List<Map<String, String>> documents() throws IOException {
    List<Map<String, String>> docs = new ArrayList<>();
    Path data = SparkTestSupport.sharedData();
    if (data != null && Files.isDirectory(data.resolve("extraction-dev/aeb/truth"))) {
      try (Stream<Path> files = Files.list(data.resolve("extraction-dev/aeb/truth"))) {
        for (Path f : files.sorted().limit(40).toList()) {
          JsonNode body = JSON.readTree(f.toFile()).get("articleBody");
          if (body != null && !body.asText().isBlank()) {
            docs.add(Map.of("id", "real-" + docs.size(), "lang", "en", "text", body.asText()));
          }
        }
      }
    }
    Random r = new Random(3);
    for (int d = 0; d < 300; d++) {
      StringBuilder sb = new StringBuilder();
      int lines = 1 + r.nextInt(4);
      for (int l = 0; l < lines; l++) {
        for (int w = 0, n = 3 + r.nextInt(25); w < n; w++) {
          sb.append(w == 0 ? "" : r.nextInt(25) == 0 ? "  " : " ").append(WORDS[r.nextInt(WORDS.length)]);
        }
        sb.append(l + 1 < lines ? "\n" : "");
      }
      docs.add(Map.of("id", "gen-" + d, "lang", d % 3 == 0 ? "de" : "en", "text", sb.toString()));
    }
    return docs;
  }

  private static Path writeJsonl(Path dir, List<Map<String, String>> docs) throws IOException {
    Path f = dir.resolve("docs.jsonl");
    List<String> lines = new ArrayList<>();
    for (Map<String, String> d : docs) {
      lines.add(JSON.writeValueAsString(d));
    }
    lines.add("{\"id\":\"no-text\"}");
    Files.write(f, lines, StandardCharsets.UTF_8);
    return f;
  }

  @Test
  void trainTokenizeAndVerifyBothModes(@TempDir Path tmp) throws Exception {
    SparkTestSupport.spark();
    List<Map<String, String>> docs = documents();
    Path input = writeJsonl(tmp, docs);
    Map<String, String> textById = new HashMap<>();
    docs.forEach(d -> textById.put(d.get("id"), d.get("text")));
    for (String mode : List.of("sentencepiece", "byte-level")) {
      Path tok = tmp.resolve("tok-" + mode);
      assertThat(Curate.execute("train-tokenizer", "--input", input.toString(), "--output", tok.toString(),
          "--mode", mode, "--vocab-size", "900", "--master", "local[2]")).isZero();
      JsonNode stats = StageOutput.assertConserved(tok);
      assertThat(stats.get("in").asLong()).isEqualTo(docs.size() + 1);
      assertThat(stats.get("out").asLong()).isEqualTo(docs.size());
      assertThat(stats.get("dropped").get("input:no-text").asLong()).isEqualTo(1);
      JsonNode meta = JSON.readTree(tok.resolve(TokenizerFiles.META).toFile());
      assertThat(meta.get("vocab_size").asInt()).isEqualTo(900);
      JsonNode pruning = meta.get("training").get("pruning");
      assertThat(pruning.get("distinct_words_before").asLong()).isEqualTo(pruning.get("distinct_words_after").asLong());
      assertThat(Files.exists(tok.resolve(TokenizerFiles.SPM_MODEL))).isEqualTo(mode.equals("sentencepiece"));

      // Distributed counting gives exactly the tokenizer a local count of the same texts gives.
      TokenizerOptions options = TokenizerOptions.defaults(org.curate.tokenizer.Mode.parse(mode)).withVocabSize(900);
      WordCounts local = new WordCounts();
      docs.forEach(d -> local.addText(options.preTokenizer(), d.get("text")));
      BpeModel localModel = TokenizerTrainer.train(local, options);
      assertThat(Files.readAllBytes(tok.resolve(TokenizerFiles.HF_JSON))).isEqualTo(TokenizerFiles.hfJson(localModel));

      Path out = tmp.resolve("shards-" + mode);
      assertThat(Curate.execute("tokenize", "--input", input.toString(), "--tokenizer", tok.toString(),
          "--output", out.toString(), "--shard-tokens", "6000", "--format", "both", "--master", "local[2]")).isZero();
      StageOutput.assertConserved(out);
      JsonNode manifest = JSON.readTree(out.resolve(TokenizeJob.MANIFEST).toFile());
      assertThat(manifest.get("dtype").asText()).isEqualTo("uint16");
      assertThat(manifest.get("documents").asLong()).isEqualTo(docs.size());
      assertThat(manifest.get("shards").size()).isGreaterThan(1);
      assertThat(manifest.get("languages").get("de").get("documents").asLong()).isEqualTo(100);

      Tokenizer tokenizer = new Tokenizer(TokenizerFiles.load(tok));
      BpeModel model = tokenizer.model();
      Set<String> seen = new HashSet<>();
      long tokens = 0;
      Map<String, int[]> sequenceById = new HashMap<>();
      List<String> prefixes = new ArrayList<>();
      for (JsonNode s : manifest.get("shards")) {
        String name = s.get("name").asText();
        prefixes.add(out.resolve(name).toString());
        byte[] idx = Files.readAllBytes(out.resolve(name + ".idx"));
        byte[] bin = Files.readAllBytes(out.resolve(name + ".bin"));
        MegatronIndex index = MegatronIndex.parse(idx);
        assertThat((long) bin.length).isEqualTo(index.expectedBinBytes()).isEqualTo(s.get("bin_bytes").asLong());
        List<String> ids = Files.readAllLines(out.resolve(name + ".ids"));
        assertThat(ids).hasSize(index.sequences());
        List<int[]> seqs = index.sequences(bin);
        for (int i = 0; i < seqs.size(); i++) {
          int[] seq = seqs.get(i);
          assertThat(seq[seq.length - 1]).isEqualTo(model.eosId());
          String text = tokenizer.decode(seq, 0, seq.length - 1);
          assertThat(text).as("%s doc %s", mode, ids.get(i)).isEqualTo(textById.get(ids.get(i)));
          assertThat(seen.add(ids.get(i))).as("each document once").isTrue();
          sequenceById.put(ids.get(i), seq);
          tokens += seq.length;
        }
      }
      assertThat(seen).hasSize(docs.size());
      assertThat(tokens).isEqualTo(manifest.get("tokens").asLong());

      // Parquet output holds the same ids.
      for (Row r : SparkTestSupport.spark().read().parquet(out.resolve("parquet").toString()).collectAsList()) {
        List<Integer> ids = r.getList(r.fieldIndex("input_ids"));
        assertThat(ids.stream().mapToInt(Integer::intValue).toArray()).isEqualTo(sequenceById.get(r.<String>getAs("id")));
      }

      // Deterministic: a second run writes byte-identical shards and manifest.
      Path again = tmp.resolve("again-" + mode);
      assertThat(Curate.execute("tokenize", "--input", input.toString(), "--tokenizer", tok.toString(),
          "--output", again.toString(), "--shard-tokens", "6000", "--master", "local[2]")).isZero();
      for (JsonNode s : manifest.get("shards")) {
        for (String ext : List.of(".bin", ".idx", ".ids")) {
          String f = s.get("name").asText() + ext;
          assertThat(Files.readAllBytes(again.resolve(f))).as(f).isEqualTo(Files.readAllBytes(out.resolve(f)));
        }
      }
      ObjectNode m1 = (ObjectNode) manifest.deepCopy();
      ObjectNode m2 = (ObjectNode) JSON.readTree(again.resolve(TokenizeJob.MANIFEST).toFile());
      m1.remove(List.of("format", "parquet"));
      m2.remove(List.of("format", "parquet"));
      assertThat(m2).isEqualTo(m1);

      // An independent reader (Python + numpy, written from the published layout) reads the same sequences.
      pythonReaderAgrees(prefixes, sequenceById, out);

      // verify-shards passes, and catches a truncated .bin.
      assertThat(Curate.execute("verify-shards", "--shards", out.toString(), "--tokenizer", tok.toString(),
          "--input", input.toString(), "--master", "local[2]")).isZero();
      Path first = out.resolve(manifest.get("shards").get(0).get("name").asText() + ".bin");
      byte[] bin = Files.readAllBytes(first);
      Files.write(first, java.util.Arrays.copyOf(bin, bin.length - 2));
      assertThat(Curate.execute("verify-shards", "--shards", out.toString(), "--tokenizer", tok.toString(),
          "--master", "local[2]")).isEqualTo(1);
    }
  }

  private static void pythonReaderAgrees(List<String> prefixes, Map<String, int[]> sequenceById, Path out)
      throws Exception {
    Path script = Path.of("../tokenizer-train/src/test/python/megatron_reader.py");
    Process probe = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
    if (!Files.exists(script) || probe.waitFor() != 0) {
      System.out.println("python3 with numpy not available: skipping the independent reader check");
      return;
    }
    List<String> cmd = new ArrayList<>(List.of("python3", script.toString()));
    cmd.addAll(prefixes);
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    assertThat(p.waitFor()).isZero();
    assertThat(lines).hasSize(prefixes.size());
    int checked = 0;
    for (String line : lines) {
      JsonNode shard = JSON.readTree(line);
      List<String> ids = Files.readAllLines(out.resolve(shard.get("prefix").asText() + ".ids"));
      assertThat(shard.get("dtype").asText()).isEqualTo("uint16");
      JsonNode seqs = shard.get("sequences");
      assertThat(seqs.size()).isEqualTo(ids.size());
      for (int i = 0; i < seqs.size(); i++) {
        int[] expected = sequenceById.get(ids.get(i));
        assertThat(seqs.get(i).size()).isEqualTo(expected.length);
        for (int k = 0; k < expected.length; k++) {
          assertThat(seqs.get(i).get(k).asInt()).isEqualTo(expected[k]);
        }
        checked++;
      }
    }
    assertThat(checked).isEqualTo(sequenceById.size());
  }
}
