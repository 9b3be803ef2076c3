package org.curate.filters.fasttext;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic labelled text for training small fastText models with the CLI: six made-up
 * "languages", each a vocabulary of words built from its own syllables, some in multi-byte
 * scripts (2-, 3- and 4-byte UTF-8) so that character n-grams cross byte boundaries and bytes
 * with the high bit set go through the signed-char hash.
 */
final class SyntheticLanguages {
  private static final String[][] SYLLABLES = {
      {"ka", "lo", "mi", "ten", "ru", "sa", "po", "ne", "zi", "du"},
      {"é", "ça", "mè", "où", "lê", "rï", "to", "në", "fa", "gü"},
      {"ко", "ла", "ми", "ре", "ту", "ша", "по", "не", "зы", "да"},
      {"κα", "λο", "μι", "τε", "ρυ", "σα", "πο", "νε", "ζι", "δυ"},
      {"日", "本", "語", "文", "章", "東", "京", "学", "生", "人"},
      {"ab", "😀x", "qu", "𝔸b", "ist", "or", "ge", "un", "ch", "ma"},
  };
  static final String[] REAL_SENTENCES = {
      "Hello world, this is an English sentence about the weather today.",
      "Das ist ein deutscher Satz über Häuser und Bäume.",
      "Ceci est une phrase en français, avec des accents à la fin.",
      "Esta es una frase en español sobre el tiempo.",
      "Questa è una frase italiana.",
      "Это предложение на русском языке.",
      "日本語の文章です。東京は大きい都市です。",
      "这是一个中文句子。",
      "이것은 한국어 문장입니다.",
      "Αυτή είναι μια ελληνική πρόταση.",
      "هذه جملة باللغة العربية.",
      "यह एक हिंदी वाक्य है।",
      "Dit is een Nederlandse zin.",
      "To jest polskie zdanie o pogodzie.",
      "Bu bir Türkçe cümledir.",
      "ok",
      "",
      "   \t  ",
      "__label__en some words with a label token inside",
      "mixed English und Deutsch et français",
  };

  private final List<List<String>> vocabularies = new ArrayList<>();

  SyntheticLanguages(long seed) {
    Random r = new Random(seed);
    for (String[] syllables : SYLLABLES) {
      List<String> words = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        words.add(word(syllables, r));
      }
      vocabularies.add(words);
    }
  }

  private static String word(String[] syllables, Random r) {
    StringBuilder w = new StringBuilder();
    int n = 1 + r.nextInt(4);
    for (int i = 0; i < n; i++) {
      w.append(syllables[r.nextInt(syllables.length)]);
    }
    return w.toString();
  }

  String labelledLines(int n, Random r) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      int lang = r.nextInt(SYLLABLES.length);
      sb.append("__label__l").append(lang);
      if (r.nextInt(10) == 0) {
        sb.append(" __label__extra").append(r.nextInt(3)); // a few multi-label lines, uneven label counts
      }
      int words = 3 + r.nextInt(15);
      for (int j = 0; j < words; j++) {
        // 10% of words from another language, so no model is too sure
        int from = r.nextInt(10) == 0 ? r.nextInt(SYLLABLES.length) : lang;
        List<String> vocab = vocabularies.get(from);
        sb.append(' ').append(vocab.get(r.nextInt(vocab.size())));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** Unlabelled lines: known words, unseen words, odd whitespace, empty and very long lines. */
  String testLines(Random r) {
    StringBuilder sb = new StringBuilder();
    String[] separators = {" ", "  ", "\t", "\u000B", "\f", "\r", " \u0000 "};
    for (int i = 0; i < 300; i++) {
      int lang = r.nextInt(SYLLABLES.length);
      int words = i % 50 == 0 ? 400 : r.nextInt(12);
      for (int j = 0; j < words; j++) {
        if (j > 0) {
          sb.append(separators[r.nextInt(10) < 7 ? 0 : r.nextInt(separators.length)]);
        }
        int from = r.nextInt(5) == 0 ? r.nextInt(SYLLABLES.length) : lang;
        sb.append(r.nextInt(4) == 0 ? word(SYLLABLES[from], r) : vocabularies.get(from).get(r.nextInt(300)));
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
