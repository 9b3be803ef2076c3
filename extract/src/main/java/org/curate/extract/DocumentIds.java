package org.curate.extract;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable document ids: the same record gives the same id in every run and on every machine, so
 * later stages (dedup, reject listings) can refer to it. 128 bits of SHA-256 make collisions
 * negligible at web scale while keeping the id short.
 */
public final class DocumentIds {
  private DocumentIds() {}

  /** From the WARC-Record-ID exactly as written (with its angle brackets), else from url and date. */
  public static String of(String warcRecordId, String url, String warcDate) {
    if (warcRecordId != null && !warcRecordId.isBlank()) {
      return hash(warcRecordId);
    }
    return hash((url == null ? "" : url) + "\n" + (warcDate == null ? "" : warcDate));
  }

  static String hash(String value) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
