package org.curate.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.curate.extract.FuzzExecutions;
import org.curate.extract.FuzzSeeds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Jazzer fuzz target of the HTML main-text extractor, called without its safety net
 * ({@link JsoupMainTextExtractor#extractOrThrow}) so that any exception from jsoup or from our
 * passes is a finding rather than a silently empty page. The input is the page as UTF-8. For every
 * input: no exception or error (the documented bounds: jsoup's tree depth cap, iterative passes);
 * title and text are never null; neither is longer than the page (extraction only removes and
 * decodes, so output is bounded by input); the same page gives the same result (determinism, on
 * which dedup and reproducible runs rely). (No {@code @Timeout}: Jazzer 0.24.0 would apply it to
 * the whole fuzzing invocation, not to one input.)
 */
class HtmlExtractorFuzzTest {
  private static final FuzzExecutions EXECUTIONS = new FuzzExecutions("HtmlExtractorFuzzTest");
  private static final JsoupMainTextExtractor EXTRACTOR = new JsoupMainTextExtractor();

  static Stream<byte[]> seeds() {
    List<byte[]> seeds = new ArrayList<>();
    for (FuzzSeeds.Page page : FuzzSeeds.htmlPages(48, 8192)) {
      seeds.add(page.body());
    }
    // Project-made: the structures the passes look for (article, furniture, tables, pre, comments, entities).
    for (String page : List.of(
        "<html><head><title>A title</title><meta property=og:title content=OG></head><body><nav><a href=/>Home</a></nav>"
            + "<article><h1>A title</h1><p>First paragraph with enough words to count as text.</p><p>Second.</p></article>"
            + "<aside class=sidebar>Related</aside><footer>(c)</footer></body></html>",
        "<div id=comments><div class=comment><p>reply one</p></div><div class=comment><p>reply two</p></div></div>",
        "<table><tr><td>a<td>b</tr><tr><th>c</th></table><pre>  kept\n  verbatim</pre><ul><li>x<li>y</ul>",
        "<div itemprop=articleBody><p>&lt;escaped&gt; &amp; &#x1F600; &nGt; &#0; text</p></div><script>var x=1;</script>",
        "<main><div class=\"share cookie-banner\">Accept</div><h2>Heading without text</h2><p>Advertisement</p></main>")) {
      seeds.add(page.getBytes(StandardCharsets.UTF_8));
    }
    return seeds.stream();
  }

  @MethodSource("seeds")
  @FuzzTest(maxDuration = "50s")
  void extractsABoundedDeterministicTextFromAnyPage(byte[] input) {
    EXECUTIONS.add();
    String html = new String(input, StandardCharsets.UTF_8);
    MainText first = EXTRACTOR.extractOrThrow(html, "https://fuzz.example/page");
    assertThat(first.title()).isNotNull();
    assertThat(first.text()).isNotNull();
    assertThat(first.text().length()).as("text length").isLessThanOrEqualTo(html.length());
    assertThat(first.title().length()).as("title length").isLessThanOrEqualTo(html.length());
    assertThat(EXTRACTOR.extractOrThrow(html, "https://fuzz.example/page")).as("same page, same result").isEqualTo(first);
  }

  @AfterAll
  static void report() {
    EXECUTIONS.report();
  }
}
