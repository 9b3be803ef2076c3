package org.curate.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our files against the reference implementations: HF tokenizers (DJL's Java binding of the Rust
 * core, a test dependency) loads our byte-level tokenizer.json and must encode token for token
 * as we do (both modes); Debian's {@code spm_encode} loads our tokenizer.model and must give our ids (skipped
 * when the sentencepiece tools are not installed: {@code apt-get install sentencepiece}).
 */
class ReferenceParityTest {

  /** Real web text when the shared data is there, plus generated multilingual text. */
  private static List<String> corpus() {
    List<String> texts = new ArrayList<>(TestCorpus.realArticles());
    texts.addAll(TestCorpus.generated(600, 17));
    return texts;
  }

  @Test
  void hfTokenizersLoadsOurByteLevelFileAndEncodesIdentically(@TempDir Path tmp) throws IOException {
    List<String> texts = corpus();
    List<String> train = texts.subList(0, texts.size() * 3 / 4);
    List<String> heldOut = texts.subList(texts.size() * 3 / 4, texts.size());
    TokenizerOptions o = TokenizerOptions.byteLevel(3000);
    BpeModel model = TokenizerTrainer.train(TestCorpus.count(o.preTokenizer(), train), o);
    TokenizerFiles.write(model, tmp, Map.of());
    Tokenizer ours = new Tokenizer(model);
    try (HuggingFaceTokenizer hf = HuggingFaceTokenizer.builder().optTokenizerPath(tmp.resolve("tokenizer.json"))
        .optAddSpecialTokens(false).optTruncation(false).optPadding(false).build()) {
      List<String> all = new ArrayList<>(heldOut);
      all.addAll(train.subList(0, Math.min(50, train.size())));
      all.addAll(TestCorpus.randomUnicode(200, 23, false));
      long tokens = 0;
      for (String t : all) {
        Encoding e = hf.encode(t, false, false);
        long[] hfIds = e.getIds();
        int[] ourIds = ours.encode(t);
        assertThat(Arrays.stream(ourIds).asLongStream().toArray()).as("ids of %s", t).isEqualTo(hfIds);
        tokens += ourIds.length;
      }
      assertThat(tokens).isGreaterThan(1000);
    }
  }

  /**
   * SentencePiece mode: HF tokenizers loads our tokenizer.json and encodes whole multi-line
   * documents as our encoder does (every non-empty line gets its dummy-prefix ▁, empty lines and
   * a leading or trailing newline none), and its decoder gives the text back.
   */
  @Test
  void hfTokenizersLoadsOurSentencePieceFileAndEncodesMultiLineTextIdentically(@TempDir Path tmp) throws IOException {
    List<String> texts = corpus();
    List<String> train = texts.subList(0, texts.size() * 3 / 4);
    TokenizerOptions o = TokenizerOptions.sentencePiece(2000);
    BpeModel model = TokenizerTrainer.train(TestCorpus.count(o.preTokenizer(), train), o);
    TokenizerFiles.write(model, tmp, Map.of());
    Tokenizer ours = new Tokenizer(model);
    List<String> docs = new ArrayList<>(texts.subList(texts.size() * 3 / 4, texts.size()));
    docs.addAll(List.of("\nleading newline", "trailing newline\n", "a\n\nb", " \nx", "\n", "\n\n\n", " ", "x\n \ny",
        "  two\n  leading", "crlf\r\nline\r\n", "tab\tend\n\tstart"));
    long multiLine = docs.stream().filter(d -> d.indexOf('\n') >= 0 && d.indexOf('\n') < d.length() - 1).count();
    assertThat(multiLine).as("documents with inner newlines").isGreaterThan(10);
    try (HuggingFaceTokenizer hf = HuggingFaceTokenizer.builder().optTokenizerPath(tmp.resolve("tokenizer.json"))
        .optAddSpecialTokens(false).optTruncation(false).optPadding(false).build()) {
      for (String d : docs) {
        long[] hfIds = hf.encode(d, false, false).getIds();
        assertThat(Arrays.stream(ours.encode(d)).asLongStream().toArray()).as("ids of %s", d).isEqualTo(hfIds);
        assertThat(hf.decode(hfIds, false)).as("HF decode of %s", d).isEqualTo(d);
      }
    }
  }

  @Test
  void spmEncodeGivesOurIdsWithOurModel(@TempDir Path tmp) throws Exception {
    assumeTrue(onPath("spm_encode"), "spm_encode not installed (apt-get install sentencepiece)");
    List<String> texts = corpus();
    List<String> train = texts.subList(0, texts.size() * 3 / 4);
    TokenizerOptions o = TokenizerOptions.sentencePiece(2000);
    BpeModel model = TokenizerTrainer.train(TestCorpus.count(o.preTokenizer(), train), o);
    assertThat(model.size()).isEqualTo(2000);
    TokenizerFiles.write(model, tmp.resolve("tok"), Map.of());
    Tokenizer ours = new Tokenizer(TokenizerFiles.load(tmp.resolve("tok")));
    List<String> lines = lines(texts.subList(texts.size() * 3 / 4, texts.size()));
    lines.addAll(lines(train.subList(0, 40)));
    lines.addAll(List.of("ж unseen Ω ẞ 🙂 👨‍👩‍👧", "  two leading spaces", "digits 0123456789 ٣٤", "tab\there"));
    List<String> got = spmEncode(tmp, tmp.resolve("tok/tokenizer.model"), lines);
    assertThat(got).hasSize(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      assertThat(got.get(i)).as("line %s", lines.get(i)).isEqualTo(join(ours.encode(lines.get(i))));
    }
  }

  @Test
  void ourEncoderMatchesSpmEncodeOnSpmTrainsOwnModel(@TempDir Path tmp) throws Exception {
    assumeTrue(onPath("spm_train") && onPath("spm_encode"), "sentencepiece tools not installed");
    List<String> texts = corpus();
    List<String> trainLines = lines(texts.subList(0, texts.size() * 3 / 4));
    Path input = tmp.resolve("train.txt");
    Files.write(input, trainLines, StandardCharsets.UTF_8);
    Process p = new ProcessBuilder("spm_train", "--input=" + input, "--model_prefix=" + tmp.resolve("spm"),
        "--vocab_size=2000", "--model_type=bpe", "--byte_fallback=true", "--split_digits=true",
        "--normalization_rule_name=identity", "--remove_extra_whitespaces=false",
        "--allow_whitespace_only_pieces=true", "--input_sentence_size=0", "--max_sentence_length=262144",
        "--num_threads=1").redirectErrorStream(true).redirectOutput(tmp.resolve("spm.log").toFile()).start();
    assertThat(p.waitFor()).isZero();
    Tokenizer spmModel = new Tokenizer(SentencePieceModelProto.read(Files.readAllBytes(tmp.resolve("spm.model"))));
    List<String> heldOut = lines(texts.subList(texts.size() * 3 / 4, texts.size()));
    List<String> got = spmEncode(tmp, tmp.resolve("spm.model"), heldOut);
    for (int i = 0; i < heldOut.size(); i++) {
      assertThat(got.get(i)).as("line %s", heldOut.get(i)).isEqualTo(join(spmModel.encode(heldOut.get(i))));
    }
    // Compression of our trainer vs spm_train at the same size and settings, on held-out lines.
    TokenizerOptions o = TokenizerOptions.sentencePiece(2000);
    Tokenizer ours = new Tokenizer(TokenizerTrainer.train(TestCorpus.count(o.preTokenizer(), trainLines), o));
    long bytes = 0;
    long oursTokens = 0;
    long spmTokens = 0;
    for (String l : heldOut) {
      bytes += l.getBytes(StandardCharsets.UTF_8).length;
      oursTokens += ours.encode(l).length;
      spmTokens += spmModel.encode(l).length;
    }
    double oursBpt = (double) bytes / oursTokens;
    double spmBpt = (double) bytes / spmTokens;
    System.out.printf("held-out bytes/token at 2000: ours %.4f, spm_train %.4f (%.2f%%)%n", oursBpt, spmBpt,
        100 * (oursBpt / spmBpt - 1));
    assertThat(oursBpt / spmBpt).as("within 1%% of spm_train").isGreaterThan(0.99);
  }

  static List<String> lines(List<String> docs) {
    List<String> out = new ArrayList<>();
    for (String d : docs) {
      for (String l : d.split("\n")) {
        if (!l.isEmpty() && !l.contains("\r")) {
          out.add(l);
        }
      }
    }
    return out;
  }

  private static String join(int[] ids) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < ids.length; i++) {
      sb.append(i == 0 ? "" : " ").append(ids[i]);
    }
    return sb.toString();
  }

  private static List<String> spmEncode(Path tmp, Path model, List<String> lines) throws Exception {
    Path in = tmp.resolve("encode-in.txt");
    Path out = tmp.resolve("encode-out.txt");
    Files.write(in, lines, StandardCharsets.UTF_8);
    Process p = new ProcessBuilder("spm_encode", "--model=" + model, "--output_format=id", "--input=" + in,
        "--output=" + out).redirectErrorStream(true).redirectOutput(tmp.resolve("encode.log").toFile()).start();
    assertThat(p.waitFor()).as(Files.readString(tmp.resolve("encode.log"))).isZero();
    return Files.readAllLines(out, StandardCharsets.UTF_8);
  }

  static boolean onPath(String exe) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, exe))) {
        return true;
      }
    }
    return false;
  }
}
