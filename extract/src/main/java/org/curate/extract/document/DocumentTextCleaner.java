package org.curate.extract.document;

/**
 * Normalises parser output to the stage's text conventions: {@code \n} line ends, no trailing
 * spaces, control characters as spaces, at most one blank line between blocks, no leading or trailing
 * blank lines. Line breaks inside paragraphs (PDF layout) are kept: joining them would need
 * hyphenation and column guesses.
 */
final class DocumentTextCleaner {
  private DocumentTextCleaner() {}

  static String clean(String raw) {
    StringBuilder out = new StringBuilder(raw.length());
    int blankLines = 0;
    for (String line : raw.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
      String cleaned = stripControls(line).strip();
      if (cleaned.isEmpty()) {
        blankLines++;
        continue;
      }
      if (out.length() > 0) {
        out.append(blankLines > 0 ? "\n\n" : "\n");
      }
      out.append(cleaned);
      blankLines = 0;
    }
    return out.toString();
  }

  private static String stripControls(String line) {
    StringBuilder sb = null;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      boolean control = (c < 0x20 && c != '\t') || c == 0x7f || c == '\ufffe' || c == '\uffff';
      if (control && sb == null) {
        sb = new StringBuilder(line.length()).append(line, 0, i);
      }
      if (sb != null) {
        sb.append(control ? ' ' : c);
      }
    }
    return sb == null ? line : sb.toString();
  }
}
