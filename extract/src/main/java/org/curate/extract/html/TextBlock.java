package org.curate.extract.html;

/**
 * One line of output: the text of one block element (or of one br-separated line), with how much
 * of it is link text and which block element it came from, so that filters can judge it.
 */
record TextBlock(String text, String tag, int chars, int linkChars) {
  double linkDensity() {
    return chars == 0 ? 0 : (double) linkChars / chars;
  }
}
