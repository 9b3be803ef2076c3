package org.curate.tokenizer;

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

/** Test texts: real web article bodies from the shared data when present, and generated multilingual text. */
final class TestCorpus {
  private TestCorpus() {}

  /** The shared data folder, or null on a machine without it. */
  static Path sharedData() {
    String configured = System.getProperty("curate.shared.data");
    Path dir = configured != null ? Path.of(configured) : Path.of("../../shared/data");
    return Files.isDirectory(dir) ? dir : null;
  }

  /** Real article bodies (extraction-dev ground truth, sorted by file name), or an empty list. */
  static List<String> realArticles() {
    Path data = sharedData();
    if (data == null) {
      return List.of();
    }
    Path truth = data.resolve("extraction-dev/aeb/truth");
    if (!Files.isDirectory(truth)) {
      return List.of();
    }
    ObjectMapper json = new ObjectMapper();
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(truth)) {
      for (Path f : files.sorted().toList()) {
        JsonNode body = json.readTree(f.toFile()).get("articleBody");
        if (body != null && !body.asText().isBlank()) {
          out.add(body.asText());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static final String[] WORDS = ("the of and to in is was for on that with as by at from his her "
      + "their which this have had were been not but are one all would there what so out up about into "
      + "Haus und der die das nicht mit für über Straße maison être très où déjà naïve café école "
      + "дом привет книга Ελλάδα γλώσσα 東京 日本語 ひらがな カタカナ 한국어 مرحبا עברית "
      + "don't it's we're they've I'm you'll he'd 2024 3.14 42 1,000,000 $19.99 e-mail http://x.org/a?b=1 "
      + "🙂 👍🏽 👨‍👩‍👧 ✔ — … « » “ ” ‘ ’ © ™ ½").split(" ");

  /** Deterministic pseudo-text: lines of words from many scripts, numbers, emoji and odd spacing. */
  static List<String> generated(int docs, long seed) {
    Random r = new Random(seed);
    List<String> out = new ArrayList<>();
    for (int d = 0; d < docs; d++) {
      StringBuilder sb = new StringBuilder();
      int lines = 1 + r.nextInt(5);
      for (int l = 0; l < lines; l++) {
        int words = 3 + r.nextInt(20);
        for (int w = 0; w < words; w++) {
          if (w > 0) {
            sb.append(r.nextInt(30) == 0 ? "  " : r.nextInt(40) == 0 ? "\t" : " ");
          }
          sb.append(WORDS[r.nextInt(WORDS.length)]);
          if (r.nextInt(8) == 0) {
            sb.append(r.nextBoolean() ? "," : ".");
          }
        }
        if (l + 1 < lines) {
          sb.append(r.nextInt(4) == 0 ? "\n\n" : "\n");
        }
      }
      out.add(sb.toString());
    }
    return out;
  }

  /** Strings of random code points from every plane (no lone surrogates), for round trips. */
  static List<String> randomUnicode(int n, long seed, boolean avoidSpaceSymbol) {
    Random r = new Random(seed);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      StringBuilder sb = new StringBuilder();
      int len = r.nextInt(40);
      for (int j = 0; j < len; j++) {
        int cp;
        switch (r.nextInt(6)) {
          case 0 -> cp = r.nextInt(0x80);
          case 1 -> cp = 0x80 + r.nextInt(0x780);
          case 2 -> cp = 0x800 + r.nextInt(0xF800);
          case 3 -> cp = 0x10000 + r.nextInt(0x100000);
          case 4 -> cp = " \n\t\r\u00A0\u2028\u3000".charAt(r.nextInt(7));
          default -> cp = 0x1F300 + r.nextInt(0x300);
        }
        if ((cp >= 0xD800 && cp <= 0xDFFF) || (avoidSpaceSymbol && cp == SpPreTokenizer.SPACE)) {
          cp = 'x';
        }
        sb.appendCodePoint(cp);
      }
      out.add(sb.toString());
    }
    return out;
  }

  static WordCounts count(PreTokenizer pre, List<String> texts) {
    WordCounts wc = new WordCounts();
    for (String t : texts) {
      wc.addText(pre, t);
    }
    return wc;
  }
}
