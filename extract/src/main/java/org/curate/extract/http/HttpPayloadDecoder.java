package org.curate.extract.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.brotli.dec.BrotliInputStream;

/**
 * Turns a stored HTTP body into the payload the server meant: removes chunked transfer coding,
 * then undoes Content-Encoding (gzip, deflate in zlib or raw form, brotli). Archives are sloppy
 * about both headers, so a body whose header claims a coding that its bytes do not have is used
 * as stored when it is plainly uncompressed.
 */
public final class HttpPayloadDecoder {
  private final long maxBytes;

  public HttpPayloadDecoder(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** What decoding produced. */
  public sealed interface Result permits Decoded, TooLarge, Undecodable {}

  public record Decoded(byte[] bytes, int length) implements Result {}

  public record TooLarge(String detail) implements Result {}

  public record Undecodable(String detail) implements Result {}

  /**
   * Decodes {@code storedBody}. IOExceptions thrown come only from reading {@code storedBody}
   * itself (a broken crawl file), never from bad codings, which become {@link Undecodable}.
   */
  public Result decode(InputStream storedBody, List<String> transferEncoding, List<String> contentEncoding)
      throws IOException {
    BoundedBytes stored = BoundedBytes.read(storedBody, maxBytes, false);
    if (stored.overLimit()) {
      return new TooLarge("stored body exceeds " + maxBytes + " bytes");
    }
    byte[] bytes = stored.bytes();
    int length = stored.length();
    if (codings(transferEncoding).contains("chunked") && ChunkedInputStream.looksChunked(bytes, length)) {
      BoundedBytes dechunked =
          BoundedBytes.read(new ChunkedInputStream(new ByteArrayInputStream(bytes, 0, length)), maxBytes, true);
      bytes = dechunked.bytes();
      length = dechunked.length();
    }
    List<String> codings = codings(contentEncoding);
    for (int i = codings.size() - 1; i >= 0; i--) {
      String coding = codings.get(i);
      if (!isSupported(coding)) {
        continue; // identity, empty and unknown codings: the bytes are taken as they are
      }
      BoundedBytes decoded;
      try {
        decoded = BoundedBytes.read(decoder(coding, bytes, length), maxBytes, true);
      } catch (IOException | RuntimeException e) {
        if (plainlyUncompressed(bytes, length)) {
          continue;
        }
        return new Undecodable(coding + ": " + e.getMessage());
      }
      if (decoded.overLimit()) {
        return new TooLarge("decoded body exceeds " + maxBytes + " bytes");
      }
      if (decoded.cutShort() && decoded.length() == 0) {
        if (plainlyUncompressed(bytes, length)) {
          continue;
        }
        return new Undecodable(coding + ": stream ends before any data");
      }
      bytes = decoded.bytes();
      length = decoded.length();
    }
    return new Decoded(bytes, length);
  }

  static List<String> codings(List<String> headerValues) {
    List<String> result = new ArrayList<>();
    for (String value : headerValues) {
      for (String part : value.split(",")) {
        String coding = part.trim().toLowerCase(Locale.ROOT);
        if (!coding.isEmpty()) {
          result.add(coding);
        }
      }
    }
    return result;
  }

  private static boolean isSupported(String coding) {
    return switch (coding) {
      case "gzip", "x-gzip", "deflate", "br" -> true;
      default -> false;
    };
  }

  private static InputStream decoder(String coding, byte[] bytes, int length) throws IOException {
    ByteArrayInputStream in = new ByteArrayInputStream(bytes, 0, length);
    return switch (coding) {
      case "gzip", "x-gzip" -> new GZIPInputStream(in);
      case "deflate" -> new InflaterInputStream(in, new Inflater(!hasZlibHeader(bytes, length)));
      case "br" -> new BrotliInputStream(in);
      default -> throw new IllegalArgumentException("unsupported coding " + coding);
    };
  }

  /** RFC 1950 header: CM=8 and the 16-bit check value divisible by 31; servers send both forms. */
  static boolean hasZlibHeader(byte[] b, int n) {
    return n >= 2 && (b[0] & 0x0f) == 8 && (((b[0] & 0xff) << 8) | (b[1] & 0xff)) % 31 == 0;
  }

  /** True when the bytes look like text, not like a compressed stream (ClueWeb's gzip-labelled HTML). */
  static boolean plainlyUncompressed(byte[] bytes, int length) {
    if (length == 0) {
      return true;
    }
    if (length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
      return false;
    }
    int sample = Math.min(length, 1024);
    int control = 0;
    for (int i = 0; i < sample; i++) {
      int c = bytes[i] & 0xff;
      if (c < 0x09 || (c > 0x0d && c < 0x20) || c == 0x7f) {
        control++;
      }
    }
    return control * 100 <= sample; // compressed data has ~10% control bytes, text almost none
  }
}
