package org.curate.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.curate.extract.http.HeaderValues;
import org.curate.extract.http.HttpPayloadDecoder;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

/**
 * Seed inputs for the Jazzer fuzz targets, read at test time from the shared crawl samples
 * ({@code ../shared/data/warc/}, never copied into the repository): whole small crawl files, and
 * the HTML bodies (HTTP-decoded) of response records with their declared charset. Without the
 * shared data the lists are empty and the targets start from their project-made seeds only.
 * Seeds are small (libFuzzer's input size limit follows the largest seed) and in a fixed order.
 */
public final class FuzzSeeds {
  /** Larger files would make every fuzzing input slower without adding structure. */
  public static final int MAX_FILE_BYTES = 64 * 1024;
  private static final int PAGES_PER_FILE = 4;

  private FuzzSeeds() {}

  /** Every shared crawl file of at most {@link #MAX_FILE_BYTES}, by path. */
  public static List<byte[]> smallCrawlFiles() {
    List<byte[]> files = new ArrayList<>();
    for (Path p : crawlFiles()) {
      try {
        if (Files.size(p) <= MAX_FILE_BYTES) {
          files.add(Files.readAllBytes(p));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return files;
  }

  /** An HTML body as a crawl delivered it and the charset label its Content-Type declared (or null). */
  public record Page(String charsetLabel, byte[] body) {}

  /** Up to {@code max} HTML bodies, at most {@code maxBytes} each, a few from every readable shared file. */
  public static List<Page> htmlPages(int max, int maxBytes) {
    List<Page> pages = new ArrayList<>();
    for (Path p : crawlFiles()) {
      if (pages.size() >= max) {
        break;
      }
      pages.addAll(htmlPagesOf(p, Math.min(PAGES_PER_FILE, max - pages.size()), maxBytes));
    }
    return pages;
  }

  private static List<Page> htmlPagesOf(Path file, int max, int maxBytes) {
    List<Page> pages = new ArrayList<>();
    HttpPayloadDecoder decoder = new HttpPayloadDecoder(8L << 20);
    try (WarcReader reader = new WarcReader(file)) {
      reader.onWarning(message -> {});
      for (WarcRecord record : reader) {
        if (pages.size() >= max) {
          break;
        }
        if (!(record instanceof WarcResponse response)) {
          continue;
        }
        HttpResponse http = response.http();
        String contentType = http.headers().first("Content-Type").orElse(null);
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).contains("html")) {
          continue;
        }
        try (InputStream body = http.body().stream()) {
          if (decoder.decode(body, http.headers().all("Transfer-Encoding"), http.headers().all("Content-Encoding"))
              instanceof HttpPayloadDecoder.Decoded decoded && decoded.length() > 0) {
            byte[] bytes = Arrays.copyOf(decoded.bytes(), Math.min(decoded.length(), maxBytes));
            pages.add(new Page(HeaderValues.charsetParameter(contentType), bytes));
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // A broken sample (the edge cases) gives the pages read before the break: enough for seeds.
    }
    return pages;
  }

  private static List<Path> crawlFiles() {
    return SharedData.rootIfPresent().map(root -> {
      try {
        return SharedData.warcFilesUnder(root);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }).orElse(List.of());
  }
}
