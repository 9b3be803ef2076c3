package org.curate.jobs.tokenize;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.curate.tokenizer.TokenizerFiles;

/** Small whole-file reads and writes on any Hadoop filesystem (tokenizer folders, manifests). */
final class HadoopFiles {
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private HadoopFiles() {}

  static void write(Configuration conf, Path path, byte[] bytes) {
    try {
      FileSystem fs = path.getFileSystem(conf);
      try (OutputStream out = fs.create(path, true)) {
        out.write(bytes);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }

  static void writeJson(Configuration conf, Path path, Object value) {
    try {
      write(conf, path, (JSON.writeValueAsString(value) + "\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] read(Configuration conf, Path path) {
    try {
      FileSystem fs = path.getFileSystem(conf);
      try (InputStream in = fs.open(path)) {
        return in.readAllBytes();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  static boolean exists(Configuration conf, Path path) {
    try {
      return path.getFileSystem(conf).exists(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The files of a tokenizer folder that exist, by name. */
  static Map<String, byte[]> tokenizerFiles(Configuration conf, String dir) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (String name : List.of(TokenizerFiles.HF_JSON, TokenizerFiles.SPM_MODEL, TokenizerFiles.META)) {
      Path p = new Path(dir, name);
      if (exists(conf, p)) {
        files.put(name, read(conf, p));
      }
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no tokenizer in " + dir + " (tokenizer.json / tokenizer.model)");
    }
    return files;
  }

  /** Deletes {@code dir} if it exists and creates it empty. */
  static void replaceDir(Configuration conf, String dir) {
    try {
      Path p = new Path(dir);
      FileSystem fs = p.getFileSystem(conf);
      if (fs.exists(p)) {
        fs.delete(p, true);
      }
      fs.mkdirs(p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
  }
}
