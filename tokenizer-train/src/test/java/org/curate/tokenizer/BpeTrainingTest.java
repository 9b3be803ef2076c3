package org.curate.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BpeTrainingTest {

  private static List<String> mergeStrings(BpeModel m) {
    List<String> out = new ArrayList<>();
    for (int[] x : m.merges()) {
      out.add(m.vocab().get(x[0]) + " " + m.vocab().get(x[1]));
    }
    return out;
  }

  @Test
  void handCheckedMergesAndTieBreak() {
    // hug×10 pug×5 pun×12 bun×4 hugs×5: (u,g)=20, then (u,n)=16, then (h,ug)=15.
    WordCounts wc = new WordCounts();
    wc.add("hug", 10);
    wc.add("pug", 5);
    wc.add("pun", 12);
    wc.add("bun", 4);
    wc.add("hugs", 5);
    TokenizerOptions o = TokenizerOptions.byteLevel(0 + 7 + 3).withSpecialTokens(List.of()).withFullByteAlphabet(false);
    BpeModel m = TokenizerTrainer.train(wc, o);
    // alphabet b g h n p s u (code point order) then ug, un, hug
    assertThat(m.vocab()).containsExactly("b", "g", "h", "n", "p", "s", "u", "ug", "un", "hug");
    assertThat(mergeStrings(m)).containsExactly("u g", "u n", "h ug");
    // Tie: (a,b) and (c,d) both twice -> the smaller id pair (a,b) first.
    WordCounts tie = new WordCounts();
    tie.add("cd", 2);
    tie.add("ab", 2);
    BpeModel t = TokenizerTrainer.train(tie, TokenizerOptions.byteLevel(6).withSpecialTokens(List.of())
        .withFullByteAlphabet(false));
    assertThat(mergeStrings(t)).containsExactly("a b", "c d");
  }

  @Test
  void overlappingPairsMergeLeftToRight() {
    WordCounts wc = new WordCounts();
    wc.add("aaa", 3);
    BpeModel m = TokenizerTrainer.train(wc, TokenizerOptions.byteLevel(3).withSpecialTokens(List.of())
        .withFullByteAlphabet(false));
    // (a,a) counts 2 per word: merged once, "aaa" -> "aa a"; next best (aa,a) = 3.
    assertThat(mergeStrings(m)).containsExactly("a a", "aa a");
    assertThat(new Tokenizer(m).encode("aaaa")).containsExactly(1, 1);
  }

  @Test
  void byteLevelAlphabetIsGpt2Order() {
    BpeModel m = TokenizerTrainer.train(TestCorpus.count(new Gpt2Splitter(), List.of("hi there")),
        TokenizerOptions.byteLevel(300).withSpecialTokens(List.of()));
    assertThat(m.vocab().get(0)).isEqualTo("!");
    assertThat(m.vocab().get(93)).isEqualTo("~");
    assertThat(m.vocab().get(188)).isEqualTo("\u0100");
    assertThat(m.vocab().get(198)).isEqualTo("\u010A");
    assertThat(m.vocab().get(220)).isEqualTo("\u0120");
    assertThat(m.vocab().get(255)).isEqualTo("\u0143");
  }

  @Test
  void roundTripsArbitraryUnicodeInBothModes() {
    List<String> train = TestCorpus.generated(200, 1);
    for (Mode mode : Mode.values()) {
      TokenizerOptions o = TokenizerOptions.defaults(mode).withVocabSize(600);
      BpeModel m = TokenizerTrainer.train(TestCorpus.count(o.preTokenizer(), train), o);
      Tokenizer tok = new Tokenizer(m);
      List<String> texts = new ArrayList<>(TestCorpus.randomUnicode(400, 3, mode == Mode.SENTENCEPIECE));
      texts.addAll(TestCorpus.generated(50, 99));
      texts.addAll(List.of("", " ", "\n", "\n\n x \n", "  leading and trailing  ", "👨‍👩‍👧🙂👍🏽",
          "\u0000\u0001\u007F\uFFFD\uFFFF", "<|endoftext|></s><unk>", "e\u0301 \u200B\u200D", "\r\n\r\n"));
      for (String t : texts) {
        int[] ids = tok.encode(t);
        assertThat(tok.decode(ids)).as("%s round trip of %s", mode, t).isEqualTo(t);
        for (int id : ids) {
          assertThat(id).isBetween(0, m.size() - 1);
        }
      }
    }
  }

  @Test
  void sentencePieceSplitsDigitsAndFallsBackToBytes() {
    TokenizerOptions o = TokenizerOptions.sentencePiece(400);
    List<String> train = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      train.add("year 2024 and 1999 in the house " + i);
    }
    BpeModel m = TokenizerTrainer.train(TestCorpus.count(o.preTokenizer(), train), o);
    Tokenizer tok = new Tokenizer(m);
    int[] ids = tok.encode("in 2024");
    List<String> pieces = new ArrayList<>();
    for (int id : ids) {
      pieces.add(m.vocab().get(id));
    }
    assertThat(pieces).containsExactly("\u2581in", "\u2581", "2", "0", "2", "4");
    for (String p : m.vocab()) {
      if (p.codePointCount(0, p.length()) > 1 && !p.startsWith("<")) {
        assertThat(p.chars().noneMatch(Character::isDigit)).as(p).isTrue();
      }
    }
    // "ж" never occurs in training: its two UTF-8 bytes become byte pieces.
    int[] zh = tok.encode("ж");
    assertThat(zh).hasSize(3);
    assertThat(m.vocab().get(zh[0])).isEqualTo("\u2581");
    assertThat(m.vocab().get(zh[1])).isEqualTo("<0xD0>");
    assertThat(m.vocab().get(zh[2])).isEqualTo("<0xB6>");
    assertThat(m.vocab().subList(0, 3)).containsExactly("<unk>", "<s>", "</s>");
    assertThat(m.vocab().get(3)).isEqualTo("<0x00>");
  }

  @Test
  void reachesTheVocabularySizeAndIsDeterministic(@TempDir Path tmp) throws IOException {
    List<String> texts = new ArrayList<>(TestCorpus.generated(400, 5));
    texts.addAll(TestCorpus.realArticles());
    for (Mode mode : Mode.values()) {
      TokenizerOptions o = TokenizerOptions.defaults(mode).withVocabSize(1200);
      BpeModel a = TokenizerTrainer.train(TestCorpus.count(o.preTokenizer(), texts), o);
      List<String> shuffled = new ArrayList<>(texts);
      Collections.shuffle(shuffled, new java.util.Random(42));
      BpeModel b = TokenizerTrainer.train(TestCorpus.count(o.preTokenizer(), shuffled), o);
      assertThat(a.size()).isEqualTo(1200);
      TokenizerFiles.write(a, tmp.resolve("a-" + mode), Map.of());
      TokenizerFiles.write(b, tmp.resolve("b-" + mode), Map.of());
      for (String f : List.of(TokenizerFiles.HF_JSON, TokenizerFiles.META)) {
        assertThat(Files.readAllBytes(tmp.resolve("b-" + mode).resolve(f)))
            .isEqualTo(Files.readAllBytes(tmp.resolve("a-" + mode).resolve(f)));
      }
      // Reloaded from disk, the tokenizer encodes exactly as the trained one.
      Tokenizer trained = new Tokenizer(a);
      Tokenizer loaded = new Tokenizer(TokenizerFiles.load(tmp.resolve("a-" + mode)));
      for (String t : texts.subList(0, 100)) {
        assertThat(loaded.encode(t)).isEqualTo(trained.encode(t));
      }
    }
  }

  @Test
  void pruningIsReported() {
    WordCounts wc = new WordCounts();
    wc.add("a", 5);
    wc.add("b", 1);
    wc.add("c", 3);
    wc.add("d", 3);
    WordCounts.Pruning p = wc.prune(2, 2);
    assertThat(p.wordsBefore()).isEqualTo(4);
    assertThat(p.wordsAfter()).isEqualTo(2);
    assertThat(p.occurrencesBefore()).isEqualTo(12);
    assertThat(p.occurrencesAfter()).isEqualTo(8);
    assertThat(wc.count("a")).isEqualTo(5);
    assertThat(wc.count("c")).isEqualTo(3);
    assertThat(wc.count("d")).isZero();
  }
}
