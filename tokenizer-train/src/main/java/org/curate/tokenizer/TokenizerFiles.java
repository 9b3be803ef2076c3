package org.curate.tokenizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tokenizer folder: {@code tokenizer.json} (HF tokenizers format, both modes),
 * {@code tokenizer.model} (SentencePiece {@code ModelProto}, SentencePiece mode) and
 * {@code curate-tokenizer.json} (our settings and the training report). Outputs are byte-identical
 * for the same model.
 */
public final class TokenizerFiles {
  public static final String HF_JSON = "tokenizer.json";
  public static final String SPM_MODEL = "tokenizer.model";
  public static final String META = "curate-tokenizer.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private TokenizerFiles() {}

  /** Writes the folder; {@code report} (pruning, counts, timings) goes into the meta file. */
  public static void write(BpeModel model, Path dir, Map<String, Object> report) throws IOException {
    Files.createDirectories(dir);
    for (Map.Entry<String, byte[]> f : files(model, report).entrySet()) {
      Files.write(dir.resolve(f.getKey()), f.getValue());
    }
  }

  /** The folder's files by name (for writing to any filesystem). */
  public static Map<String, byte[]> files(BpeModel model, Map<String, Object> report) throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    out.put(HF_JSON, hfJson(model));
    if (model.mode() == Mode.SENTENCEPIECE) {
      out.put(SPM_MODEL, SentencePieceModelProto.write(model));
    }
    out.put(META, meta(model, report));
    return out;
  }

  public static byte[] meta(BpeModel model, Map<String, Object> report) throws IOException {
    TokenizerOptions o = model.options();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", 1);
    m.put("mode", model.mode().label());
    m.put("vocab_size", model.size());
    m.put("requested_vocab_size", o.vocabSize());
    m.put("merges", model.merges().size());
    m.put("eos_id", model.eosId());
    m.put("bos_id", model.bosId());
    m.put("special_tokens", o.specialTokens());
    m.put("user_defined", o.userDefined());
    m.put("split_regex", o.mode() == Mode.BYTE_LEVEL ? (o.splitRegex() == null ? Gpt2Splitter.PATTERN : o.splitRegex()) : null);
    m.put("builtin_gpt2_split", o.mode() == Mode.BYTE_LEVEL && o.splitRegex() == null);
    m.put("full_byte_alphabet", o.fullByteAlphabet());
    m.put("character_coverage", o.characterCoverage());
    m.put("max_piece_length", o.maxPieceLength());
    m.put("min_frequency", o.minFrequency());
    m.put("training", report == null ? Map.of() : report);
    return (JSON.writerWithDefaultPrettyPrinter().writeValueAsString(m) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  public static byte[] hfJson(BpeModel model) throws IOException {
    boolean sp = model.mode() == Mode.SENTENCEPIECE;
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("version", "1.0");
    root.put("truncation", null);
    root.put("padding", null);
    List<Object> added = new ArrayList<>();
    for (int id = 0; id < model.size(); id++) {
      int type = model.types()[id];
      if (type == BpeModel.CONTROL || type == BpeModel.UNKNOWN || type == BpeModel.USER_DEFINED) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("id", id);
        t.put("content", model.vocab().get(id));
        t.put("single_word", false);
        t.put("lstrip", false);
        t.put("rstrip", false);
        t.put("normalized", type == BpeModel.USER_DEFINED);
        t.put("special", type != BpeModel.USER_DEFINED);
        added.add(t);
      }
    }
    root.put("added_tokens", added);
    if (sp) {
      // Our encoder (and spm_encode, which reads one line at a time) gives every non-empty line its
      // dummy-prefix ▁ and keeps \n as a unit. HF's Prepend adds one ▁ to the whole text, so the
      // normaliser adds it to each line that follows a \n and takes back the one Prepend put in
      // front of a text that starts with an empty line (\A: Oniguruma's ^ would match at every line).
      root.put("normalizer", ordered("type", "Sequence", "normalizers", List.of(
          ordered("type", "Replace", "pattern", Map.of("String", " "), "content", "\u2581"),
          ordered("type", "Prepend", "prepend", "\u2581"),
          ordered("type", "Replace", "pattern", Map.of("Regex", "\\A\u2581\n"), "content", "\n"),
          ordered("type", "Replace", "pattern", Map.of("Regex", "\n(?=[^\n])"), "content", "\n\u2581"))));
      root.put("pre_tokenizer", null);
      root.put("post_processor", null);
      root.put("decoder", ordered("type", "Sequence", "decoders", List.of(
          ordered("type", "Replace", "pattern", Map.of("String", "\u2581"), "content", " "),
          Map.of("type", "ByteFallback"), Map.of("type", "Fuse"),
          ordered("type", "Strip", "content", " ", "start", 1, "stop", 0),
          ordered("type", "Replace", "pattern", Map.of("Regex", "\n "), "content", "\n"))));
    } else {
      root.put("normalizer", null);
      String regex = model.options().splitRegex();
      if (regex == null) {
        root.put("pre_tokenizer", ordered("type", "ByteLevel", "add_prefix_space", false, "trim_offsets", true,
            "use_regex", true));
      } else {
        root.put("pre_tokenizer", ordered("type", "Sequence", "pretokenizers", List.of(
            ordered("type", "Split", "pattern", Map.of("Regex", regex), "behavior", "Isolated", "invert", false),
            ordered("type", "ByteLevel", "add_prefix_space", false, "trim_offsets", true, "use_regex", false))));
      }
      root.put("post_processor", null);
      root.put("decoder", ordered("type", "ByteLevel", "add_prefix_space", true, "trim_offsets", true,
          "use_regex", true));
    }
    Map<String, Object> bpe = new LinkedHashMap<>();
    bpe.put("type", "BPE");
    bpe.put("dropout", null);
    bpe.put("unk_token", sp ? "<unk>" : null);
    bpe.put("continuing_subword_prefix", null);
    bpe.put("end_of_word_suffix", null);
    bpe.put("fuse_unk", sp);
    bpe.put("byte_fallback", sp);
    bpe.put("ignore_merges", false);
    Map<String, Integer> vocab = new LinkedHashMap<>();
    for (int id = 0; id < model.size(); id++) {
      vocab.putIfAbsent(model.vocab().get(id), id);
    }
    bpe.put("vocab", vocab);
    List<List<String>> merges = new ArrayList<>();
    for (int[] m : model.merges()) {
      merges.add(List.of(model.vocab().get(m[0]), model.vocab().get(m[1])));
    }
    bpe.put("merges", merges);
    root.put("model", bpe);
    return JSON.writeValueAsBytes(root);
  }

  private static Map<String, Object> ordered(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  /** Loads a tokenizer folder: SentencePiece mode from {@code tokenizer.model}, byte-level from {@code tokenizer.json}. */
  public static BpeModel load(Path dir) throws IOException {
    Map<String, byte[]> files = new HashMap<>();
    for (String name : List.of(HF_JSON, SPM_MODEL, META)) {
      if (Files.exists(dir.resolve(name))) {
        files.put(name, Files.readAllBytes(dir.resolve(name)));
      }
    }
    return load(files);
  }

  /** Loads from the folder's files by name (any of tokenizer.json, tokenizer.model, curate-tokenizer.json). */
  public static BpeModel load(Map<String, byte[]> files) throws IOException {
    JsonNode meta = files.containsKey(META) ? JSON.readTree(files.get(META)) : null;
    Mode mode = meta != null ? Mode.parse(meta.get("mode").asText())
        : files.containsKey(SPM_MODEL) ? Mode.SENTENCEPIECE : Mode.BYTE_LEVEL;
    if (mode == Mode.SENTENCEPIECE) {
      if (!files.containsKey(SPM_MODEL)) {
        throw new IOException("SentencePiece-mode tokenizer without " + SPM_MODEL);
      }
      return SentencePieceModelProto.read(files.get(SPM_MODEL));
    }
    if (!files.containsKey(HF_JSON)) {
      throw new IOException("byte-level tokenizer without " + HF_JSON);
    }
    return readHfByteLevel(files.get(HF_JSON), meta);
  }

  static BpeModel readHfByteLevel(byte[] json, JsonNode meta) throws IOException {
    JsonNode root = JSON.readTree(json);
    JsonNode vocabNode = root.get("model").get("vocab");
    Map<Integer, String> byId = new HashMap<>();
    vocabNode.fields().forEachRemaining(e -> byId.put(e.getValue().asInt(), e.getKey()));
    List<String> specials = new ArrayList<>();
    Map<Integer, String> added = new HashMap<>();
    for (JsonNode t : root.get("added_tokens")) {
      added.put(t.get("id").asInt(), t.get("content").asText());
      byId.put(t.get("id").asInt(), t.get("content").asText());
    }
    int size = byId.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
    List<String> vocab = new ArrayList<>(size);
    int[] types = new int[size];
    Map<String, Integer> ids = new HashMap<>();
    for (int id = 0; id < size; id++) {
      String t = byId.get(id);
      if (t == null) {
        throw new IOException("tokenizer.json has no token with id " + id);
      }
      vocab.add(t);
      types[id] = added.containsKey(id) ? BpeModel.CONTROL : BpeModel.NORMAL;
      ids.putIfAbsent(t, id);
      if (added.containsKey(id)) {
        specials.add(t);
      }
    }
    List<int[]> merges = new ArrayList<>();
    for (JsonNode m : root.get("model").get("merges")) {
      String a;
      String b;
      if (m.isArray()) {
        a = m.get(0).asText();
        b = m.get(1).asText();
      } else {
        String s = m.asText();
        int sp = s.indexOf(' ');
        a = s.substring(0, sp);
        b = s.substring(sp + 1);
      }
      Integer r = ids.get(a + b);
      if (ids.get(a) == null || ids.get(b) == null || r == null) {
        throw new IOException("merge " + a + " " + b + " refers to a token not in the vocabulary");
      }
      merges.add(new int[] {ids.get(a), ids.get(b), r});
    }
    String regex = null;
    JsonNode preTok = root.get("pre_tokenizer");
    if (meta != null && !meta.path("builtin_gpt2_split").asBoolean(false) && !meta.path("split_regex").isNull()) {
      regex = meta.get("split_regex").asText();
    } else if (meta == null && preTok != null && "Sequence".equals(preTok.path("type").asText())) {
      regex = preTok.get("pretokenizers").get(0).get("pattern").get("Regex").asText();
    }
    TokenizerOptions options = TokenizerOptions.byteLevel(size).withSpecialTokens(specials).withSplitRegex(regex);
    return new BpeModel(Mode.BYTE_LEVEL, options, vocab, types, new float[size], merges);
  }
}
