package org.curate.decontam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.curate.core.Document;
import org.curate.core.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The matching rule on small hand-made benchmarks, where every expected outcome is known. */
class DecontamRuleTest {
  static final String LONG_ITEM =
      "A farmer has seventeen sheep and all but nine of them run away through a hole in the old fence near the river";
  static final String SHORT_ITEM = "Which ocean borders Portugal to the west?";
  static final String TOO_SHORT = "Name three planets";

  @TempDir Path tmp;

  private List<Benchmark> toy() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("bench"));
    Files.writeString(dir.resolve("toy.jsonl"), "{\"question\": \"" + LONG_ITEM + "\", \"answer\": \"8\"}\n"
        + "{\"question\": \"" + SHORT_ITEM + "\", \"answer\": \"the Atlantic\"}\n"
        + "{\"question\": \"" + TOO_SHORT + "\", \"answer\": \"Mars\"}\n");
    return new BenchmarkLoader().load(dir, List.of());
  }

  private Decontaminator decontaminator(List<Benchmark> b, DecontamOptions o) {
    return new Decontaminator(ProtectedIndex.build(b, o), o);
  }

  @Test
  void normalisationIgnoresCasePunctuationAndWhitespace() {
    NormalizedTokens a = new NormalizedTokens().of("The QUICK, brown fox -- jumps!\n\n  over   the dog's bowl.");
    NormalizedTokens b = new NormalizedTokens().of("the quick brown fox jumps over the dogs bowl");
    assertThat(a.size()).isEqualTo(b.size()).isEqualTo(9);
    for (int i = 0; i < a.size(); i++) {
      assertThat(a.hash(i)).as("token %d", i).isEqualTo(b.hash(i));
    }
    assertThat(a.normalized(0, 9)).isEqualTo("the quick brown fox jumps over the dogs bowl");
    // Different words hash differently; Chinese is segmented into words, not one token.
    assertThat(new NormalizedTokens().of("quick").hash(0)).isNotEqualTo(new NormalizedTokens().of("quack").hash(0));
    assertThat(new NormalizedTokens().of("我们今天去北京大学看书").size()).isGreaterThan(2);
  }

  @Test
  void itemsGiveThirteenGramsOrTheirWholeSequence() throws IOException {
    ProtectedIndex index = ProtectedIndex.build(toy(), DecontamOptions.afm());
    // 23 words → 11 windows of 13; 7 words → 1 whole sequence; 3 words → nothing; answers ≤ 2 words → nothing.
    assertThat(index.entries()).isEqualTo(11 + 1);
    assertThat(index.lengths()).containsExactly(13, 7);
    assertThat(index.shortItems(0)).isEqualTo(1);
  }

  @Test
  void dropsDocumentsQuotingAnItemEvenReformatted() throws IOException {
    List<Benchmark> b = toy();
    Decontaminator d = decontaminator(b, DecontamOptions.afm());
    String host = "Our club met on Tuesday. Someone read out a riddle: ";
    String noisy = "a FARMER has seventeen sheep,   and ALL but nine of them run away!\nthrough a hole";
    Decontaminator.Verdict v = d.judge(host + noisy, d.scan(host + noisy), new long[0]);
    assertThat(v.dropped()).isTrue();
    assertThat(v.drop().reason()).isEqualTo("decontam:toy");
    // The short item counts whole, embedded in longer text with different case and punctuation.
    String shortDoc = "Quiz night! which OCEAN borders Portugal, to the west... nobody knew.";
    assertThat(d.judge(shortDoc, d.scan(shortDoc), new long[0]).dropped()).isTrue();
  }

  @Test
  void nearMissesDoNotMatch() throws IOException {
    Decontaminator d = decontaminator(toy(), DecontamOptions.afm());
    List<String> clean = List.of(
        // 12 consecutive words of the long item: one short of a 13-gram.
        "Story: a farmer has seventeen sheep and all but nine of them run. The end.",
        // A word changed in the middle breaks every 13-word window of the item.
        "A farmer has seventeen sheep and all but nine of them ran away through a hole in the old fence near the river",
        // Five of the short item's seven words.
        "Which ocean borders Portugal? Spain has two coasts.",
        // The too-short item verbatim.
        "Name three planets, said the teacher.");
    for (String text : clean) {
      assertThat(d.scan(text)).as(text).isEmpty();
    }
  }

  @Test
  void commonUsageThresholdExcusesAnNgramFoundInThresholdDocuments() throws IOException {
    List<Benchmark> b = toy();
    Decontaminator d = decontaminator(b, DecontamOptions.afm());
    // The default threshold, 1,000: one document more than the threshold excuses the n-gram...
    assertThat(dropped(b, d, 1001)).isZero();
    // ...exactly the threshold too ("reaches")...
    assertThat(dropped(b, d, 1000)).isZero();
    // ...one fewer and every one of them is dropped.
    assertThat(dropped(b, d, 999)).isEqualTo(999);

    // An excused n-gram does not excuse the document's other protected n-grams.
    List<Document> docs = commonDocs(1000);
    docs.add(Document.of("both", null, "Which ocean borders Portugal to the west? " + LONG_ITEM));
    LocalDecontamination.Result r = LocalDecontamination.run(b, d, docs);
    assertThat(r.outcomes().get(1000).reason()).isEqualTo("decontam:toy");
    assertThat(r.outcomes().subList(0, 1000)).allMatch(Outcome::isKept);
    ContaminationReport.BenchmarkReport toy = r.report().byReason().get("decontam:toy");
    assertThat(r.report().common_usage()).singleElement()
        .satisfies(c -> {
          assertThat(c.ngram()).isEqualTo("which ocean borders portugal to the west");
          assertThat(c.documents()).isEqualTo(1001);
          assertThat(c.excused()).isTrue();
        });
    assertThat(toy.documents_dropped()).isEqualTo(1);
    assertThat(toy.ngrams_excused()).isEqualTo(1);
    assertThat(toy.ngrams_hit()).isEqualTo(11);
    assertThat(toy.items_hit()).isEqualTo(1);
    assertThat(toy.top_ngrams().get(0).documents()).isEqualTo(1001);

    // A lower threshold is an option.
    Decontaminator low = decontaminator(b, DecontamOptions.afm().withThreshold(10));
    assertThat(dropped(b, low, 10)).isZero();
    assertThat(dropped(b, low, 9)).isEqualTo(9);
  }

  private static List<Document> commonDocs(int count) {
    List<Document> docs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      docs.add(Document.of("d" + i, null, "Page " + i + " of the atlas asks: which ocean borders Portugal to the west?"));
    }
    return docs;
  }

  private static long dropped(List<Benchmark> b, Decontaminator d, int count) {
    return LocalDecontamination.run(b, d, commonDocs(count)).outcomes().stream().filter(o -> !o.isKept()).count();
  }

  @Test
  void optionsChangeTheNgramLength() throws IOException {
    List<Benchmark> b = toy();
    DecontamOptions eight = DecontamOptions.afm().withN(8, 4);
    Decontaminator d = decontaminator(b, eight);
    String text = "Story: a farmer has seventeen sheep and all but nine of them run away. The end.";
    assertThat(d.judge(text, d.scan(text), new long[0]).dropped()).isTrue();
    assertThatThrownBy(() -> new Decontaminator(ProtectedIndex.build(b, eight), DecontamOptions.afm()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void windowModeCutsAroundHitsAndDropsDocumentsSplitTooOften() throws IOException {
    List<Benchmark> b = toy();
    DecontamOptions window = DecontamOptions.afm().withMode(DecontamOptions.Mode.WINDOW);
    Decontaminator d = decontaminator(b, window);
    String filler = "This paragraph talks about sheep farming in the hills and the weather of the season. ";
    String before = filler.repeat(5);
    String after = filler.repeat(6);
    String text = before + LONG_ITEM + ". " + after;
    Decontaminator.Verdict v = d.judge(text, d.scan(text), new long[0]);
    assertThat(v.dropped()).isFalse();
    assertThat(v.cut()).isTrue();
    assertThat(v.cutText()).doesNotContain("seventeen").contains("sheep farming");
    List<String> pieces = List.of(v.cutText().split("\n"));
    assertThat(pieces).hasSize(2).allMatch(p -> p.length() >= 200);
    // 200 characters around the hit are gone on each side.
    assertThat(v.cutText().length()).isLessThan(text.length() - LONG_ITEM.length() - 2 * 200 + 10);

    // Eleven hits far apart leave twelve pieces: more than 10, so the document is dropped.
    StringBuilder many = new StringBuilder(filler.repeat(5));
    for (int i = 0; i < 11; i++) {
      many.append(SHORT_ITEM).append(' ').append(filler.repeat(8));
    }
    Decontaminator.Verdict dirty = d.judge(many, d.scan(many), new long[0]);
    assertThat(dirty.dropped()).isTrue();
    assertThat(dirty.drop().detail()).contains("12 piece(s)");
  }

  @Test
  void csvHandlesQuotesCommasAndNewlines() {
    List<List<String>> rows = Csv.parse("question,choice0\r\n\"Is a, b \"\"c\"\"?\nyes\",x\nplain,\"\"\n");
    assertThat(rows).containsExactly(List.of("question", "choice0"), List.of("Is a, b \"c\"?\nyes", "x"),
        List.of("plain", ""));
  }

  @Test
  void loaderReadsJsonRecordsCsvAndGzipWithMappings() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("many"));
    Path bbhLike = Files.createDirectories(dir.resolve("tasks"));
    Files.writeString(bbhLike.resolve("t1.json"),
        "{\"canary\": \"x\", \"examples\": [{\"input\": \"one two three four five\", \"target\": \"yes\"},"
            + "{\"input\": \"six seven eight nine ten\", \"target\": \"no\"}]}");
    Files.writeString(dir.resolve("quiz.csv"), "question,choice0,answer\n\"Is it, really, true?\",\"yes it is\",0\n");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("code.jsonl.gz")))) {
      out.write("{\"task_id\": \"C/1\", \"prompt\": \"def add(a, b): return a plus b\"}\n".getBytes(StandardCharsets.UTF_8));
    }
    Files.writeString(dir.resolve("README.md"), "not a benchmark");
    DecontamConfig config = DecontamConfig.parse(new ByteArrayInputStream((
        "n: 13\ncommon_usage_threshold: 5\nbenchmarks:\n"
            + "  - name: Tasks-X\n    path: tasks\n    records: /examples\n    fields: [input]\n").getBytes(StandardCharsets.UTF_8)),
        "test.yaml");
    assertThat(config.options().commonUsageThreshold()).isEqualTo(5);
    List<Benchmark> loaded = new BenchmarkLoader().load(dir, config.mappings());
    assertThat(loaded).extracting(Benchmark::reason).containsExactly("decontam:tasks_x", "decontam:code", "decontam:quiz");
    assertThat(loaded.get(0).items()).extracting(BenchmarkItem::segments)
        .containsExactly(List.of("one two three four five"), List.of("six seven eight nine ten"));
    assertThat(loaded.get(1).items()).singleElement().satisfies(i -> assertThat(i.id()).isEqualTo("code.jsonl.gz:1"));
    // Auto mapping: the usual field names present (question, answer), not arbitrary ones.
    assertThat(loaded.get(2).items().get(0).segments()).containsExactly("Is it, really, true?", "0");

    Files.write(dir.resolve("table.parquet"), new byte[] {1, 2, 3});
    assertThatThrownBy(() -> new BenchmarkLoader().load(dir, List.of()))
        .hasMessageContaining("Spark stage");
    assertThatThrownBy(() -> DecontamConfig.parse(new ByteArrayInputStream("treshold: 3\n".getBytes(StandardCharsets.UTF_8)), "bad.yaml"))
        .hasMessageContaining("unknown key 'treshold'");
  }
}
