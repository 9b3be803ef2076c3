package org.curate.decontam;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Writes many small benchmarks of generated question/answer items (pseudo-words from a seeded
 * syllable vocabulary, with capitals, commas and quotes) in six layouts, so loading and matching
 * are exercised at AFM's scale of hundreds of benchmarks: JSONL; a JSON array; CSV (quoted
 * fields with commas); gzipped JSONL with {@code problem}/{@code solution}; a JSON object whose
 * items sit at {@code /examples} with fields {@code stem}/{@code key}, which only an explicit
 * mapping finds; and a folder of two files (JSONL and CSV, {@code prompt}/{@code canonical_solution}).
 */
final class GeneratedBenchmarks {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONSONANTS = "bdfgklmnprstvz";
  private static final String VOWELS = "aeiou";
  static final int LAYOUTS = 6;

  record Item(String question, String answer) {}

  /** One generated benchmark: its name (= reason name), layout (0..5) and items in load order. */
  record Spec(String name, int layout, List<Item> items) {
    String reason() {
      return "decontam:" + name;
    }
  }

  private GeneratedBenchmarks() {}

  /** Writes {@code count} benchmarks into {@code dir}; returns them and the mappings layout 4 needs. */
  static List<Spec> write(Path dir, int count, long seed, List<BenchmarkMapping> explicitMappings) {
    Random rnd = new Random(seed);
    List<String> vocabulary = vocabulary(rnd, 4000);
    List<Spec> specs = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        String name = String.format("gen%04d", i);
        int layout = i % LAYOUTS;
        List<Item> items = new ArrayList<>();
        int n = 8 + rnd.nextInt(20);
        for (int k = 0; k < n; k++) {
          items.add(new Item(sentence(rnd, vocabulary, 15 + rnd.nextInt(26), true), sentence(rnd, vocabulary, 1 + rnd.nextInt(8), false)));
        }
        specs.add(new Spec(name, layout, items));
        switch (layout) {
          case 0 -> Files.write(dir.resolve(name + ".jsonl"), jsonLines(items, "question", "answer"));
          case 1 -> {
            ArrayNode array = JSON.createArrayNode();
            items.forEach(it -> array.add(object("question", it.question(), "answer", it.answer())));
            Files.writeString(dir.resolve(name + ".json"), JSON.writeValueAsString(array));
          }
          case 2 -> Files.writeString(dir.resolve(name + ".csv"), csv(items, "question", "answer", 0));
          case 3 -> {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve(name + ".jsonl.gz")))) {
              out.write(String.join("\n", jsonLines(items, "problem", "solution")).getBytes(StandardCharsets.UTF_8));
            }
          }
          case 4 -> {
            ObjectNode root = JSON.createObjectNode().put("canary", "generated test data, not a real benchmark");
            ArrayNode array = root.putArray("examples");
            items.forEach(it -> array.add(object("stem", it.question(), "key", it.answer())));
            Files.writeString(dir.resolve(name + ".json"), JSON.writeValueAsString(root));
            explicitMappings.add(new BenchmarkMapping(name, name + ".json", List.of(), "/examples",
                List.of("stem", "key"), List.of(), null));
          }
          default -> {
            Path folder = Files.createDirectories(dir.resolve(name));
            int half = items.size() / 2;
            Files.write(folder.resolve("part-0.jsonl"), jsonLines(items.subList(0, half), "prompt", "canonical_solution"));
            Files.writeString(folder.resolve("part-1.csv"), csv(items.subList(half, items.size()), "prompt",
                "canonical_solution", half));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return specs;
  }

  private static ObjectNode object(String k1, String v1, String k2, String v2) {
    return JSON.createObjectNode().put(k1, v1).put(k2, v2);
  }

  private static List<String> jsonLines(List<Item> items, String q, String a) {
    return items.stream().map(it -> object(q, it.question(), a, it.answer()).toString()).toList();
  }

  private static String csv(List<Item> items, String q, String a, int firstId) {
    StringBuilder out = new StringBuilder("id," + q + "," + a + "\n");
    for (int i = 0; i < items.size(); i++) {
      out.append(firstId + i).append(',').append(quote(items.get(i).question())).append(',')
          .append(quote(items.get(i).answer())).append('\n');
    }
    return out.toString();
  }

  private static String quote(String s) {
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }

  private static List<String> vocabulary(Random rnd, int size) {
    java.util.LinkedHashSet<String> words = new java.util.LinkedHashSet<>();
    while (words.size() < size) {
      StringBuilder w = new StringBuilder();
      int syllables = 2 + rnd.nextInt(3);
      for (int s = 0; s < syllables; s++) {
        w.append(CONSONANTS.charAt(rnd.nextInt(CONSONANTS.length()))).append(VOWELS.charAt(rnd.nextInt(VOWELS.length())));
      }
      words.add(w.toString());
    }
    return new ArrayList<>(words);
  }

  /** {@code words} pseudo-words; a question gets a capital, commas, a quoted word and a question mark. */
  private static String sentence(Random rnd, List<String> vocabulary, int words, boolean question) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < words; i++) {
      String w = vocabulary.get(rnd.nextInt(vocabulary.size()));
      if (i == 0 && question) {
        w = Character.toUpperCase(w.charAt(0)) + w.substring(1);
      }
      if (question && i == words / 2) {
        w = "\"" + w + "\"";
      }
      out.append(i == 0 ? "" : " ").append(w);
      if (question && i < words - 1 && rnd.nextInt(9) == 0) {
        out.append(',');
      }
    }
    return out.append(question ? "?" : "").toString();
  }
}
