package org.curate.extract.warc;

import java.io.EOFException;
import java.util.Locale;
import java.util.zip.ZipException;

/** Names what went wrong when the crawl file itself could not be read, as stable reason codes. */
public final class ReadFailures {
  public static final String TRUNCATED_GZIP = "warc:truncated-gzip";
  public static final String CORRUPT_GZIP = "warc:corrupt-gzip";
  public static final String TRAILING_GARBAGE = "warc:trailing-garbage";
  public static final String PARSE_ERROR = "warc:parse-error";
  public static final String BAD_CONTENT_LENGTH = "warc:bad-content-length";

  private ReadFailures() {}

  /** True for errors of the compressed stream (as opposed to bad record syntax inside it). */
  public static boolean isStreamError(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof EOFException || t instanceof ZipException || mentionsUnexpectedEnd(t)) {
        return true;
      }
    }
    return false;
  }

  /** The reason for a stream error while reading a record's content (the record is lost). */
  public static String ofStreamError(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof EOFException && t.getMessage() != null && t.getMessage().contains("more bytes in file")) {
        return BAD_CONTENT_LENGTH; // the data ended cleanly before the length the record declared
      }
      if (t instanceof EOFException || mentionsUnexpectedEnd(t)) {
        return TRUNCATED_GZIP;
      }
    }
    return CORRUPT_GZIP;
  }

  /**
   * The reason for a failure between records.
   *
   * @param headerLike the bytes where reading failed look like the start of a record header
   * @param recovered a later record could be read after the failure
   */
  static String between(Throwable error, boolean headerLike, boolean recovered) {
    if (isStreamError(error)) {
      String reason = ofStreamError(error);
      boolean badMagic = error.getMessage() != null && error.getMessage().toLowerCase(Locale.ROOT).contains("not in gzip");
      return reason.equals(CORRUPT_GZIP) && badMagic && !recovered ? TRAILING_GARBAGE : reason;
    }
    if (headerLike) {
      return PARSE_ERROR;
    }
    return recovered ? BAD_CONTENT_LENGTH : TRAILING_GARBAGE;
  }

  private static boolean mentionsUnexpectedEnd(Throwable t) {
    String message = t.getMessage();
    return message != null && message.toLowerCase(Locale.ROOT).contains("unexpected end of");
  }
}
