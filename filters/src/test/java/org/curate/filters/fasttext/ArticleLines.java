package org.curate.filters.fasttext;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * A labelled set made from the {@code aeb} half of {@code extraction-dev} (read from its path,
 * never copied): the paragraphs of each page's ground-truth article text are {@code __label__hq},
 * every other text line of the page (menus, bylines, footers, share buttons: what a crude
 * tag-stripper sees outside the article) with at least 3 words is {@code __label__cc}. Pages are
 * split by id, every {@code testEvery}-th sorted id to the test side, so no page is on both.
 */
public final class ArticleLines {
  private static final Pattern DROP = Pattern.compile("(?is)<(script|style|noscript)\\b.*?</\\1\\s*>|<!--.*?-->");
  private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
  private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\r]+");

  public final List<FastTextTrainer.Example> train = new ArrayList<>();
  public final List<FastTextTrainer.Example> test = new ArrayList<>();
  /** Each page's tag-stripped text on one line, in id order (what a classifier sees of a whole page). */
  public final List<String> pages = new ArrayList<>();

  private ArticleLines() {}

  /** The shared data folder: system property {@code curate.shared.data}; null when it is not there. */
  public static Path sharedData() {
    String p = System.getProperty("curate.shared.data");
    Path dir = Path.of(p != null ? p : "../../shared/data");
    return Files.isDirectory(dir.resolve("extraction-dev/aeb")) ? dir : null;
  }

  public static ArticleLines load(Path sharedData, int testEvery) throws IOException {
    Path aeb = sharedData.resolve("extraction-dev/aeb");
    List<String> ids = Files.readAllLines(aeb.resolve("ids.txt")).stream().filter(s -> !s.isBlank()).sorted().toList();
    ObjectMapper json = new ObjectMapper();
    ArticleLines out = new ArticleLines();
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i).strip();
      String article = json.readTree(aeb.resolve("truth/" + id + ".json").toFile()).path("articleBody").asText("");
      String html;
      try (InputStream in = new GZIPInputStream(Files.newInputStream(aeb.resolve("html/" + id + ".html.gz")))) {
        html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      List<FastTextTrainer.Example> side = i % testEvery == testEvery - 1 ? out.test : out.train;
      Set<String> articleLines = new HashSet<>();
      for (String para : article.split("\n")) {
        String p = normalize(para);
        if (!p.isEmpty()) {
          articleLines.add(p);
          side.add(FastTextTrainer.Example.of("hq", p));
        }
      }
      String normalizedArticle = normalize(article.replace('\n', ' '));
      String text = TAG.matcher(DROP.matcher(html).replaceAll(" ")).replaceAll("\n");
      StringBuilder page = new StringBuilder();
      for (String line : text.split("\n")) {
        String l = normalize(unescape(line));
        if (!l.isEmpty()) {
          page.append(page.length() == 0 ? "" : " ").append(l);
        }
        if (l.split(" ").length >= 3 && !articleLines.contains(l) && !normalizedArticle.contains(l)) {
          side.add(FastTextTrainer.Example.of("cc", l));
        }
      }
      out.pages.add(page.toString());
    }
    return out;
  }

  private static String normalize(String s) {
    return SPACES.matcher(s.replace('\u00A0', ' ')).replaceAll(" ").strip();
  }

  private static String unescape(String s) {
    return s.replace("&nbsp;", " ").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
        .replace("&gt;", ">").replace("&amp;", "&");
  }

  /** The examples as fastText training lines ({@code __label__x text}). */
  public static String toFastTextLines(List<FastTextTrainer.Example> examples) {
    StringBuilder sb = new StringBuilder();
    for (FastTextTrainer.Example e : examples) {
      for (String l : e.labels()) {
        sb.append(FastTextTrainer.labelToken(l)).append(' ');
      }
      sb.append(FastTextTrainer.lineOf(e.text())).append('\n');
    }
    return sb.toString();
  }
}
