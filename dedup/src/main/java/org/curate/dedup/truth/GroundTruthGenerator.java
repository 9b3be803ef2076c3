package org.curate.dedup.truth;

import java.io.BufferedWriter;
import org.curate.core.JsonString;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.curate.dedup.Hash64;
import org.curate.dedup.Jaccard;

/**
 * Builds a corpus with known near-duplicates: mutually dissimilar base documents (pseudo-English,
 * or given texts), some of which get a family of 1–8 edited copies. A copy is edited from the
 * base or, with probability 0.3, from an earlier copy, so chains A~B~C with A≁C occur and test
 * transitivity. A tenth of copies are exact (only formatting noise that normalisation erases);
 * the others aim at a Jaccard drawn uniformly from [jMin, jMax). The exact Jaccard of every pair
 * inside a family is recorded, including those far below any threshold (hard negatives).
 *
 * <p>The Jaccard is that of {@link org.curate.dedup.TextNormalizer} + word 5-gram shingles, the
 * definition the dedup stage uses. Same settings and seed give byte-identical output.
 */
public final class GroundTruthGenerator {

  /** What to generate; see {@link #DEFAULTS}. {@code sourceTexts} null means pseudo-English bases. */
  public record Settings(int docs, long seed, double dupFraction, double exactFraction, double jMin, double jMax,
      double pBoilerplate, double pFormatNoise, int wordsPerDoc, List<String> sourceTexts) {
    public Settings withDocs(int n) {
      return new Settings(n, seed, dupFraction, exactFraction, jMin, jMax, pBoilerplate, pFormatNoise, wordsPerDoc, sourceTexts);
    }

    public Settings withSeed(long s) {
      return new Settings(docs, s, dupFraction, exactFraction, jMin, jMax, pBoilerplate, pFormatNoise, wordsPerDoc, sourceTexts);
    }
  }

  public static final Settings DEFAULTS = new Settings(20_000, 42, 0.3, 0.1, 0.5, 1.0, 0.2, 0.2, 350, null);

  /** The generated documents (sorted by their opaque id, which shuffles families apart) and pairs. */
  public record Corpus(List<GeneratedDoc> docs, List<TruthPair> pairs) {}

  private static final int NGRAM = 5;

  public Corpus generate(Settings settings) {
    SplittableRandom random = new SplittableRandom(settings.seed());
    PseudoEnglish language = new PseudoEnglish(settings.seed() ^ 0x1234567L, 50_000, 3_000);
    List<List<List<String>>> boilerplate = new ArrayList<>();
    for (int b = 0; b < 40; b++) {
      boilerplate.add(language.document(random, 40));
    }
    NearDuplicateEditor editor = new NearDuplicateEditor(language, boilerplate, NGRAM);
    double pFamily = settings.dupFraction() / (2 * (1 - settings.dupFraction()));
    List<GeneratedDoc> docs = new ArrayList<>();
    List<TruthPair> pairs = new ArrayList<>();
    int family = 0;
    int sourceIndex = 0;
    while (docs.size() < settings.docs()) {
      EditedText base = settings.sourceTexts() == null
          ? new EditedText(language.document(random, settings.wordsPerDoc()))
          : fromText(settings.sourceTexts().get(sourceIndex++ % settings.sourceTexts().size()));
      boolean hasFamily = random.nextDouble() < pFamily;
      List<EditedText> members = new ArrayList<>(List.of(base));
      List<GeneratedDoc> familyDocs = new ArrayList<>();
      String baseId = id(settings.seed(), docs.size());
      GeneratedDoc baseDoc = new GeneratedDoc(baseId, base.render(random, false), hasFamily ? family : -1, "base", null, 1, 1, 0);
      docs.add(baseDoc);
      familyDocs.add(baseDoc);
      if (hasFamily) {
        int copies = 1;
        while (copies < 7 && random.nextBoolean()) {
          copies++;
        }
        for (int c = 0; c < copies && docs.size() < settings.docs(); c++) {
          int parent = members.size() > 1 && random.nextDouble() < 0.3 ? 1 + random.nextInt(members.size() - 1) : 0;
          boolean exact = random.nextDouble() < settings.exactFraction();
          double target = exact ? 1.0 : settings.jMin() + random.nextDouble() * (settings.jMax() - settings.jMin());
          List<String> ops = new ArrayList<>();
          EditedText copy = editor.edit(members.get(parent), target, settings.pBoilerplate(), random, ops);
          String text = copy.render(random, exact || random.nextDouble() < settings.pFormatNoise());
          double achieved = Jaccard.of(editor.shingles(familyDocs.get(parent).text()), editor.shingles(text));
          GeneratedDoc doc = new GeneratedDoc(id(settings.seed(), docs.size()), text, family, "copy",
              familyDocs.get(parent).id(), target, achieved, ops.size());
          members.add(copy);
          familyDocs.add(doc);
          docs.add(doc);
        }
        List<long[]> shingles = new ArrayList<>();
        familyDocs.forEach(d -> shingles.add(editor.shingles(d.text())));
        for (int i = 0; i < familyDocs.size(); i++) {
          for (int k = i + 1; k < familyDocs.size(); k++) {
            pairs.add(new TruthPair(familyDocs.get(i).id(), familyDocs.get(k).id(),
                Jaccard.of(shingles.get(i), shingles.get(k))));
          }
        }
        family++;
      }
    }
    docs.sort(Comparator.comparing(GeneratedDoc::id));
    pairs.sort(Comparator.comparing(TruthPair::key));
    return new Corpus(docs, pairs);
  }

  /** Opaque, seed-dependent ids, so that id order says nothing about roles or families. */
  private static String id(long seed, int index) {
    return String.format(Locale.ROOT, "d%016x", Hash64.fmix64(seed * 0x9E3779B97F4A7C15L + index));
  }

  private static EditedText fromText(String text) {
    List<List<String>> sentences = new ArrayList<>();
    for (String s : text.split("(?<=[.!?])\\s+|\\n+")) {
      List<String> words = new ArrayList<>(List.of(s.trim().split("\\s+")));
      words.removeIf(String::isEmpty);
      if (!words.isEmpty()) {
        sentences.add(words);
      }
    }
    if (sentences.isEmpty()) {
      sentences.add(new ArrayList<>(List.of("empty")));
    }
    return new EditedText(sentences);
  }

  /** Writes docs.jsonl ({id,text}), meta.jsonl, truth_pairs.tsv (id_a id_b jaccard) and summary.json. */
  public static void write(Corpus corpus, Path dir) throws IOException {
    Files.createDirectories(dir);
    try (BufferedWriter docs = Files.newBufferedWriter(dir.resolve("docs.jsonl"), StandardCharsets.UTF_8);
         BufferedWriter meta = Files.newBufferedWriter(dir.resolve("meta.jsonl"), StandardCharsets.UTF_8)) {
      for (GeneratedDoc d : corpus.docs()) {
        docs.write("{\"id\":" + JsonString.quote(d.id()) + ",\"text\":" + JsonString.quote(d.text()) + "}\n");
        meta.write(String.format(Locale.ROOT,
            "{\"id\":\"%s\",\"family\":%d,\"role\":\"%s\",\"parent\":%s,\"target_j\":%.4f,\"achieved_j\":%.4f,\"edits\":%d}%n",
            d.id(), d.family(), d.role(), d.parent() == null ? "null" : JsonString.quote(d.parent()),
            d.targetJaccard(), d.achievedJaccard(), d.edits()));
      }
    }
    try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("truth_pairs.tsv"), StandardCharsets.UTF_8)) {
      for (TruthPair p : corpus.pairs()) {
        out.write(String.format(Locale.ROOT, "%s\t%s\t%.6f%n", p.a(), p.b(), p.jaccard()));
      }
    }
    long positives = corpus.pairs().stream().filter(p -> p.jaccard() >= 0.8).count();
    long copies = corpus.docs().stream().filter(d -> d.role().equals("copy")).count();
    Files.writeString(dir.resolve("summary.json"), String.format(Locale.ROOT,
        "{\"docs\":%d,\"copies\":%d,\"truth_pairs\":%d,\"pairs_at_0.8\":%d}%n",
        corpus.docs().size(), copies, corpus.pairs().size(), positives), StandardCharsets.UTF_8);
  }

  /** {@code gen --out DIR [--docs N] [--seed S] [--source-lines FILE]} (one source document per line). */
  public static void main(String[] args) throws IOException {
    Settings settings = DEFAULTS;
    Path out = null;
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--out" -> out = Path.of(args[i + 1]);
        case "--docs" -> settings = settings.withDocs(Integer.parseInt(args[i + 1]));
        case "--seed" -> settings = settings.withSeed(Long.parseLong(args[i + 1]));
        case "--source-lines" -> {
          List<String> lines = Files.readAllLines(Path.of(args[i + 1]), StandardCharsets.UTF_8);
          settings = new Settings(settings.docs(), settings.seed(), settings.dupFraction(), settings.exactFraction(),
              settings.jMin(), settings.jMax(), settings.pBoilerplate(), settings.pFormatNoise(), settings.wordsPerDoc(), lines);
        }
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (out == null) {
      throw new IllegalArgumentException("usage: --out DIR [--docs N] [--seed S] [--source-lines FILE]");
    }
    long start = System.nanoTime();
    Corpus corpus = new GroundTruthGenerator().generate(settings);
    write(corpus, out);
    System.out.printf(Locale.ROOT, "generated %d docs, %d truth pairs in %.1f s -> %s%n", corpus.docs().size(),
        corpus.pairs().size(), (System.nanoTime() - start) / 1e9, out);
  }
}
