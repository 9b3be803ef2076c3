package org.curate.extract.charset;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Decides which charset a payload is written in: BOM, then the HTTP header, then a meta tag, then
 * UTF-8 if the bytes are valid UTF-8, then statistical detection, else windows-1252. A declared
 * UTF-8 that the bytes contradict is ignored, because mislabelled legacy pages are common and
 * decoding them as UTF-8 would turn every non-ASCII letter into U+FFFD.
 */
public final class CharsetResolver {
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /** The charset and where it came from (for logs and tests). */
  public record Resolved(Charset charset, String source) {}

  public Resolved resolve(byte[] bytes, int length, String headerLabel) {
    Optional<Charset> bom = byteOrderMark(bytes, length);
    if (bom.isPresent()) {
      return new Resolved(bom.get(), "bom");
    }
    Optional<Charset> header = usable(CharsetLabels.lookup(headerLabel), bytes, length);
    if (header.isPresent()) {
      return new Resolved(header.get(), "header");
    }
    Optional<Charset> meta =
        usable(MetaCharsetScanner.declaredLabel(bytes, length).flatMap(CharsetLabels::lookup), bytes, length);
    if (meta.isPresent()) {
      return new Resolved(meta.get(), "meta");
    }
    // Bytes that decode as UTF-8 are UTF-8 (or ASCII, where it makes no difference): legacy
    // multi-byte text almost never forms valid UTF-8 by chance, while detectors guess on little data.
    if (isValidUtf8(bytes, length)) {
      return new Resolved(StandardCharsets.UTF_8, "valid-utf8");
    }
    Optional<Charset> detected = detect(bytes, length).filter(c -> !c.equals(StandardCharsets.UTF_8));
    if (detected.isPresent()) {
      return new Resolved(detected.get(), "detected");
    }
    return new Resolved(WINDOWS_1252, "fallback");
  }

  private static Optional<Charset> usable(Optional<Charset> declared, byte[] bytes, int length) {
    if (declared.isPresent() && declared.get().equals(StandardCharsets.UTF_8) && !isValidUtf8(bytes, length)) {
      return Optional.empty();
    }
    return declared;
  }

  static Optional<Charset> byteOrderMark(byte[] b, int n) {
    if (n >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
      return Optional.of(StandardCharsets.UTF_8);
    }
    if (n >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
      return Optional.of(StandardCharsets.UTF_16BE);
    }
    if (n >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
      return Optional.of(StandardCharsets.UTF_16LE);
    }
    return Optional.empty();
  }

  static boolean isValidUtf8(byte[] bytes, int length) {
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, 0, length));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static Optional<Charset> detect(byte[] bytes, int length) {
    UniversalDetector detector = new UniversalDetector();
    detector.handleData(bytes, 0, length);
    detector.dataEnd();
    return CharsetLabels.lookup(detector.getDetectedCharset());
  }
}
