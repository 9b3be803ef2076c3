package org.curate.decontam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.curate.core.Document;

/**
 * Ground truth for decontamination: real clean documents, and copies of them with benchmark
 * items planted (verbatim, reformatted, or embedded mid-sentence) or with near-misses planted
 * (an item with one word in every 12 replaced, so that no 13-word window survives, or one word
 * of a short item replaced). Deterministic for a seed. The clean documents are read in place
 * from the shared data folder: English news and blog articles (the human-written article bodies
 * of the extraction benchmark, cut into ~1.5 KB documents at paragraph ends) and GSM8K
 * <em>train</em> problems with their solutions (same style and vocabulary as the GSM8K test
 * items, but different problems: the hardest near-domain negatives at hand).
 */
final class PlantedCorpus {
  private static final ObjectMapper JSON = new ObjectMapper();

  enum Kind { CLEAN, PLANTED, NEAR_MISS }

  record Doc(Document document, Kind kind, String benchmark, String itemId, String variant) {}

  private PlantedCorpus() {}

  /** Article bodies cut into documents of at least {@code minChars} at paragraph ends. */
  static List<Document> articles(Path shared, int minChars) {
    List<Document> out = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> s = Files.list(shared.resolve("extraction-dev/aeb/truth"))) {
      files = s.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Path f : files) {
      String body;
      try {
        body = JSON.readTree(f.toFile()).path("articleBody").asText();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      StringBuilder chunk = new StringBuilder();
      int part = 0;
      for (String para : body.split("\n\\s*\n")) {
        chunk.append(para.strip()).append("\n\n");
        if (chunk.length() >= minChars) {
          out.add(Document.of("aeb-" + f.getFileName().toString().replace(".json", "") + "-" + part++, null,
              chunk.toString().strip()));
          chunk.setLength(0);
        }
      }
      if (chunk.length() >= minChars / 3) {
        out.add(Document.of("aeb-" + f.getFileName().toString().replace(".json", "") + "-" + part, null,
            chunk.toString().strip()));
      }
    }
    return out;
  }

  /** GSM8K train problems, question and worked solution, one document each. */
  static List<Document> gsm8kTrain(Path shared) {
    List<Document> out = new ArrayList<>();
    try {
      int i = 0;
      for (String line : Files.readAllLines(shared.resolve("benchmarks/gsm8k/train.jsonl"))) {
        if (!line.isBlank()) {
          JsonNode r = JSON.readTree(line);
          out.add(Document.of("gsm8k-train-" + i++, null, r.get("question").asText() + "\n\n" + r.get("answer").asText()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * For each benchmark, {@code perBenchmark} items picked at random (among those that contribute
   * n-grams) are planted into copies of random host documents, cycling through three variants,
   * and the same items as near-misses into other copies.
   */
  static List<Doc> plant(List<Benchmark> benchmarks, List<Document> hosts, int perBenchmark, long seed) {
    Random rnd = new Random(seed);
    List<Doc> out = new ArrayList<>();
    NormalizedTokens tokens = new NormalizedTokens();
    for (Benchmark b : benchmarks) {
      List<BenchmarkItem> candidates = b.items().stream().filter(i -> protectedSegment(i, tokens) != null).toList();
      for (int k = 0; k < perBenchmark; k++) {
        BenchmarkItem item = candidates.get(rnd.nextInt(candidates.size()));
        String segment = protectedSegment(item, tokens);
        String variant = switch (k % 3) {
          case 0 -> "verbatim";
          case 1 -> "reformatted";
          default -> "embedded";
        };
        String planted = variant.equals("reformatted") ? reformat(segment, rnd) : segment;
        Document host = hosts.get(rnd.nextInt(hosts.size()));
        out.add(new Doc(Document.of("planted-" + b.reasonName() + "-" + k, null,
            insert(host.text(), planted, variant.equals("embedded"), rnd)), Kind.PLANTED, b.reasonName(), item.id(), variant));
        Document host2 = hosts.get(rnd.nextInt(hosts.size()));
        out.add(new Doc(Document.of("nearmiss-" + b.reasonName() + "-" + k, null,
            insert(host2.text(), nearMiss(segment, tokens), false, rnd)), Kind.NEAR_MISS, b.reasonName(), item.id(),
            "near-miss"));
      }
    }
    return out;
  }

  /** The first segment of the item with at least 4 words (what the rule protects). */
  static String protectedSegment(BenchmarkItem item, NormalizedTokens tokens) {
    for (String s : item.segments()) {
      if (tokens.of(s).size() >= 4) {
        return s;
      }
    }
    return null;
  }

  /** Case, punctuation and whitespace noise that the normalisation must erase. */
  static String reformat(String s, Random rnd) {
    StringBuilder out = new StringBuilder();
    boolean upperWord = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean atWordEnd = i + 1 == s.length() || Character.isWhitespace(s.charAt(i + 1));
      if (Character.isWhitespace(c)) {
        if (i > 0 && Character.isWhitespace(s.charAt(i - 1))) {
          continue;
        }
        out.append(switch (rnd.nextInt(4)) {
          case 0 -> " ";
          case 1 -> "   ";
          case 2 -> "\n";
          default -> " \t ";
        });
        upperWord = rnd.nextInt(3) == 0;
      } else if ((c == '.' || c == ',' || c == '?' || c == '!' || c == ';' || c == ':') && atWordEnd && rnd.nextBoolean()) {
        // punctuation at the end of a word dropped
      } else {
        if (c < 128 && Character.isLetter(c)) {
          out.append(upperWord ? Character.toUpperCase(c) : Character.toLowerCase(c));
        } else {
          out.append(c);
        }
        if (atWordEnd && Character.isLetter(c) && rnd.nextInt(6) == 0) {
          out.append(rnd.nextBoolean() ? "," : " --");
        }
      }
    }
    return out.toString();
  }

  /** The segment with one word in every 12 (or, if short, its middle word) replaced by a nonce word. */
  static String nearMiss(String segment, NormalizedTokens tokens) {
    tokens.of(segment);
    int n = tokens.size();
    List<Integer> replace = new ArrayList<>();
    if (n >= 13) {
      for (int p = 6; p < n; p += 12) {
        replace.add(p);
      }
    } else {
      replace.add(n / 2);
    }
    StringBuilder out = new StringBuilder(segment);
    for (int r = replace.size() - 1; r >= 0; r--) {
      int t = replace.get(r);
      out.replace(tokens.start(t), tokens.end(t), "zorblax");
    }
    return out.toString();
  }

  /** Inserts {@code text} as a paragraph of its own, or mid-sentence inside a paragraph. */
  static String insert(String host, String text, boolean inline, Random rnd) {
    String[] paras = host.split("\n\n");
    int at = rnd.nextInt(paras.length + 1);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i <= paras.length; i++) {
      if (i == at) {
        if (inline && i < paras.length) {
          String p = paras[i];
          int cut = p.indexOf(' ', p.length() / 2);
          cut = cut < 0 ? p.length() : cut;
          out.append(p, 0, cut).append(", as the worksheet put it, ").append(text).append(" and so on ")
              .append(p.substring(cut)).append("\n\n");
          continue;
        }
        out.append(text).append("\n\n");
      }
      if (i < paras.length) {
        out.append(paras[i]).append("\n\n");
      }
    }
    return out.toString().strip();
  }
}
