package org.curate.dedup.truth;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.curate.dedup.Jaccard;
import org.curate.dedup.ShingleHasher;
import org.curate.dedup.TextNormalizer;

/**
 * Edits a copy of a document until the exact Jaccard of its word 5-gram shingles with the
 * original falls to a target: word substitutions, insertions, deletions and adjacent swaps,
 * sentence drops, additions and swaps (a shuffle), duplicated spans, and sometimes a boilerplate
 * block as header or footer. Each word edit touches about n shingles, so the number of edits
 * for the remaining gap is estimated, half of it applied, and the Jaccard measured again;
 * the achieved Jaccard (at most the target) is what the truth records.
 */
final class NearDuplicateEditor {
  private final PseudoEnglish language;
  private final List<List<List<String>>> boilerplate;
  private final TextNormalizer normalizer = new TextNormalizer();
  private final ShingleHasher shingler;
  private final int ngram;

  NearDuplicateEditor(PseudoEnglish language, List<List<List<String>>> boilerplate, int ngram) {
    this.language = language;
    this.boilerplate = boilerplate;
    this.shingler = new ShingleHasher(ngram);
    this.ngram = ngram;
  }

  long[] shingles(String text) {
    return shingler.shingles(normalizer.normalize(text));
  }

  /** A copy of {@code parent} edited to Jaccard at most {@code target} (returns it with the edit log). */
  EditedText edit(EditedText parent, double target, double pBoilerplate, SplittableRandom random, List<String> ops) {
    EditedText copy = parent.copy();
    if (target >= 1.0) {
      return copy;
    }
    long[] original = shingles(parent.render(random, false));
    if (random.nextDouble() < pBoilerplate && !boilerplate.isEmpty()) {
      List<List<String>> block = boilerplate.get(random.nextInt(boilerplate.size()));
      List<List<String>> blockCopy = new ArrayList<>();
      block.forEach(s -> blockCopy.add(new ArrayList<>(s)));
      copy.sentences.addAll(random.nextBoolean() ? 0 : copy.sentences.size(), blockCopy);
      ops.add("boilerplate");
    }
    double j = Jaccard.of(original, shingles(copy.render(random, false)));
    for (int round = 0; round < 200 && j > target; round++) {
      double gap = j - target;
      int edits = (int) Math.max(1, Math.round(original.length * gap / (ngram * (1 + target)) / 2));
      for (int e = 0; e < edits; e++) {
        ops.add(applyOne(copy, random));
      }
      j = Jaccard.of(original, shingles(copy.render(random, false)));
    }
    return copy;
  }

  private String applyOne(EditedText doc, SplittableRandom random) {
    List<List<String>> sentences = doc.sentences;
    List<String> s = sentences.get(random.nextInt(sentences.size()));
    double r = random.nextDouble();
    if (s.size() < 2 || r < 0.30) {
      if (s.isEmpty()) {
        s.add(language.word(random));
      } else {
        s.set(random.nextInt(s.size()), language.word(random));
      }
      return "substitute";
    } else if (r < 0.50) {
      s.add(random.nextInt(s.size() + 1), language.word(random));
      return "insert";
    } else if (r < 0.70) {
      s.remove(random.nextInt(s.size()));
      return "delete";
    } else if (r < 0.80) {
      int i = random.nextInt(s.size() - 1);
      String w = s.get(i);
      s.set(i, s.get(i + 1));
      s.set(i + 1, w);
      return "swap";
    } else if (r < 0.85 && sentences.size() > 2) {
      sentences.remove(random.nextInt(sentences.size()));
      return "drop_sentence";
    } else if (r < 0.90) {
      sentences.add(random.nextInt(sentences.size() + 1), language.sentence(random));
      return "add_sentence";
    } else if (r < 0.96 && sentences.size() > 1) {
      int a = random.nextInt(sentences.size());
      int b = random.nextInt(sentences.size());
      List<String> t = sentences.get(a);
      sentences.set(a, sentences.get(b));
      sentences.set(b, t);
      return "shuffle";
    } else {
      int from = random.nextInt(s.size());
      int to = Math.min(s.size(), from + 2 + random.nextInt(6));
      s.addAll(to, new ArrayList<>(s.subList(from, to)));
      return "duplicate_span";
    }
  }
}
