package org.curate.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A corpus of a given size for the by-hand 1 GB training run ({@code bench/tokenizer-1gb.sh}),
 * as JSONL documents ({@code {"text": ...}}, 8 lines each) that {@code curate train-tokenizer}
 * reads. There is not 1 GB of distinct real text here, so: pass 0 is the real lines as they are;
 * every later pass takes them in a new seeded order and replaces a share of their words
 * (space-separated, 4+ characters) by a splice of two real words (the first half of the word, the
 * second half of a random other one), so the count of distinct words keeps growing with size as
 * it does on web text, instead of stopping at the real corpus's.
 *
 * <p>Usage: {@code TokenizerScaleCorpus REAL_LINES_FILE OUT_DIR TARGET_MB [SPLICE_SHARE] [FILES]}.
 */
public final class TokenizerScaleCorpus {
  private static final long SEED = 20_261_128L;
  private static final int LINES_PER_DOC = 8;

  private TokenizerScaleCorpus() {}

  public static void main(String[] args) throws IOException {
    List<String> real = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
    Path out = Path.of(args[1]);
    long target = (long) (Double.parseDouble(args[2]) * 1e6);
    double splice = args.length > 3 ? Double.parseDouble(args[3]) : 0.03;
    int files = args.length > 4 ? Integer.parseInt(args[4]) : 16;
    Files.createDirectories(out);
    Random rnd = new Random(SEED);
    List<String> pool = wordPool(real, rnd);
    ObjectMapper json = new ObjectMapper();
    BufferedWriter[] writers = new BufferedWriter[files];
    for (int f = 0; f < files; f++) {
      writers[f] = Files.newBufferedWriter(out.resolve(String.format(Locale.ROOT, "part-%05d.jsonl", f)),
          StandardCharsets.UTF_8);
    }
    long written = 0;
    long docs = 0;
    int pass = 0;
    List<String> order = new ArrayList<>(real);
    StringBuilder doc = new StringBuilder();
    try {
      while (written < target) {
        if (pass > 0) {
          Collections.shuffle(order, rnd);
        }
        int inDoc = 0;
        for (int i = 0; i < order.size() && written < target; i++) {
          String line = pass == 0 ? order.get(i) : spliced(order.get(i), pool, splice, rnd);
          doc.append(inDoc == 0 ? "" : "\n").append(line);
          if (++inDoc == LINES_PER_DOC || i == order.size() - 1) {
            String text = doc.toString();
            writers[(int) (docs % files)].write(json.writeValueAsString(Map.of("text", text)));
            writers[(int) (docs % files)].write('\n');
            written += text.getBytes(StandardCharsets.UTF_8).length;
            docs++;
            doc.setLength(0);
            inDoc = 0;
          }
        }
        pass++;
      }
    } finally {
      for (BufferedWriter w : writers) {
        w.close();
      }
    }
    System.out.printf(Locale.ROOT, "scale corpus %s: %d documents, %.1f MB of text in %d files; %d real lines "
        + "(%.1f MB) used in %d passes, passes 1.. with %.0f%% of 4+-char words spliced (seed %d)%n", out, docs,
        written / 1e6, files, real.size(), Files.size(Path.of(args[0])) / 1e6, pass, splice * 100, SEED);
  }

  /** Up to a million words of 4+ characters sampled from the real lines. */
  private static List<String> wordPool(List<String> real, Random rnd) {
    List<String> pool = new ArrayList<>();
    for (int tries = 0; tries < 4_000_000 && pool.size() < 1_000_000; tries++) {
      String[] words = real.get(rnd.nextInt(real.size())).split(" ");
      String w = words[rnd.nextInt(words.length)];
      if (w.length() >= 4) {
        pool.add(w);
      }
    }
    return pool;
  }

  private static String spliced(String line, List<String> pool, double share, Random rnd) {
    String[] words = line.split(" ", -1);
    boolean changed = false;
    for (int i = 0; i < words.length; i++) {
      String w = words[i];
      if (w.length() >= 4 && rnd.nextDouble() < share) {
        String other = pool.get(rnd.nextInt(pool.size()));
        words[i] = w.substring(0, cut(w, w.length() / 2)) + other.substring(cut(other, other.length() / 2));
        changed = true;
      }
    }
    return changed ? String.join(" ", words) : line;
  }

  /** A cut point that does not split a surrogate pair. */
  private static int cut(String w, int at) {
    return at > 0 && Character.isLowSurrogate(w.charAt(at)) ? at - 1 : at;
  }
}
