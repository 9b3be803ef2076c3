package org.curate.extract.html;

import org.jsoup.nodes.Element;

/**
 * One line of output: the text of one block element (or of one br-separated line), with how much
 * of it is link text and which block element it came from ({@code element}, null for text outside
 * any), so that filters can judge it.
 */
record TextBlock(String text, String tag, int chars, int linkChars, Element element) {
  double linkDensity() {
    return chars == 0 ? 0 : (double) linkChars / chars;
  }
}
