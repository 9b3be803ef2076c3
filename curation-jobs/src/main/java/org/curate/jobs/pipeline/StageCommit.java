package org.curate.jobs.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ContentSummary;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.curate.jobs.report.ReportWriter;
import org.curate.jobs.report.StageReport;

/**
 * Atomic stage outputs and resume. A stage of {@code curate run} writes into
 * {@code OUT/_tmp/<stage>/}; when it has finished (documents, {@code _rejects/},
 * {@code _stats.json}), {@code _manifest.json} is written there and the folder is renamed to
 * {@code OUT/<stage>/} (a rename is atomic on HDFS and local disks; on S3 it is a copy, so a
 * crash mid-rename leaves a folder without a manifest, which the next run redoes). A stage folder
 * with a manifest is therefore complete, and its {@code hash} says what made it: the stage's
 * settings and referenced files (the planner's fingerprint) and what it read (the previous
 * stage's hash, or the input files' sizes and contents/modification times). A re-run skips a
 * stage whose manifest hash matches and redoes the others.
 */
public final class StageCommit {
  public static final String MANIFEST = "_manifest.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private final Configuration conf;

  public StageCommit(Configuration conf) {
    this.conf = conf;
  }

  /** SHA-256 of the stage's fingerprint and the identity of what it reads. */
  public static String hash(String fingerprint, String inputIdentity) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(fingerprint.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(inputIdentity.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * What the first stage reads, as text: every matched file's path and size, and its content
   * hash when it is at most 64 MiB (so a regenerated identical sample matches), else its
   * modification time.
   */
  public String inputIdentity(List<String> inputs) {
    StringBuilder out = new StringBuilder();
    try {
      for (String input : inputs) {
        Path path = new Path(input);
        FileSystem fs = path.getFileSystem(conf);
        FileStatus[] matches = fs.globStatus(path);
        if (matches == null || matches.length == 0) {
          out.append(input).append(" (missing)\n");
          continue;
        }
        for (FileStatus status : matches) {
          if (status.isDirectory()) {
            ContentSummary summary = fs.getContentSummary(status.getPath());
            out.append(status.getPath()).append(" dir ").append(summary.getLength()).append(' ')
                .append(summary.getFileCount()).append(' ').append(status.getModificationTime()).append('\n');
          } else {
            out.append(status.getPath()).append(' ').append(status.getLen()).append(' ')
                .append(status.getLen() <= 64L << 20 ? contentHash(fs, status.getPath()) : status.getModificationTime())
                .append('\n');
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the inputs " + inputs + ": " + e.getMessage(), e);
    }
    return out.toString();
  }

  private static String contentHash(FileSystem fs, Path file) throws IOException {
    try (FSDataInputStream in = fs.open(file)) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        sha.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The stage report of a committed stage folder whose manifest has {@code hash}, else null. */
  public StageReport committed(String stageDir, String hash) {
    try {
      Path manifest = new Path(stageDir, MANIFEST);
      FileSystem fs = manifest.getFileSystem(conf);
      if (!fs.exists(manifest)) {
        return null;
      }
      JsonNode node;
      try (InputStream in = fs.open(manifest)) {
        node = JSON.readTree(in);
      }
      if (!hash.equals(node.path("hash").asText())) {
        return null;
      }
      try (InputStream in = fs.open(new Path(stageDir, ReportWriter.STATS_FILE))) {
        return JSON.readValue(in, StageReport.class);
      }
    } catch (IOException e) {
      // An unreadable manifest or stats file means the stage is not reusable: redo it.
      return null;
    }
  }

  /** Where the stage writes before its commit; emptied first. */
  public String prepareTemp(String runDir, String stage) {
    Path tmp = new Path(new Path(runDir, "_tmp"), stage);
    try {
      tmp.getFileSystem(conf).delete(tmp, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear " + tmp + ": " + e.getMessage(), e);
    }
    return tmp.toString();
  }

  /** Writes the manifest into {@code tempDir}, then replaces {@code stageDir} by it. */
  public void commit(String tempDir, String stageDir, String stage, String hash, String fingerprint) {
    Path tmp = new Path(tempDir);
    Path target = new Path(stageDir);
    try {
      FileSystem fs = tmp.getFileSystem(conf);
      Map<String, Object> manifest = new LinkedHashMap<>();
      manifest.put("stage", stage);
      manifest.put("hash", hash);
      manifest.put("fingerprint", fingerprint);
      try (OutputStream out = fs.create(new Path(tmp, MANIFEST), true)) {
        out.write(JSON.writeValueAsBytes(manifest));
      }
      fs.delete(target, true);
      if (!fs.rename(tmp, target)) {
        throw new IOException("rename returned false");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot commit stage " + stage + " from " + tmp + " to " + target + ": " + e.getMessage(), e);
    }
  }
}
