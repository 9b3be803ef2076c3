package org.curate.dedup.truth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A document as sentences of words, the form the generator edits, and its rendering to text:
 * sentences capitalised and ended with a period, a blank line every few sentences. With
 * {@code formatNoise} the rendering adds what normalisation erases (random upper case, doubled
 * spaces, stray punctuation, digits changed), so exact copies still differ byte-wise.
 */
final class EditedText {
  final List<List<String>> sentences;

  EditedText(List<List<String>> sentences) {
    this.sentences = sentences;
  }

  EditedText copy() {
    List<List<String>> out = new ArrayList<>();
    sentences.forEach(s -> out.add(new ArrayList<>(s)));
    return new EditedText(out);
  }

  String render(SplittableRandom random, boolean formatNoise) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < sentences.size(); i++) {
      List<String> s = sentences.get(i);
      if (s.isEmpty()) {
        continue;
      }
      if (text.length() > 0) {
        text.append(i % 5 == 0 ? "\n\n" : " ");
      }
      for (int w = 0; w < s.size(); w++) {
        String word = s.get(w);
        if (w == 0) {
          word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
        }
        if (formatNoise && random.nextDouble() < 0.03) {
          word = word.toUpperCase(Locale.ROOT);
        }
        if (w > 0) {
          text.append(formatNoise && random.nextDouble() < 0.03 ? "  " : " ");
        }
        text.append(word);
        if (formatNoise && random.nextDouble() < 0.02) {
          text.append(random.nextBoolean() ? "," : " -");
        }
      }
      text.append('.');
    }
    return text.toString();
  }
}
