package org.curate.extract.document;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The container formats the document parsers read, recognised by their leading bytes (the
 * declared Content-Type only says that the record is a document; crawlers often get the exact
 * subtype wrong). Sniffing here, instead of Tika's service-loaded detectors, keeps the choice of
 * parser explicit and the same in tests and in the shaded application jar.
 */
enum DocumentFormat {
  /** {@code %PDF-}. */
  PDF,
  /** OLE2 compound file: DOC, PPT (and XLS, which is refused before parsing). */
  OLE2,
  /** A zip that is not OpenDocument: DOCX, PPTX. */
  OOXML,
  /** A zip whose first entry is the stored {@code mimetype} file of OpenDocument: ODT, ODP. */
  ODF,
  /** {@code {\rtf}. */
  RTF;

  private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] OLE2_MAGIC = {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1, (byte) 0xb1, 0x1a, (byte) 0xe1};
  private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
  private static final byte[] RTF_MAGIC = "{\\rtf".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ODF_FIRST_ENTRY = "mimetype".getBytes(StandardCharsets.US_ASCII);
  /** PDF allows junk before the header; readers accept it within the first KiB. */
  private static final int PDF_HEADER_WINDOW = 1024;
  /** The local header of a zip's first entry is 30 bytes before its name. */
  private static final int ZIP_FIRST_NAME_OFFSET = 30;

  /** The format of {@code bytes[0, length)}, empty when it is none of these. */
  static Optional<DocumentFormat> sniff(byte[] bytes, int length) {
    if (startsWith(bytes, length, 0, OLE2_MAGIC)) {
      return Optional.of(OLE2);
    }
    if (startsWith(bytes, length, 0, ZIP_MAGIC)) {
      return Optional.of(startsWith(bytes, length, ZIP_FIRST_NAME_OFFSET, ODF_FIRST_ENTRY) ? ODF : OOXML);
    }
    if (startsWith(bytes, length, 0, RTF_MAGIC)) {
      return Optional.of(RTF);
    }
    int window = Math.min(length, PDF_HEADER_WINDOW) - PDF_MAGIC.length;
    for (int i = 0; i <= window; i++) {
      if (startsWith(bytes, length, i, PDF_MAGIC)) {
        return Optional.of(PDF);
      }
    }
    return Optional.empty();
  }

  private static boolean startsWith(byte[] bytes, int length, int at, byte[] prefix) {
    return at + prefix.length <= length && Arrays.equals(bytes, at, at + prefix.length, prefix, 0, prefix.length);
  }
}
