package org.curate.dedup.truth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.curate.dedup.Jaccard;
import org.curate.dedup.ShingleHasher;
import org.curate.dedup.TextNormalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroundTruthGeneratorTest {
  private static final GroundTruthGenerator.Settings SMALL = GroundTruthGenerator.DEFAULTS.withDocs(300).withSeed(5);

  private static long[] shingles(String text) {
    return new ShingleHasher(5).shingles(new TextNormalizer().normalize(text));
  }

  @Test
  void sameSeedSameBytes(@TempDir Path tmp) throws Exception {
    GroundTruthGenerator.write(new GroundTruthGenerator().generate(SMALL), tmp.resolve("a"));
    GroundTruthGenerator.write(new GroundTruthGenerator().generate(SMALL), tmp.resolve("b"));
    for (String f : List.of("docs.jsonl", "meta.jsonl", "truth_pairs.tsv", "summary.json")) {
      assertThat(Files.readAllBytes(tmp.resolve("a").resolve(f))).isEqualTo(Files.readAllBytes(tmp.resolve("b").resolve(f)));
    }
    assertThat(new GroundTruthGenerator().generate(SMALL.withSeed(6)).docs().get(0).text())
        .isNotEqualTo(new GroundTruthGenerator().generate(SMALL).docs().get(0).text());
  }

  @Test
  void recordedJaccardIsExactAndOnlyFamiliesAreSimilar() {
    GroundTruthGenerator.Corpus corpus = new GroundTruthGenerator().generate(SMALL);
    assertThat(corpus.docs()).hasSize(300);
    Map<String, long[]> sh = new HashMap<>();
    corpus.docs().forEach(d -> sh.put(d.id(), shingles(d.text())));
    Map<String, Double> truth = new HashMap<>();
    for (TruthPair p : corpus.pairs()) {
      assertThat(Jaccard.of(sh.get(p.a()), sh.get(p.b()))).isEqualTo(p.jaccard());
      truth.put(p.key(), p.jaccard());
    }
    assertThat(corpus.pairs().stream().filter(p -> p.jaccard() >= 0.8).count()).isGreaterThan(10);
    assertThat(corpus.pairs().stream().filter(p -> p.jaccard() < 0.8).count()).isGreaterThan(10);
    // Brute force: no pair outside the truth file is similar.
    List<String> ids = new ArrayList<>(sh.keySet());
    double maxOther = 0;
    for (int i = 0; i < ids.size(); i++) {
      for (int k = i + 1; k < ids.size(); k++) {
        if (!truth.containsKey(TruthPair.key(ids.get(i), ids.get(k)))) {
          maxOther = Math.max(maxOther, Jaccard.of(sh.get(ids.get(i)), sh.get(ids.get(k))));
        }
      }
    }
    assertThat(maxOther).isLessThan(0.2);
    // Copies land at or below their target.
    corpus.docs().stream().filter(d -> d.role().equals("copy") && d.targetJaccard() < 1)
        .forEach(d -> assertThat(d.achievedJaccard()).isLessThanOrEqualTo(d.targetJaccard()).isGreaterThan(d.targetJaccard() - 0.15));
  }

  @Test
  void perfectPredictionScoresOne() {
    GroundTruthGenerator.Corpus corpus = new GroundTruthGenerator().generate(SMALL);
    DedupEvaluation eval = new DedupEvaluation(corpus.pairs(), 0.8, (a, b) -> 0.0);
    List<String[]> perfect = corpus.pairs().stream().filter(p -> p.jaccard() >= 0.8)
        .map(p -> new String[] {p.b(), p.a()}).toList();
    DedupEvaluation.Scores s = eval.pairs(perfect);
    assertThat(s.precision()).isEqualTo(1.0);
    assertThat(s.recall()).isEqualTo(1.0);
    List<String[]> withWrong = new ArrayList<>(perfect);
    withWrong.add(new String[] {"x", "y"});
    assertThat(eval.pairs(withWrong).precision()).isLessThan(1.0);
    assertThat(eval.pairs(perfect.subList(0, perfect.size() / 2)).recall()).isLessThan(0.6);
  }
}
