package org.curate.decontam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.curate.core.Document;
import org.curate.core.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AFM's scale: 811 generated benchmarks in six file layouts (JSONL, JSON array, CSV, gzipped
 * JSONL, JSON with explicit mappings, folders of JSONL + CSV) loaded with the automatic mapping
 * or an explicit one; items of a handful of them are planted into real article text (verbatim,
 * reformatted, mid-sentence, and short whole answers). Every planted document must be dropped
 * under its own benchmark's reason, no clean article dropped, no other benchmark hit; the index
 * stays compact; and the join mode's candidate windows find exactly what the scan finds.
 */
class ManyBenchmarksTest {
  private static final long SEED = 20261127L;
  private static final int BENCHMARKS = 811;

  @Test
  void catchesPlantedItemsOfEightHundredElevenBenchmarksUnderTheRightReason(@TempDir Path dir) {
    Path shared = SharedBenchmarks.sharedData();
    assumeTrue(shared != null, "shared data not present");
    List<BenchmarkMapping> explicit = new ArrayList<>();
    List<GeneratedBenchmarks.Spec> specs = GeneratedBenchmarks.write(dir, BENCHMARKS, SEED, explicit);
    assertThat(explicit).hasSize((BENCHMARKS + 1) / GeneratedBenchmarks.LAYOUTS);

    List<Benchmark> loaded = new BenchmarkLoader().load(dir, explicit);
    assertThat(loaded).hasSize(BENCHMARKS);
    Map<String, Benchmark> byName = new HashMap<>();
    loaded.forEach(b -> byName.put(b.name(), b));
    for (GeneratedBenchmarks.Spec s : specs) {
      Benchmark b = byName.get(s.name());
      assertThat(b).as(s.name()).isNotNull();
      assertThat(b.reason()).isEqualTo(s.reason());
      assertThat(b.items()).as(s.name()).hasSize(s.items().size());
      // Question and answer are the protected segments in every layout, in that order.
      assertThat(b.items().get(0).segments()).as(s.name())
          .containsExactly(s.items().get(0).question(), s.items().get(0).answer());
    }

    ProtectedIndex index = ProtectedIndex.build(loaded, DecontamOptions.afm());
    double bytesPerNgram = (double) index.bytes() / index.entries();
    System.out.printf("%d benchmarks, %d items, %d protected n-grams, index %.1f MB, %.1f bytes per n-gram%n",
        loaded.size(), loaded.stream().mapToInt(b -> b.items().size()).sum(), index.entries(), index.bytes() / 1e6,
        bytesPerNgram);
    assertThat(index.entries()).isGreaterThan(200_000);
    assertThat(bytesPerNgram).isLessThan(16.0);

    // Plant items of eight benchmarks (every layout; two each of the first two) into copies of real articles.
    List<Document> articles = PlantedCorpus.articles(shared, 1500);
    assertThat(articles).hasSizeGreaterThan(100);
    Random rnd = new Random(SEED);
    NormalizedTokens tokens = new NormalizedTokens();
    List<Document> documents = new ArrayList<>(articles);
    Map<String, String> expectedReason = new TreeMap<>();
    Map<String, Set<Integer>> plantedItems = new TreeMap<>();
    int host = 0;
    for (int layout = 0; layout < GeneratedBenchmarks.LAYOUTS; layout++) {
      for (int copy = 0; copy < (layout < 2 ? 2 : 1); copy++) {
        GeneratedBenchmarks.Spec spec = specs.get(layout + GeneratedBenchmarks.LAYOUTS * (7 + 40 * copy + 13 * layout));
        String[] variants = {"verbatim", "reformatted", "inline", "short-answer"};
        for (String variant : variants) {
          int item = pickItem(spec, variant, tokens, rnd);
          GeneratedBenchmarks.Item it = spec.items().get(item);
          String text = switch (variant) {
            case "verbatim" -> PlantedCorpus.insert(articles.get(host).text(), it.question(), false, rnd);
            case "reformatted" -> PlantedCorpus.insert(articles.get(host).text(), PlantedCorpus.reformat(it.question(), rnd), false, rnd);
            case "inline" -> PlantedCorpus.insert(articles.get(host).text(), it.question(), true, rnd);
            default -> PlantedCorpus.insert(articles.get(host).text(), "The answer is " + it.answer() + ".", true, rnd);
          };
          String id = "planted-" + spec.name() + "-" + variant;
          documents.add(Document.of(id, null, text));
          expectedReason.put(id, spec.reason());
          plantedItems.computeIfAbsent(spec.name(), k -> new TreeSet<>()).add(item);
          host = (host + 7) % articles.size();
        }
      }
    }
    assertThat(plantedItems).hasSize(8);

    Decontaminator d = new Decontaminator(index, DecontamOptions.afm());
    LocalDecontamination.Result result = LocalDecontamination.run(loaded, d, documents);
    Map<String, String> actual = new TreeMap<>();
    for (int i = 0; i < documents.size(); i++) {
      if (result.outcomes().get(i) instanceof Outcome.Dropped<?> dropped) {
        actual.put(documents.get(i).id(), dropped.reason());
      }
    }
    assertThat(actual).isEqualTo(expectedReason);

    for (ContaminationReport.BenchmarkReport b : result.report().benchmarks()) {
      Set<Integer> planted = plantedItems.getOrDefault(b.name(), Set.of());
      assertThat(b.items_hit()).as(b.name()).isEqualTo(planted.size());
      assertThat(b.documents_dropped()).as(b.name()).isEqualTo(planted.isEmpty() ? 0 : 4);
    }

    // The join mode's candidates, cut down to protected fingerprints, are exactly the scan's hits.
    WindowFingerprints windows = new WindowFingerprints(index.lengths());
    for (Document doc : documents) {
      long[] joined = Arrays.stream(windows.of(doc.text())).filter(index::isProtected).toArray();
      assertThat(joined).as(doc.id()).isEqualTo(d.scan(doc.text()));
    }
  }

  /** An item whose planted text will match: a short answer needs 4+ words, the others any item. */
  private static int pickItem(GeneratedBenchmarks.Spec spec, String variant, NormalizedTokens tokens, Random rnd) {
    for (int tries = 0; ; tries++) {
      int i = rnd.nextInt(spec.items().size());
      if (!variant.equals("short-answer") || tokens.of(spec.items().get(i).answer()).size() >= 4) {
        return i;
      }
      if (tries > 1000) {
        throw new IllegalStateException(spec.name() + " has no answer of 4+ words");
      }
    }
  }
}
