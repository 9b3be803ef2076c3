package org.curate.extract.document;

import java.util.Locale;
import org.curate.extract.http.MimeFamily;

/**
 * Which declared payload types are parsed as documents: PDF, and office formats that hold prose
 * (word processing: DOC, DOCX, ODT, RTF; presentations: PPT, PPTX, ODP, whose slide text is short
 * but real text). Spreadsheets (XLS, XLSX, ODS) are not: their cells are numbers and labels, not
 * text to train on, so they stay dropped as {@code non-html:office}.
 */
public final class DocumentTypes {
  private DocumentTypes() {}

  /** True when a record declared as {@code baseType} (no parameters) goes to the document parsers. */
  public static boolean isParsedDocument(String baseType) {
    MimeFamily family = MimeFamily.of(baseType);
    if (family == MimeFamily.PDF) {
      return true;
    }
    return family == MimeFamily.OFFICE && !isSpreadsheet(baseType.toLowerCase(Locale.ROOT));
  }

  private static boolean isSpreadsheet(String type) {
    return type.contains("ms-excel") || type.contains("spreadsheet");
  }
}
