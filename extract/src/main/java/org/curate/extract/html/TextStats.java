package org.curate.extract.html;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Text amounts of every element of a subtree, summed bottom-up in one iterative pass (no
 * recursion, so deep trees are fine): characters of text, of text inside links, commas and
 * paragraph count. These are the inputs of every density decision.
 */
final class TextStats {
  static final class Counts {
    int chars; // non-whitespace characters of the text below
    int linkChars; // of which inside <a>
    int commas;
    int paragraphs; // p / pre / blockquote / li elements below with some text
    int ownChars; // characters of direct text-node children (text not wrapped in a block)

    double linkDensity() {
      return chars == 0 ? 0 : (double) linkChars / chars;
    }
  }

  private static final Counts ZERO = new Counts();
  private static final Set<String> PARAGRAPH_TAGS = Set.of("p", "pre", "blockquote", "li", "dd", "td");

  private final Map<Element, Counts> counts = new IdentityHashMap<>();

  private TextStats() {}

  static TextStats of(Element root) {
    TextStats s = new TextStats();
    NodeTraversor.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {}

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof TextNode t) {
          if (node.parent() instanceof Element p) {
            Counts c = s.counts.computeIfAbsent(p, k -> new Counts());
            String text = t.getWholeText();
            int chars = 0;
            int commas = 0;
            for (int i = 0; i < text.length(); i++) {
              char ch = text.charAt(i);
              if (!Character.isWhitespace(ch) && ch != '\u00a0') chars++;
              if (ch == ',' || ch == '\uff0c' || ch == '\u060c' || ch == '\u3001') commas++;
            }
            c.chars += chars;
            c.ownChars += chars;
            c.commas += commas;
          }
        } else if (node instanceof Element e) {
          Counts c = s.counts.computeIfAbsent(e, k -> new Counts());
          if (e.nameIs("a")) c.linkChars = c.chars;
          if (c.chars > 0 && PARAGRAPH_TAGS.contains(e.normalName())) c.paragraphs++;
          if (e != root && e.parent() != null) {
            Counts p = s.counts.computeIfAbsent(e.parent(), k -> new Counts());
            p.chars += c.chars;
            p.linkChars += c.linkChars;
            p.commas += c.commas;
            p.paragraphs += c.paragraphs;
          }
        }
      }
    }, root);
    return s;
  }

  Counts get(Element e) {
    Counts c = counts.get(e);
    return c == null ? ZERO : c;
  }
}
