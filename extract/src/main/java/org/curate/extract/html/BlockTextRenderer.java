package org.curate.extract.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Turns subtrees into text blocks, one per block-level element (p, div, li, h1-h6, tr, br line,
 * ...), whitespace collapsed inside a block, {@code <pre>} kept verbatim. Iterative (jsoup's
 * NodeTraversor), so depth does not matter.
 */
final class BlockTextRenderer {
  /** Elements that start and end a line of output. */
  static final Set<String> BLOCK_TAGS = Set.of(
      "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
      "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
      "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li",
      "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead",
      "tfoot", "tr", "ul", "listing", "plaintext", "xmp", "noframes");
  /** Table cells and similar: separated by a space inside their row's line. */
  private static final Set<String> CELL_TAGS = Set.of("td", "th");

  private final List<TextBlock> blocks = new ArrayList<>();
  private final StringBuilder cur = new StringBuilder();
  private final ArrayList<Element> openBlocks = new ArrayList<>(); // stack of open block elements
  private int curChars;
  private int curLinkChars;
  private int linkDepth;
  private int preDepth;
  private boolean curIsPre;

  private BlockTextRenderer() {}

  static List<TextBlock> render(List<Element> roots) {
    BlockTextRenderer r = new BlockTextRenderer();
    for (Element root : roots) {
      NodeTraversor.traverse(r.visitor, root);
      r.flush();
    }
    return r.blocks;
  }

  private final NodeVisitor visitor = new NodeVisitor() {
    @Override
    public void head(Node node, int depth) {
      if (node instanceof TextNode t) {
        appendText(t.getWholeText());
      } else if (node instanceof Element e) {
        String tag = e.normalName();
        if (BLOCK_TAGS.contains(tag)) {
          flush();
          openBlocks.add(e);
        } else if (tag.equals("br")) {
          flush();
        } else if (CELL_TAGS.contains(tag)) {
          appendText(" ");
        }
        if (tag.equals("pre") || tag.equals("listing") || tag.equals("xmp") || tag.equals("plaintext")) preDepth++;
        if (tag.equals("a")) linkDepth++;
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (node instanceof Element e) {
        String tag = e.normalName();
        if (tag.equals("pre") || tag.equals("listing") || tag.equals("xmp") || tag.equals("plaintext")) preDepth--;
        if (tag.equals("a")) linkDepth--;
        if (BLOCK_TAGS.contains(tag)) {
          flush();
          if (!openBlocks.isEmpty()) openBlocks.remove(openBlocks.size() - 1);
        } else if (CELL_TAGS.contains(tag)) {
          appendText(" ");
        }
      }
    }
  };

  private void appendText(String text) {
    if (preDepth > 0) {
      curIsPre = true;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '\r') continue;
        cur.append(c == '\u00a0' ? ' ' : c);
        count(c);
      }
      return;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isSpace(c)) {
        if (cur.length() > 0 && cur.charAt(cur.length() - 1) != ' ' && cur.charAt(cur.length() - 1) != '\n') cur.append(' ');
      } else {
        cur.append(c);
        count(c);
      }
    }
  }

  private void count(char c) {
    if (isSpace(c)) return;
    curChars++;
    if (linkDepth > 0) curLinkChars++;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u00a0'
        || c == '\u200b' || c == '\u3000' || (c >= '\u2000' && c <= '\u200a') || c == '\u202f';
  }

  private void flush() {
    String text = curIsPre ? trimPre(cur) : cur.toString().strip();
    if (!text.isEmpty()) {
      Element block = openBlocks.isEmpty() ? null : openBlocks.get(openBlocks.size() - 1);
      blocks.add(new TextBlock(text, block == null ? "" : block.normalName(), curChars, curLinkChars, block));
    }
    cur.setLength(0);
    curChars = 0;
    curLinkChars = 0;
    curIsPre = false;
  }

  /** Preformatted text: trailing spaces of each line and blank lines at both ends removed, the rest as is. */
  private static String trimPre(CharSequence s) {
    String[] lines = s.toString().split("\n", -1);
    int from = 0;
    int to = lines.length;
    while (from < to && lines[from].isBlank()) from++;
    while (to > from && lines[to - 1].isBlank()) to--;
    StringBuilder out = new StringBuilder();
    for (int i = from; i < to; i++) {
      if (out.length() > 0) out.append('\n');
      out.append(lines[i].stripTrailing());
    }
    return out.toString();
  }
}
