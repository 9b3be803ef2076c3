package org.curate.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.curate.extract.charset.CharsetResolver;
import org.curate.extract.html.MainTextExtractor;
import org.curate.extract.http.BoundedBytes;

/**
 * Extracts the main text of every HTML file of a folder into one {@code .txt} file each, without
 * Spark: it is how extraction is scored against benchmark truth. {@code DIR/a/b.html} and
 * {@code DIR/a/b.html.gz} become {@code OUT/a/b.txt}. Pages are decoded as crawled pages without
 * HTTP headers ({@link CharsetResolver}: BOM, {@code <meta>}, valid UTF-8, detection), bounded
 * like the extract stage (payload limit, per-page deadline), in sorted order, one at a time, so
 * two runs write the same bytes.
 *
 * <p>Every input gets exactly one output file: an empty one when nothing is extracted, and also
 * when the page cannot be read (corrupt gzip, over the size limit, extraction timeout), which is
 * then reported through the error sink with the file's name and counted as failed. The one
 * exception is a second input that maps to an output name already taken ({@code x.html} next to
 * {@code x.html.gz}): it is reported and counted as failed, and the first file's output stays.
 */
public final class HtmlFolderExtractor {
  /** What a run did: inputs seen, outputs with text, inputs that failed. */
  public record Summary(int files, int nonEmpty, int failed) {}

  private final ExtractOptions options;
  private final MainTextExtractor extractor;
  private final CharsetResolver charsets = new CharsetResolver();

  public HtmlFolderExtractor(ExtractOptions options, MainTextExtractor extractor) {
    this.options = options;
    this.extractor = extractor;
  }

  /**
   * Extracts every HTML file under {@code inputDir} into {@code outputDir} (created if missing;
   * files of the same names are overwritten, others left alone).
   *
   * @param errors receives one line per failed file, naming it
   * @throws IllegalArgumentException when {@code inputDir} is not a directory or {@code outputDir}
   *     exists and is not one
   * @throws IOException when the input folder cannot be listed or the output folder not created
   */
  public Summary run(Path inputDir, Path outputDir, Consumer<String> errors) throws IOException {
    if (!Files.isDirectory(inputDir)) {
      throw new IllegalArgumentException("input directory not found: " + inputDir);
    }
    if (Files.exists(outputDir) && !Files.isDirectory(outputDir)) {
      throw new IllegalArgumentException("output exists and is not a directory: " + outputDir);
    }
    Files.createDirectories(outputDir);
    List<String> inputs = HtmlFileNames.list(inputDir);
    Map<String, String> claimedBy = new HashMap<>();
    int nonEmpty = 0;
    int failed = 0;
    try (DeadlineHtmlExtractor bounded = new DeadlineHtmlExtractor(extractor, options.recordTimeoutMillis())) {
      for (String relative : inputs) {
        String outName = HtmlFileNames.outputName(relative);
        String earlier = claimedBy.putIfAbsent(outName, relative);
        if (earlier != null) {
          errors.accept(relative + ": output " + outName + " is already written for " + earlier + "; skipped");
          failed++;
          continue;
        }
        String text;
        try {
          text = extract(inputDir.resolve(relative), bounded);
        } catch (IOException | RuntimeException e) {
          errors.accept(relative + ": " + describe(e));
          failed++;
          text = "";
        }
        try {
          Path out = outputDir.resolve(outName);
          Files.createDirectories(out.getParent());
          Files.writeString(out, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
          errors.accept(relative + ": cannot write " + outName + ": " + describe(e));
          failed++;
          continue;
        }
        if (!text.isEmpty()) nonEmpty++;
      }
    }
    return new Summary(inputs.size(), nonEmpty, failed);
  }

  private String extract(Path file, MainTextExtractor bounded) throws IOException {
    BoundedBytes bytes;
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = HtmlFileNames.isGzip(file.getFileName().toString()) ? new GZIPInputStream(raw) : raw) {
      bytes = BoundedBytes.read(in, options.maxPayloadBytes(), false);
    }
    if (bytes.overLimit()) {
      throw new IOException("larger than " + options.maxPayloadBytes() + " bytes");
    }
    String html = new String(bytes.bytes(), 0, bytes.length(), charsets.resolve(bytes.bytes(), bytes.length(), null).charset());
    if (!html.isEmpty() && html.charAt(0) == '\ufeff') html = html.substring(1);
    // No base URI: the file name is not the page's URL, and the text does not depend on it.
    return bounded.extract(html, "").text();
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    String kind = e instanceof RecordFailure f ? f.reason() : e.getClass().getSimpleName();
    return message == null ? kind : kind + ": " + message;
  }
}
