package org.curate.dedup.truth;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random text that shingles like English: words drawn from a Zipf law (s = 1.07) over a
 * vocabulary of pronounceable pseudo-words, sentences of 6–24 words, and a pool of shared
 * "common phrases" that gives unrelated documents the little background overlap real text has.
 * Two documents drawn from it share almost no word 5-gram, so every near-duplicate pair in a
 * generated corpus is one the generator planted. Deterministic given its random source.
 */
final class PseudoEnglish {
  private static final String[] ONSETS = {"b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s",
      "t", "v", "w", "z", "br", "cl", "dr", "fl", "gr", "pl", "pr", "sh", "st", "th", "tr", "ch"};
  private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ai", "ea", "ou", "io", "y"};

  private final String[] vocabulary;
  private final double[] cumulative;
  private final List<List<String>> phrases = new ArrayList<>();

  PseudoEnglish(long seed, int vocabularySize, int phraseCount) {
    SplittableRandom random = new SplittableRandom(seed);
    vocabulary = new String[vocabularySize];
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int i = 0; i < vocabularySize; ) {
      StringBuilder w = new StringBuilder();
      int syllables = 1 + random.nextInt(i < 200 ? 2 : 4);
      for (int s = 0; s < syllables; s++) {
        w.append(ONSETS[random.nextInt(ONSETS.length)]).append(VOWELS[random.nextInt(VOWELS.length)]);
      }
      if (random.nextInt(3) == 0) {
        w.append(ONSETS[random.nextInt(ONSETS.length)]);
      }
      if (seen.add(w.toString())) {
        vocabulary[i++] = w.toString();
      }
    }
    cumulative = new double[vocabularySize];
    double total = 0;
    for (int i = 0; i < vocabularySize; i++) {
      total += 1.0 / Math.pow(i + 1, 1.07);
      cumulative[i] = total;
    }
    for (int i = 0; i < vocabularySize; i++) {
      cumulative[i] /= total;
    }
    for (int p = 0; p < phraseCount; p++) {
      List<String> phrase = new ArrayList<>();
      for (int k = 3 + random.nextInt(4); k > 0; k--) {
        phrase.add(word(random));
      }
      phrases.add(phrase);
    }
  }

  String word(SplittableRandom random) {
    int i = java.util.Arrays.binarySearch(cumulative, random.nextDouble());
    return vocabulary[Math.min(i < 0 ? -i - 1 : i, vocabulary.length - 1)];
  }

  List<String> sentence(SplittableRandom random) {
    List<String> words = new ArrayList<>();
    int length = 6 + random.nextInt(19);
    while (words.size() < length) {
      if (random.nextDouble() < 0.08) {
        words.addAll(phrases.get(random.nextInt(phrases.size())));
      } else {
        words.add(word(random));
      }
    }
    return words;
  }

  /** A document of sentences until about {@code targetWords} words. */
  List<List<String>> document(SplittableRandom random, int targetWords) {
    List<List<String>> sentences = new ArrayList<>();
    int words = 0;
    while (words < targetWords) {
      List<String> s = sentence(random);
      sentences.add(s);
      words += s.size();
    }
    return sentences;
  }
}
