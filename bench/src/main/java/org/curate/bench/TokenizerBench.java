package org.curate.bench;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.curate.tokenizer.BpeModel;
import org.curate.tokenizer.Mode;
import org.curate.tokenizer.PreTokenizer;
import org.curate.tokenizer.SentencePieceModelProto;
import org.curate.tokenizer.Tokenizer;
import org.curate.tokenizer.TokenizerFiles;
import org.curate.tokenizer.TokenizerOptions;
import org.curate.tokenizer.TokenizerTrainer;
import org.curate.tokenizer.WordCounts;

/**
 * Training and encoding speed of our BPE against peers measured in the same run, on one core:
 * CPU seconds of the counting + merging (this thread), encode MB per CPU-second with our encoder
 * and with HF tokenizers (DJL's binding, same JVM, same lines, one call per line); when installed,
 * {@code spm_train}/{@code spm_encode} (CPU from /usr/bin/time) and the npm {@code tokenizers}
 * trainer (default settings: vocab 30000), whose merge list is compared with ours merge for merge.
 *
 * <p>Usage: {@code TokenizerBench [--corpus FILE] [--vocab N] [--node-path DIR] [--text-dir DIR]... [--corpus-mb N]
 * [--corpus-out FILE]}. The corpus is a text file, one document per line; without one, it is built from
 * real text ({@link TokenizerBenchCorpus}); with {@code --corpus-out} it is only built and written.
 */
public final class TokenizerBench {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private TokenizerBench() {}

  public static void main(String[] args) throws Exception {
    Path corpus = null;
    int vocab = 32_000;
    String nodePath = System.getenv("NODE_PATH");
    Path shared = Path.of("../shared/data");
    List<Path> textDirs = new ArrayList<>();
    double corpusMb = 0;
    Path corpusOut = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--corpus" -> corpus = Path.of(args[++i]);
        case "--vocab" -> vocab = Integer.parseInt(args[++i]);
        case "--node-path" -> nodePath = args[++i];
        case "--shared-data" -> shared = Path.of(args[++i]);
        case "--text-dir" -> textDirs.add(Path.of(args[++i]));
        case "--corpus-mb" -> corpusMb = Double.parseDouble(args[++i]);
        case "--corpus-out" -> corpusOut = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    Path work = Files.createTempDirectory("tokenizer-bench");
    if (corpus == null) {
      corpus = TokenizerBenchCorpus.build(shared, textDirs, corpusMb,
          corpusOut != null ? corpusOut : work.resolve("corpus.txt"));
    }
    if (corpusOut != null) {
      return; // only the corpus was asked for (the 1 GB training bench starts from it)
    }
    List<String> lines = Files.readAllLines(corpus, StandardCharsets.UTF_8);
    long bytes = Files.size(corpus);
    int split = lines.size() * 9 / 10;
    List<String> train = lines;
    List<String> heldOut = lines.subList(split, lines.size());
    System.out.printf(Locale.ROOT, "corpus %s: %.1f MB, %d lines; vocab %d; %d cores%n", corpus, bytes / 1e6,
        lines.size(), vocab, Runtime.getRuntime().availableProcessors());

    // ---- byte-level: train, encode, against HF (DJL) in this JVM
    TokenizerOptions bl = TokenizerOptions.byteLevel(vocab);
    BpeModel blModel = trainTimed("byte-level", bl, withLineEndings(train));
    Path blDir = work.resolve("byte-level");
    TokenizerFiles.write(blModel, blDir, Map.of());
    double ours = encodeTimed("ours byte-level", new Tokenizer(blModel)::encode, lines, bytes);
    double hf = hfEncodeTimed(blDir.resolve("tokenizer.json"), lines, bytes, new Tokenizer(blModel));
    System.out.printf(Locale.ROOT, "encode ratio byte-level ours/HF (MB per CPU-s): %.2fx%n", ours / hf);

    // ---- SentencePiece mode: train, encode; spm_train / spm_encode peers
    TokenizerOptions sp = TokenizerOptions.sentencePiece(vocab);
    long spCpu = THREADS.getCurrentThreadCpuTime();
    BpeModel spModel = trainTimed("sentencepiece", sp, lines.subList(0, split));
    double oursSpTrain = (THREADS.getCurrentThreadCpuTime() - spCpu) / 1e9;
    Tokenizer spTok = new Tokenizer(spModel);
    Path spDir = work.resolve("sentencepiece");
    TokenizerFiles.write(spModel, spDir, Map.of());
    double oursSp = encodeTimed("ours sentencepiece", spTok::encode, lines, bytes);
    double hfSp = hfEncodeTimed(spDir.resolve("tokenizer.json"), lines, bytes, spTok);
    System.out.printf(Locale.ROOT, "encode ratio sentencepiece ours/HF (MB per CPU-s): %.2fx%n", oursSp / hfSp);
    if (onPath("spm_train") && Files.isExecutable(Path.of("/usr/bin/time"))) {
      Path trainFile = work.resolve("train.txt");
      Files.write(trainFile, lines.subList(0, split), StandardCharsets.UTF_8);
      double[] t = timed(List.of("spm_train", "--input=" + trainFile, "--model_prefix=" + work.resolve("spm"),
          "--vocab_size=" + vocab, "--model_type=bpe", "--byte_fallback=true", "--split_digits=true",
          "--normalization_rule_name=identity", "--remove_extra_whitespaces=false",
          "--allow_whitespace_only_pieces=true", "--input_sentence_size=0", "--max_sentence_length=262144",
          "--num_threads=1"), work.resolve("spm_train.log"));
      System.out.printf(Locale.ROOT, "spm_train (1 thread): %.2f CPU-s, peak RSS %.0f MB; ours %.2f CPU-s -> %.2fx faster%n",
          t[0], t[1] / 1024, oursSpTrain, t[0] / oursSpTrain);
      Tokenizer spmTok = new Tokenizer(SentencePieceModelProto.read(Files.readAllBytes(work.resolve("spm.model"))));
      long heldBytes = 0;
      long oursTokens = 0;
      long spmTokens = 0;
      for (String l : heldOut) {
        heldBytes += l.getBytes(StandardCharsets.UTF_8).length;
        oursTokens += spTok.encode(l).length;
        spmTokens += spmTok.encode(l).length;
      }
      System.out.printf(Locale.ROOT, "held-out bytes/token (%d lines): ours %.4f, spm_train %.4f (%+.2f%%)%n",
          heldOut.size(), (double) heldBytes / oursTokens, (double) heldBytes / spmTokens,
          100.0 * ((double) spmTokens / oursTokens - 1));
      Path all = work.resolve("all.txt");
      Files.write(all, lines, StandardCharsets.UTF_8);
      double[] e = timed(List.of("spm_encode", "--model=" + work.resolve("spm.model"), "--output_format=id",
          "--input=" + all, "--output=" + work.resolve("spm.ids")), work.resolve("spm_encode.log"));
      System.out.printf(Locale.ROOT, "spm_encode: %.2f CPU-s, %.2f MB per CPU-s%n", e[0], bytes / 1e6 / e[0]);
    } else {
      System.out.println("spm_train or /usr/bin/time not installed: SentencePiece peer skipped");
    }

    // ---- HF trainer (npm binding, default settings) against ours with the same settings
    if (nodePath != null && Files.isDirectory(Path.of(nodePath, "tokenizers")) && onPath("node")) {
      Path script = Path.of("tokenizer-train/src/test/node/hf_train_merges.js");
      Path out = work.resolve("hf-npm.json");
      ProcessBuilder pb = new ProcessBuilder("node", script.toString(), corpus.toString(), out.toString())
          .redirectErrorStream(true);
      pb.environment().put("NODE_PATH", nodePath);
      Process p = pb.start();
      String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (p.waitFor() != 0) {
        throw new IllegalStateException("HF npm training failed: " + printed);
      }
      JsonNode timing = new ObjectMapper().readTree(printed.substring(printed.lastIndexOf('{')));
      TokenizerOptions def = TokenizerOptions.byteLevel(30_000).withSpecialTokens(List.of()).withFullByteAlphabet(false);
      long c0 = THREADS.getCurrentThreadCpuTime();
      BpeModel same = trainTimed("byte-level, HF default settings", def, withLineEndings(train));
      double oursCpu = (THREADS.getCurrentThreadCpuTime() - c0) / 1e9;
      JsonNode hfMerges = new ObjectMapper().readTree(out.toFile()).get("model").get("merges");
      int equal = 0;
      while (equal < Math.min(hfMerges.size(), same.merges().size())) {
        JsonNode m = hfMerges.get(equal);
        String a = m.isArray() ? m.get(0).asText() : m.asText().split(" ", 2)[0];
        String b = m.isArray() ? m.get(1).asText() : m.asText().split(" ", 2)[1];
        int[] ours2 = same.merges().get(equal);
        if (!a.equals(same.vocab().get(ours2[0])) || !b.equals(same.vocab().get(ours2[1]))) {
          break;
        }
        equal++;
      }
      System.out.printf(Locale.ROOT, "HF npm trainer (vocab 30000): %.2f CPU-s (all threads), %.2f s wall; ours %.2f CPU-s "
          + "-> HF/ours %.2fx; merges equal: %d of %d (ours %d)%n", timing.get("cpu_seconds").asDouble(),
          timing.get("wall_seconds").asDouble(), oursCpu, timing.get("cpu_seconds").asDouble() / oursCpu, equal,
          hfMerges.size(), same.merges().size());
    } else {
      System.out.println("npm tokenizers not found (--node-path DIR/node_modules): HF trainer peer skipped");
    }
    System.out.printf(Locale.ROOT, "peak RSS of this JVM: %.0f MB%n", peakRssKb() / 1024.0);
  }

  /** HF trains from lines that keep their line ending; so does the byte-level count here. */
  private static List<String> withLineEndings(List<String> lines) {
    List<String> out = new ArrayList<>(lines.size());
    for (String l : lines) {
      out.add(l + "\n");
    }
    return out;
  }

  private static BpeModel trainTimed(String label, TokenizerOptions options, List<String> texts) {
    long c0 = THREADS.getCurrentThreadCpuTime();
    PreTokenizer pre = options.preTokenizer();
    WordCounts words = new WordCounts();
    for (String t : texts) {
      words.addText(pre, t);
    }
    long c1 = THREADS.getCurrentThreadCpuTime();
    BpeModel model = TokenizerTrainer.train(words, options);
    long c2 = THREADS.getCurrentThreadCpuTime();
    System.out.printf(Locale.ROOT, "train %-32s count %.2f CPU-s (%d distinct words), merge %.2f CPU-s, total %.2f CPU-s;"
        + " vocab %d, merges %d%n", label, (c1 - c0) / 1e9, words.size(), (c2 - c1) / 1e9, (c2 - c0) / 1e9,
        model.size(), model.merges().size());
    return model;
  }

  private static double encodeTimed(String label, java.util.function.Function<String, int[]> encoder, List<String> lines,
      long bytes) {
    long c0 = THREADS.getCurrentThreadCpuTime();
    long tokens = 0;
    for (String l : lines) {
      tokens += encoder.apply(l).length;
    }
    double cpu = (THREADS.getCurrentThreadCpuTime() - c0) / 1e9;
    double mbPerCpuS = bytes / 1e6 / cpu;
    System.out.printf(Locale.ROOT, "encode %-22s %.2f CPU-s, %.2f MB per CPU-s, %d tokens, %.3f bytes/token%n", label,
        cpu, mbPerCpuS, tokens, (double) bytes / tokens);
    return mbPerCpuS;
  }

  /**
   * HF through DJL, timed like ours; its ids are kept (a reference per line) and compared with
   * ours after the clock stops, line by line.
   */
  private static double hfEncodeTimed(Path json, List<String> lines, long bytes, Tokenizer ours) throws IOException {
    try (HuggingFaceTokenizer hf = HuggingFaceTokenizer.builder().optTokenizerPath(json).optAddSpecialTokens(false)
        .optTruncation(false).optPadding(false).build()) {
      hf.encode("warm up", false, false);
      long[][] got = new long[lines.size()][];
      int[] line = {0};
      double rate = encodeTimed("HF tokenizers (DJL)", l -> {
        long[] ids = hf.encode(l, false, false).getIds();
        got[line[0]++] = ids;
        return new int[ids.length];
      }, lines, bytes);
      int equal = 0;
      for (int i = 0; i < lines.size(); i++) {
        if (Arrays.equals(Arrays.stream(ours.encode(lines.get(i))).asLongStream().toArray(), got[i])) {
          equal++;
        }
      }
      System.out.printf(Locale.ROOT, "HF ids equal ours on %d of %d lines%n", equal, lines.size());
      return rate;
    }
  }

  /** user+sys CPU seconds and peak RSS (KB) of a child process, from /usr/bin/time. */
  private static double[] timed(List<String> cmd, Path log) throws Exception {
    List<String> full = new ArrayList<>(List.of("/usr/bin/time", "-f", "TIME %U %S %M"));
    full.addAll(cmd);
    Process p = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (p.waitFor() != 0) {
      throw new IllegalStateException(cmd.get(0) + " failed, see " + log);
    }
    for (String l : Files.readAllLines(log)) {
      if (l.startsWith("TIME ")) {
        String[] f = l.split(" ");
        return new double[] {Double.parseDouble(f[1]) + Double.parseDouble(f[2]), Double.parseDouble(f[3])};
      }
    }
    throw new IllegalStateException("no timing in " + log);
  }

  private static long peakRssKb() throws IOException {
    for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (l.startsWith("VmHWM:")) {
        return Long.parseLong(l.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }

  private static boolean onPath(String exe) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, exe))) {
        return true;
      }
    }
    return false;
  }
}
