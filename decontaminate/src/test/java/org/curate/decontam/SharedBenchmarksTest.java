package org.curate.decontam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The built-in mappings against the real benchmark files in the shared data folder. */
class SharedBenchmarksTest {

  @Test
  void builtInMappingsLoadThePublishedItemCounts() {
    Map<String, Integer> items = SharedBenchmarks.benchmarks().stream()
        .collect(Collectors.toMap(Benchmark::name, b -> b.items().size()));
    // Counts from the benchmark READMEs: GSM8K test 1,319; HumanEval 164; MMLU test 14,042;
    // MATH test 5,000; BBH 6,511 (27 files).
    assertThat(items).containsExactlyInAnyOrderEntriesOf(
        Map.of("bbh", 6511, "gsm8k", 1319, "humaneval", 164, "math", 5000, "mmlu", 14042));
    Benchmark bbh = byName("bbh");
    assertThat(bbh.files()).hasSize(27);
    assertThat(byName("mmlu").files()).hasSize(57).allMatch(f -> f.startsWith("mmlu/test/"));
    assertThat(byName("humaneval").items().get(0).id()).isEqualTo("HumanEval/0");
    assertThat(byName("math").items().get(0).id()).startsWith("test/");
  }

  @Test
  void fieldsAndCleaningFollowTheMapping() {
    // MMLU abstract_algebra row 1 (README): the question only (choices are opt-in).
    BenchmarkItem first = byName("mmlu").items().get(0);
    assertThat(first.segments()).hasSize(1);
    assertThat(first.segments().get(0))
        .isEqualTo("Find the degree for the given field extension Q(sqrt(2), sqrt(3), sqrt(18)) over Q.");
    // GSM8K answers lose their <<a*b=c>> calculator annotations.
    List<String> gsm = byName("gsm8k").items().stream().flatMap(i -> i.segments().stream()).toList();
    assertThat(gsm).hasSize(2 * 1319).noneMatch(s -> s.contains("<<"));
    // BBH: input and target of every example.
    assertThat(byName("bbh").items()).allMatch(i -> i.segments().size() == 2);
  }

  @Test
  void indexHoldsCompactFingerprintsForEveryBenchmark() {
    ProtectedIndex index = SharedBenchmarks.index();
    assertThat(index.benchmarks()).isEqualTo(5);
    for (int b = 0; b < index.benchmarks(); b++) {
      assertThat(index.distinctNgrams(b)).as(index.benchmarkName(b)).isPositive();
    }
    assertThat(index.lengths()).startsWith(13).contains(4).doesNotContain(3, 14);
    // ~12 bytes per entry plus the prefilter: far below a HashSet<String> of the n-grams.
    assertThat(index.bytes()).isLessThan(index.entries() * 20L);
    System.out.printf("index: %d entries, %d bytes, lengths %s, items too short %s%n", index.entries(), index.bytes(),
        java.util.Arrays.toString(index.lengths()),
        java.util.stream.IntStream.range(0, 5).mapToObj(b -> index.benchmarkName(b) + "=" + index.shortItems(b)
            + "/" + index.distinctNgrams(b)).toList());
  }

  @Test
  void everyItemIsFoundInItsOwnText() {
    // Each item that contributes n-grams must be recognised when its text is the whole document.
    Decontaminator d = new Decontaminator(SharedBenchmarks.index(), DecontamOptions.afm());
    ProtectedIndex index = SharedBenchmarks.index();
    int checked = 0;
    for (int b = 0; b < index.benchmarks(); b++) {
      Benchmark bm = SharedBenchmarks.benchmarks().get(b);
      for (int i = 0; i < bm.items().size(); i += 7) {
        BenchmarkItem item = bm.items().get(i);
        String text = String.join("\n\n", item.segments());
        long[] hits = d.scan(text);
        boolean contributes = item.segments().stream().anyMatch(s -> new NormalizedTokens().of(s).size() >= 4);
        assertThat(hits.length > 0).as("%s item %s", bm.name(), item.id()).isEqualTo(contributes);
        if (contributes) {
          assertThat(d.judge(text, hits, new long[0]).drop().reason()).isNotNull();
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThan(3500);
  }

  private static Benchmark byName(String name) {
    return SharedBenchmarks.benchmarks().stream().filter(b -> b.name().equals(name)).findFirst().orElseThrow();
  }
}
