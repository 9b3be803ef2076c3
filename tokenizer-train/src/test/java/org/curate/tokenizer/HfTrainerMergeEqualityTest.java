package org.curate.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our byte-level trainer against HF tokenizers' own trainer (the npm binding, which only trains
 * with the default settings: vocab 30000, no special tokens, alphabet = the bytes seen) on the same
 * lines: the merge lists must be identical. Skipped unless {@code node} is installed and
 * {@code NODE_PATH} holds the {@code tokenizers} package ({@code .ci/run} installs it best-effort).
 */
class HfTrainerMergeEqualityTest {

  @Test
  void mergeListEqualsHfTrainers(@TempDir Path tmp) throws Exception {
    String nodePath = System.getenv("NODE_PATH");
    assumeTrue(ReferenceParityTest.onPath("node") && nodePath != null
        && Files.isDirectory(Path.of(nodePath.split(java.io.File.pathSeparator)[0], "tokenizers")),
        "node with the npm tokenizers package (NODE_PATH) not available");
    List<String> lines = new ArrayList<>();
    List<String> texts = new ArrayList<>(TestCorpus.realArticles());
    texts.addAll(TestCorpus.generated(800, 29));
    for (String t : texts) {
      for (String l : t.split("\n")) {
        if (!l.isBlank() && !l.contains("\r")) {
          lines.add(l);
        }
      }
    }
    Path corpus = tmp.resolve("corpus.txt");
    Files.write(corpus, lines, StandardCharsets.UTF_8);
    Path out = tmp.resolve("hf.json");
    ProcessBuilder pb = new ProcessBuilder("node", Path.of("src/test/node/hf_train_merges.js").toString(),
        corpus.toString(), out.toString()).redirectErrorStream(true);
    Process p = pb.start();
    String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(printed).isZero();

    // HF reads each line with its line ending.
    WordCounts words = new WordCounts();
    Gpt2Splitter pre = new Gpt2Splitter();
    for (String l : lines) {
      words.addText(pre, l + "\n");
    }
    BpeModel ours = TokenizerTrainer.train(words,
        TokenizerOptions.byteLevel(30_000).withSpecialTokens(List.of()).withFullByteAlphabet(false));
    JsonNode hf = new ObjectMapper().readTree(out.toFile()).get("model");
    JsonNode merges = hf.get("merges");
    assertThat(merges.size()).isGreaterThan(1000);
    List<String> hfMerges = new ArrayList<>();
    for (JsonNode m : merges) {
      hfMerges.add(m.isArray() ? m.get(0).asText() + " " + m.get(1).asText() : m.asText());
    }
    List<String> ourMerges = new ArrayList<>();
    for (int[] m : ours.merges()) {
      ourMerges.add(ours.vocab().get(m[0]) + " " + ours.vocab().get(m[1]));
    }
    assertThat(ourMerges).isEqualTo(hfMerges);
    assertThat(ours.size()).isEqualTo(hf.get("vocab").size());
  }
}
