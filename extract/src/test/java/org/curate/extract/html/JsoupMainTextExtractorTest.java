package org.curate.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class JsoupMainTextExtractorTest {
  private final MainTextExtractor extractor = new JsoupMainTextExtractor();

  private static final String PARA1 =
      "The council voted on Tuesday to extend the library's opening hours, a decision that followed months of debate, petitions and a public hearing.";
  private static final String PARA2 =
      "Supporters said the change would help students and shift workers, while critics questioned the cost, which the city estimates at two hundred thousand a year.";
  private static final String PARA3 =
      "The new hours take effect in March, and the library will review attendance, staffing and energy costs after six months before deciding on weekends.";

  private MainText run(String html) {
    return extractor.extract(html, "https://example.org/");
  }

  @Test
  void navArticleFooter() {
    String html = "<html><head><title> Library hours extended </title></head><body>"
        + "<header><a href=/>Home</a> <a href=/news>News</a></header>"
        + "<nav><ul><li><a href=/a>Politics</a></li><li><a href=/b>Sports</a></li></ul></nav>"
        + "<article><h1>Library hours extended</h1><p>" + PARA1 + "</p><p>" + PARA2 + "</p><p>" + PARA3 + "</p></article>"
        + "<footer>Copyright 2024 Example Media. All rights reserved.</footer></body></html>";
    MainText m = run(html);
    assertThat(m.title()).isEqualTo("Library hours extended");
    assertThat(m.text()).isEqualTo(PARA1 + "\n" + PARA2 + "\n" + PARA3);
    assertThat(m.mode()).isEqualTo(ExtractionMode.ARTICLE);
  }

  @Test
  void cookieBannerIsRemoved() {
    String html = "<body><div id=cookie-consent class='banner'><p>We use cookies to improve your experience, to analyse traffic and to show personalised ads.</p>"
        + "<button>Accept all</button></div><div class=content><p>" + PARA1 + "</p><p>" + PARA2 + "</p></div></body>";
    MainText m = run(html);
    assertThat(m.text()).isEqualTo(PARA1 + "\n" + PARA2);
    assertThat(m.text()).doesNotContain("cookies").doesNotContain("Accept");
  }

  @Test
  void commentsSectionIsRemoved() {
    String html = "<body><div class=post><p>" + PARA1 + "</p><p>" + PARA2 + "</p><p>" + PARA3 + "</p></div>"
        + "<section id=comments><h3>3 comments</h3><div class=comment><p>Great news, finally, I have waited for this for years, thanks to everyone involved.</p></div>"
        + "<div class=comment><p>What a waste of money, the library is empty most evenings, and the staff know it.</p></div></section></body>";
    MainText m = run(html);
    assertThat(m.text()).contains(PARA1, PARA3).doesNotContain("Great news").doesNotContain("comments");
  }

  @Test
  void articleHeaderClassDoesNotRemoveTheContainer() {
    String html = "<body><div class='article-header main-content'><p>" + PARA1 + "</p><p>" + PARA2 + "</p></div>"
        + "<div class=header><a href=/>Home</a></div></body>";
    assertThat(run(html).text()).isEqualTo(PARA1 + "\n" + PARA2);
    // never remove <article>/<main>/<body> because of a class
    String html2 = "<body class=sidebar><main class='footer comments'><p>" + PARA1 + "</p></main></body>";
    assertThat(run(html2).text()).isEqualTo(PARA1);
  }

  @Test
  void listBasedContentKeepsItems() {
    String html = "<body><nav><ul><li><a href=/1>One</a></li><li><a href=/2>Two</a></li></ul></nav>"
        + "<div id=main><h2>How to repot a plant</h2><p>Repotting is easy if you follow a few simple steps, in this order, without hurrying.</p><ol>"
        + "<li>Water the plant a day before, so that the root ball holds together.</li>"
        + "<li>Choose a pot one size larger, with a drainage hole, and add fresh soil.</li>"
        + "<li>Loosen the roots gently, set the plant in, fill the gaps and water again.</li></ol></div></body>";
    String text = run(html).text();
    assertThat(text.split("\n")).containsExactly(
        "How to repot a plant",
        "Repotting is easy if you follow a few simple steps, in this order, without hurrying.",
        "Water the plant a day before, so that the root ball holds together.",
        "Choose a pot one size larger, with a drainage hole, and add fresh soil.",
        "Loosen the roots gently, set the plant in, fill the gaps and water again.");
  }

  @Test
  void pageWithoutSemanticTagsUsesTextDensity() {
    String html = "<body><div id=top><a href=/>Home</a> | <a href=/about>About</a> | <a href=/contact>Contact</a></div>"
        + "<table><tr><td class=left><a href=/x>Link one</a><br><a href=/y>Link two</a><br><a href=/z>Link three</a></td>"
        + "<td><div><p>" + PARA1 + "</p><p>" + PARA2 + "</p><p>" + PARA3 + "</p></div></td></tr></table>"
        + "<div><a href=/imprint>Imprint</a> <a href=/privacy>Privacy</a></div></body>";
    MainText m = run(html);
    assertThat(m.text()).isEqualTo(PARA1 + "\n" + PARA2 + "\n" + PARA3);
    assertThat(m.title()).isEmpty();
  }

  @Test
  void preKeepsLineBreaksAndBlocksAreLines() {
    String html = "<body><article><p>Here   is\n the   code,\tindented as written, with its blank line, which matters a lot here.</p>"
        + "<pre>\nint x = 1;\n\n    if (x &gt; 0) {\n      y();   \n    }\n</pre><p>Line one<br>Line two</p></article></body>";
    assertThat(run(html).text()).isEqualTo(
        "Here is the code, indented as written, with its blank line, which matters a lot here.\n"
            + "int x = 1;\n\n    if (x > 0) {\n      y();\n    }\nLine one\nLine two");
  }

  @Test
  void titleFallsBackToOgTitleThenH1() {
    assertThat(run("<head><meta property=og:title content=' OG title '></head><body><h1>H</h1></body>").title()).isEqualTo("OG title");
    assertThat(run("<body><h1> First  heading </h1><p>x</p></body>").title()).isEqualTo("First heading");
  }

  @Test
  void emptyAndJunkInputNeverThrow() {
    assertThat(run("")).isEqualTo(new MainText("", "", ExtractionMode.FALLBACK));
    assertThat(extractor.extract(null, null)).isEqualTo(new MainText("", "", ExtractionMode.FALLBACK));
    assertThat(run("   \n ").text()).isEmpty();
    Random rnd = new Random(42);
    for (int i = 0; i < 50; i++) {
      char[] junk = new char[rnd.nextInt(5000)];
      for (int j = 0; j < junk.length; j++) junk[j] = (char) rnd.nextInt(i % 2 == 0 ? 256 : 0x10000);
      MainText m = run(new String(junk));
      assertThat(m.title()).isNotNull();
      assertThat(m.text()).isNotNull();
    }
    assertThat(run("<<<>>><div <p></</p>&&&#xFFFFFFF;<!--").text()).isNotNull();
  }

  @Test
  void deepNestingIsFine() {
    int depth = 100_000;
    StringBuilder sb = new StringBuilder("<html><body>");
    for (int i = 0; i < depth; i++) sb.append(i % 2 == 0 ? "<div>" : "<span>");
    sb.append("<p>").append(PARA1).append("</p>");
    for (int i = depth - 1; i >= 0; i--) sb.append(i % 2 == 0 ? "</div>" : "</span>");
    sb.append("</body></html>");
    MainText m = run(sb.toString());
    assertThat(m.text()).isEqualTo(PARA1);
  }

  @Test
  void bigPageIsHandled() {
    StringBuilder sb = new StringBuilder("<html><body><div class=content>");
    while (sb.length() < 10_000_000) sb.append("<p>").append(PARA2).append("</p>\n");
    sb.append("</div></body></html>");
    MainText m = run(sb.toString());
    assertThat(m.text()).startsWith(PARA2 + "\n" + PARA2);
  }

  @Test
  void deterministic() {
    String html = "<body><div><p>" + PARA1 + "</p></div><div><p>" + PARA1 + "</p></div></body>";
    assertThat(run(html)).isEqualTo(run(html));
  }

  private static String forumPost(String author, String text) {
    return "<div class='post-comment'><span class=author>" + author + "</span><p>" + text + "</p></div>";
  }

  @Test
  void forumThreadMarkedAsCommentsIsTheText() {
    // A forum thread: every post carries a "comment" class and there is nothing else.
    String html = "<body><header><a href=/>Forum</a> <a href=/new>New posts</a></header>"
        + "<main><h1>Printer offline after update</h1><div class=thread>"
        + forumPost("anna", PARA1) + forumPost("ben", PARA2) + forumPost("carl", PARA3)
        + "</div></main><footer>Imprint</footer></body>";
    String text = run(html).text();
    assertThat(text).contains(PARA1, PARA2, PARA3).doesNotContain("New posts").doesNotContain("Imprint");
  }

  @Test
  void commentsUnderAShortArticleStayOutWhenTheArticleHasText() {
    // The same comment markup under an article of ~1,200 characters: comments are boilerplate.
    String article = "<article class=post><h1>Library</h1><p>" + PARA1 + "</p><p>" + PARA2 + "</p><p>" + PARA3
        + "</p><p>" + PARA1.replace("council", "board") + "</p><p>" + PARA2.replace("city", "county") + "</p><p>"
        + PARA3.replace("library", "museum") + "</p><p>" + PARA1.replace("Tuesday", "Monday") + "</p><p>"
        + PARA2.replace("students", "pupils") + "</p></article>";
    String comment = "I fully agree with this decision and I hope that the other libraries of the region follow soon.";
    StringBuilder comments = new StringBuilder("<section id=comments>");
    for (int i = 0; i < 6; i++) comments.append(forumPost("reader" + i, comment));
    comments.append("</section>");
    String text = run("<body>" + article + comments + "</body>").text();
    assertThat(text).contains(PARA1, PARA3).doesNotContain("I fully agree");
  }

  @Test
  void linkListMarkedUpAsArticleIsNotChosen() {
    // An <article> that is only links (the author's other stories) must not win over the text.
    StringBuilder links = new StringBuilder("<article class=author-materials>");
    for (int i = 0; i < 20; i++) links.append("<p><a href=/s").append(i).append(">Another story about the league, number ").append(i).append("</a></p>");
    links.append("</article>");
    String html = "<body>" + links + "<div class=text><p>" + PARA1 + "</p><p>" + PARA2 + "</p></div></body>";
    String text = run(html).text();
    assertThat(text).contains(PARA1, PARA2).doesNotContain("Another story");
  }

  @Test
  void strongBoilerplateClassRemovesAnArticleElement() {
    // Login dialogs and comments are <article>s on some sites; a "post" article with a sharing flag is not.
    String html = "<body><article class='registration-modal dark-modal'><p>Create an account to save your favourite programmes and get recommendations.</p></article>"
        + "<div class=text><p>" + PARA1 + "</p><p>" + PARA2 + "</p></div></body>";
    assertThat(run(html).text()).contains(PARA1).doesNotContain("Create an account");
    String html2 = "<body><article class='post enable-pin-share'><p>" + PARA1 + "</p><p>" + PARA2 + "</p></article></body>";
    assertThat(run(html2).text()).isEqualTo(PARA1 + "\n" + PARA2);
  }

  @Test
  void pageWhereNoBlockIsConfidentFallsBackToTheCleanedBody() {
    // A product page: five boxes of similar size, none an article. Whatever box wins the
    // density vote holds a fifth of the prose, so the whole cleaned body is the text.
    String[] boxes = {
        "The jacket is made of recycled wool, with a cotton lining, two inner pockets and a detachable hood for rainy days.",
        "Delivery takes two to four working days within the country, returns are free for thirty days, and exchanges are simple.",
        "Care: wash by hand in cold water, dry flat and away from direct heat, never tumble dry, and iron on a low setting only.",
        "Sizes run small: if you are between two sizes, take the larger one, and check the measurements in the table below.",
        "Customers say the fit is good, the colour is as shown, and the material is warm enough for winter without being heavy."};
    StringBuilder html = new StringBuilder("<body><nav><a href=/>Shop</a></nav>");
    for (String b : boxes) html.append("<div class=col><div class=box><p>").append(b).append(" ").append(b).append(" ").append(b).append("</p></div></div>");
    html.append("<footer>Imprint</footer></body>");
    MainText m = run(html.toString());
    for (String b : boxes) assertThat(m.text()).contains(b);
    assertThat(m.text()).doesNotContain("Imprint").doesNotContain("Shop");
    assertThat(m.mode()).isEqualTo(ExtractionMode.FALLBACK);
  }

  @Test
  void extractionModeSaysWhetherAMainBlockWasFound() {
    // A forum index: one row per topic, each a title link and a teaser of similar length; no
    // row is the page, so the cleaned body is the text and the mode says so.
    StringBuilder forum = new StringBuilder("<body><nav><a href=/>Forum</a> <a href=/new>New posts</a></nav><h1>Gardening board</h1>");
    String[] topics = {"Tomatoes split after rain", "Which mulch for roses", "Slugs in the raised bed", "Pruning an old apple tree",
        "Seed swap in spring", "Compost smells sour"};
    for (int i = 0; i < topics.length; i++) {
      forum.append("<div class=topic><h3><a href=/t").append(i).append('>').append(topics[i]).append("</a></h3><p>")
          .append(topics[i]).append(": ").append(i % 2 == 0 ? PARA1 : PARA2).append(" Replies so far, ").append(3 + i)
          .append(", and the latest one came in this morning, after a long and friendly discussion.</p></div>");
    }
    forum.append("<footer>Imprint</footer></body>");
    MainText listing = run(forum.toString());
    assertThat(listing.mode()).isEqualTo(ExtractionMode.FALLBACK);
    for (String t : topics) assertThat(listing.text()).contains(t + ": ");

    String article = "<body><nav><a href=/>Home</a></nav><div class=sidebar><p>" + PARA2 + "</p></div>"
        + "<div class=story><h1>Library</h1><p>" + PARA1 + "</p><p>" + PARA3 + "</p><p>" + PARA1.replace("council", "board")
        + "</p><p>" + PARA3.replace("library", "museum") + "</p></div></body>";
    MainText story = run(article);
    assertThat(story.mode()).isEqualTo(ExtractionMode.ARTICLE);
    assertThat(story.text()).contains(PARA1, PARA3).doesNotContain(PARA2);
  }

  @Test
  void adSlotLabelsInsideTheTextAreDropped() {
    String html = "<body><div class=story><p>" + PARA1 + "</p><div>ADVERTISEMENT</div><p>" + PARA2
        + "</p><div>- Anzeige -</div><p>" + PARA3 + "</p><p>Ad blockers are common.</p></div></body>";
    assertThat(run(html).text()).isEqualTo(PARA1 + "\n" + PARA2 + "\n" + PARA3 + "\nAd blockers are common.");
  }

  @Test
  void runOfHeadingsOverTextIsKept() {
    // A post written as a stack of headings (h2-h4 used for emphasis) above a last text line.
    String html = "<body><article><p>" + PARA1 + "</p><h2>The poster contest for children</h2>"
        + "<h3>Take part with a drawing about clean water</h3><h4>Send it in by the third of April</h4>"
        + "<p>" + PARA2 + "</p><h2>Related articles</h2><ul><li><a href=/x>Other story one</a></li>"
        + "<li><a href=/y>Other story two</a></li></ul></article></body>";
    String text = run(html).text();
    assertThat(text).contains("The poster contest for children", "Take part with a drawing", "Send it in by the third")
        .doesNotContain("Related articles");
  }

  @Test
  void shareClassNextToAContentClassDoesNotRemoveTheText() {
    // "entry share": the text container with a share-bar modifier; the article is long enough
    // that the comments and related posts around it hold more than the 15% the strong-marker
    // guard tolerates.
    StringBuilder comments = new StringBuilder("<section id=comments>");
    for (int i = 0; i < 4; i++) comments.append("<div class=comment><p>").append(PARA3).append("</p></div>");
    comments.append("</section>");
    String html = "<body><article class=post><div class='entry share'><p>" + PARA1 + "</p><p>" + PARA2
        + "</p></div><ul class=related-posts><li><a href=/a>" + PARA3 + "</a></li></ul>" + comments + "</article>"
        + "<div class=sidebar><div class=widget><p>" + PARA3 + "</p></div></div></body>";
    assertThat(run(html).text()).isEqualTo(PARA1 + "\n" + PARA2);
    // a strong marker in the same name as the content word is still boilerplate
    String html2 = "<body><div class=post><p>" + PARA1 + "</p><p>" + PARA2 + "</p>"
        + "<div class=comment-content><p>" + PARA3 + "</p></div></div></body>";
    assertThat(run(html2).text()).isEqualTo(PARA1 + "\n" + PARA2);
  }

  @Test
  void captionsCreditsDatesAndGalleriesAreDropped() {
    String html = "<body><article><div class=article-title><h1>Council extends hours</h1>"
        + "<p class='byline ap-byline'>By Jane Doe, Staff Writer</p>"
        + "<span class=timestamp>Updated <time datetime=2019-11-20>5:27 am, November 20, 2019</time></span></div>"
        + "<div class=article-body><div class=asset_gallery><ul><li><div class=caption>The council chamber on Tuesday, where the vote took place.</div></li></ul>"
        + "<div class=slide-count>Image 1 of 8</div></div>"
        + "<p>" + PARA1 + "</p><div class=wp-caption><img src=a.jpg><p class=wp-caption-text>The reading room. Photo: Getty Images</p></div>"
        + "<p>" + PARA2 + "</p><p>The vote was on <span class=date>Tuesday</span>, as planned.</p></div></article></body>";
    assertThat(run(html).text()).isEqualTo(PARA1 + "\n" + PARA2 + "\nThe vote was on Tuesday, as planned.");
  }

  @Test
  void captionsThatAreMostOfThePageStay() {
    // A photo gallery page: the captions are the text.
    StringBuilder html = new StringBuilder("<body><article><p>Ten pictures of the week.</p>");
    String[] captions = {PARA1, PARA2, PARA3};
    for (String c : captions) html.append("<figure><img src=x.jpg><div class=caption>").append(c).append("</div></figure>");
    html.append("</article></body>");
    assertThat(run(html.toString()).text()).contains(PARA1, PARA2, PARA3);
    // a listicle whose sections are classed "gallery" but hold paragraphs of prose
    String html2 = "<body><main><h2>1. A ring</h2><div class=gallery--paragraph-section><p>" + PARA1 + "</p></div>"
        + "<h2>2. A toaster</h2><div class=gallery--paragraph-section><p>" + PARA2 + "</p></div>"
        + "<h2>3. A lamp</h2><div class=gallery--paragraph-section><p>" + PARA3 + "</p></div></main></body>";
    assertThat(run(html2).text()).contains(PARA1, PARA2, PARA3);
  }

  @Test
  void recipeDurationsStay() {
    String html = "<body><article><p>" + PARA1 + "</p><div class=times>Cooking: <time itemprop=cookTime datetime=PT30M>15 - 30 min</time></div>"
        + "<p>" + PARA2 + "</p></article></body>";
    assertThat(run(html).text()).contains("15 - 30 min");
  }

  @Test
  void labelOverALinkListGoesWithTheList() {
    String html = "<body><article><p>" + PARA1 + "</p><p><strong>Read also</strong></p>"
        + "<p><a href=/a>Council debates the budget for next year</a><br><a href=/b>New bus lines from May</a></p>"
        + "<p>" + PARA2 + "</p><ul><li>Answer: 210 g</li><li><a href=/s>Full worked solution</a></li></ul>"
        + "<p>Follow the council:</p><div><a href=/t>Tweet</a></div><p>" + PARA3 + "</p></article></body>";
    String text = run(html).text();
    assertThat(text).doesNotContain("Read also").contains(PARA1, PARA2, PARA3, "Answer: 210 g", "Follow the council:");
  }

  @Test
  void articleBodyMarkupIsNotNarrowedToItsDensestBlock() {
    // schema.org articleBody with the lead paragraphs as bare divs and the rest in a wrapper:
    // the wrapper wins the density vote, but the publisher said where the text is.
    String lead1 = "President visits the hospital for what aides call a quick exam and labs";
    String lead2 = "You should not just believe them";
    StringBuilder html = new StringBuilder("<body><article><div itemprop=articleBody><div class=para>")
        .append(lead1).append("</div><div class=para>").append(lead2).append("</div><div class=read-all>");
    for (int i = 0; i < 4; i++) html.append("<p>").append(PARA1).append("</p><p>").append(PARA2).append("</p><p>").append(PARA3).append("</p>");
    html.append("</div></div></article></body>");
    assertThat(run(html.toString()).text()).startsWith(lead1 + "\n" + lead2 + "\n" + PARA1);
  }

  @Test
  void bareDivParagraphsBesideTheDensestBlockAreKept() {
    // Inside a broad <article>, the densest block and its siblings are the text; a sibling div
    // that holds its sentence directly is a paragraph, even with no commas to vote with.
    String lead = "Asked how it could come to this, the mayor pointed to years of delays in the planning office and at the building authority";
    StringBuilder html = new StringBuilder("<body><article><div class=intro>").append(lead).append("</div><div class=rest>");
    for (int i = 0; i < 4; i++) html.append("<p>").append(PARA1).append("</p><p>").append(PARA2).append("</p><p>").append(PARA3).append("</p>");
    html.append("</div><div class=teaser><a href=/x>More from the city desk</a></div></article></body>");
    assertThat(run(html.toString()).text()).startsWith(lead + "\n" + PARA1);
  }

  @Test
  void longHeadingIsTextForTheHeadingsAboveIt() {
    // Nothing but headings after the first paragraph; the h3 is a long sentence in heading type.
    String html = "<body><article><p>" + PARA1 + "</p><h2>The poster contest for children</h2>"
        + "<h3>It takes place for the sixth time this year, and children between six and twelve are invited to take part.</h3>"
        + "</article></body>";
    assertThat(run(html).text()).contains("The poster contest for children", "It takes place for the sixth time");
  }

  @Test
  void leadParagraphInTheArticleHeaderIsKept() {
    String lead = "The city will keep its library open until ten at night from March, after a long campaign.";
    StringBuilder html = new StringBuilder("<body><article><header><div class=head-wrap><h1>Library hours</h1>")
        .append("<div><p class=article-intro>").append(lead).append("</p></div></div></header><div class=article-text>");
    for (int i = 0; i < 3; i++) html.append("<p>").append(PARA1).append("</p><p>").append(PARA2).append("</p><p>").append(PARA3).append("</p>");
    html.append("</div><div class=teaser><p class=teaser-intro>More from the city desk, every morning in your inbox.</p></div></article></body>");
    String text = run(html.toString()).text();
    assertThat(text).startsWith(lead + "\n" + PARA1).doesNotContain("More from the city desk");
    // a "dek" subtitle is not taken for a lead
    String dek = html.toString().replace("class=article-intro", "class=article-dek");
    assertThat(run(dek).text()).doesNotContain(lead);
  }

  @Test
  void embeddedSocialPostIsTextButItsConsentPlaceholderIsNot() {
    String tweet = "Yes this is real and the state spent nearly half a million dollars on it";
    String html = "<body><article><p>" + PARA1 + "</p><div class=social-media-embed><blockquote class=twitter-tweet><p>"
        + tweet + "</p></blockquote></div><p>" + PARA2 + "</p>"
        + "<div class=social-embed><h3>Recommended editorial content</h3><p>Here you find external content from Instagram.</p></div>"
        + "<div class=social-share><a href=/s>Share on Facebook</a> <span>Share this story with your friends</span></div>"
        + "<p>" + PARA3 + "</p></article></body>";
    String text = run(html).text();
    assertThat(text).contains(tweet, PARA1, PARA2, PARA3).doesNotContain("Recommended editorial").doesNotContain("Share this story");
  }

  @Test
  void subscriptionPromptsInsideTheTextAreDropped() {
    String html = "<body><article><p>" + PARA1 + "</p><p>Get the latest updates right in your inbox. Subscribe to our newsletters.</p>"
        + "<p>" + PARA2 + "</p><p>Jetzt Newsletter abonnieren</p><p>" + PARA3 + "</p>"
        + "<p>A preview of the report was shared with paying subscribers.</p>"
        + "<p>Small investors welcomed the deal, subscribing for so many shares that they will be allotted the maximum.</p></article></body>";
    assertThat(run(html).text()).isEqualTo(PARA1 + "\n" + PARA2 + "\n" + PARA3
        + "\nA preview of the report was shared with paying subscribers."
        + "\nSmall investors welcomed the deal, subscribing for so many shares that they will be allotted the maximum.");
  }

  @Test
  void aLongSentenceThatSaysSignUpIsProseUnlessItLinksToTheSignUp() {
    String prose = "Finding a local football club is not easy unless you know exactly how its members have"
        + " chosen to sign up (by district, by age group). Without a shared calendar, it can be hard to"
        + " find the matches played near you.";
    String prompt = "The Weekly Ledger is a new letter that brings you the week in trade, the numbers behind"
        + " it, the people who move them and what the markets and the regulators expect next, every Friday"
        + " morning before the opening bell.";
    String html = "<body><article><p>" + PARA1 + "</p><p>" + prose + "</p><p>" + PARA2 + "</p><p>" + prompt
        + " <a href=/nl>Sign up here.</a></p><p>" + PARA3 + "</p></article></body>";
    assertThat(prose.replace(" ", "").length()).isBetween(151, 250); // non-space chars, as counted
    assertThat((prompt + "Signuphere.").replace(" ", "").length()).isBetween(151, 250);
    assertThat(run(html).text()).isEqualTo(PARA1 + "\n" + prose + "\n" + PARA2 + "\n" + PARA3);
  }

  @Test
  void theLastShortLineOfTheTextOverAFootersLinksIsNotALabel() {
    // A product text whose last paragraph is a short size line, then the shop's footer links in
    // the same chosen container but outside the text's box; a "Read also" box keeps its label rule.
    String html = "<body><div itemprop=articleBody><div class=detail><p>" + PARA1 + "</p><p>" + PARA2 + "</p>"
        + "<p>Size (46 cm x 34 cm x 14 cm)</p></div>"
        + "<p><a href=/>Home</a> | <a href=/about>About us</a> | <a href=/ship>Shipping</a> | <a href=/c>Contact</a></p>"
        + "<div class=box><p>" + PARA3 + "</p><p>More from the valley</p>"
        + "<p><a href=/a>Council debates the budget for next year</a></p></div></div></body>";
    String text = run(html).text();
    assertThat(text).isEqualTo(PARA1 + "\n" + PARA2 + "\nSize (46 cm x 34 cm x 14 cm)\n" + PARA3);
  }

  @Test
  void teaserCardsWithPictureLinksAreDroppedUnlessTheyAreThePage() {
    String cards = "";
    String[][] teasers = {{"RIVER WATCH", "Flood barriers tested ahead of the spring thaw"},
        {"NIGHT MARKET", "Stallholders vote to stay open until midnight"},
        {"TOP MARKS", "Village school wins the regional science prize"}};
    for (String[] t : teasers) {
      cards += "<div class=rail-item><a href=/p><img src=p.jpg></a><h3 class=kicker>" + t[0] + "</h3>"
          + "<span class=sub>" + t[1] + "</span><a href=/story class=overlay></a></div>";
    }
    String article = "<body><article><p>" + PARA1 + "</p><p>" + PARA2 + "</p><p>" + PARA3 + "</p>"
        + "<div class=rail>" + cards + "</div></article></body>";
    assertThat(run(article).text()).isEqualTo(PARA1 + "\n" + PARA2 + "\n" + PARA3);
    // A listing page: the cards are the text, they stay.
    String listing = "<body><main><h1>Shop</h1><div class=grid>" + cards + "</div></main></body>";
    assertThat(run(listing).text()).contains("Flood barriers tested", "Stallholders vote", "Village school wins");
  }

  @Test
  void sharePromptsAreDroppedButHeadlinesWithShareStay() {
    String html = "<body><article><p>" + PARA1 + "</p><p>Sharing is caring!</p><div><span>858</span>shares</div>"
        + "<p>" + PARA2 + "</p><h3>Council to share update on services</h3><p>" + PARA3 + "</p>"
        + "<p>Möchten Sie den Artikel teilen?</p></article></body>";
    assertThat(run(html).text()).isEqualTo(PARA1 + "\n" + PARA2 + "\nCouncil to share update on services\n" + PARA3);
  }

  @Test
  void rubyAnnotationsAreNotRunIntoCjkText() {
    String html = "<body><article><p><ruby>子<rt>こ</rt></ruby>どもへの<ruby>虐待<rp>(</rp><rt>ぎゃくたい</rt><rp>)</rp></ruby>をなくすための"
        + "<ruby>法律<rt>ほうりつ</rt></ruby>ができて、親が子どもを教育するために、たたいたり蹴ったりする体罰を禁止することになりました。</p></article></body>";
    assertThat(run(html).text()).isEqualTo("子どもへの虐待をなくすための法律ができて、親が子どもを教育するために、たたいたり蹴ったりする体罰を禁止することになりました。");
  }

  @Test
  void noscriptHoldingTheArticleIsKeptButNoticesAreNot() {
    String html = "<body><div class=post><script>render()</script><noscript><p>" + PARA1 + "</p><p>" + PARA2 + "</p><p>" + PARA3
        + "</p><p>" + PARA1 + "</p></noscript></div><noscript><p>Please enable JavaScript to use this site.</p></noscript>"
        + "<div class=sidebar><a href=/a>Archive 2020</a> <a href=/b>Archive 2019</a></div></body>";
    assertThat(run(html).text()).isEqualTo(PARA1 + "\n" + PARA2 + "\n" + PARA3 + "\n" + PARA1);
  }

  @Test
  void paragraphsInsideFigureCaptionsAndLegendsAreDropped() {
    String html = "<body><main><p>" + PARA1 + "</p><figure><img src=a.jpg><figcaption class=small><p>Large pelvic circles (left) stabilise the seat.</p></figcaption></figure>"
        + "<p>" + PARA2 + "</p><div class=image-right><img src=b.jpg><div class=legend><div>The stag beetle (Lucanus cervus) lives in old oaks.</div></div></div>"
        + "<p>" + PARA3 + "</p></main></body>";
    assertThat(run(html).text()).isEqualTo(PARA1 + "\n" + PARA2 + "\n" + PARA3);
  }

  @Test
  void creditAndFigureLabelLinesAreDropped() {
    String html = "<body><article><p>" + PARA1 + "</p><p>Foto: dpa/Stefan Müller</p><p>" + PARA2
        + "</p><p><em>Abbildung 4: klassische Schwachschicht.</em></p><p>" + PARA3 + "</p><p>Quelle: Landesregierung</p>"
        + "<p>Photographs are not allowed inside the library, the council said.</p></article></body>";
    assertThat(run(html).text()).isEqualTo(PARA1 + "\n" + PARA2 + "\n" + PARA3
        + "\nPhotographs are not allowed inside the library, the council said.");
  }

  @Test
  void moreToReadLabelsAreDroppedButSentencesStay() {
    String html = "<body><article><p>" + PARA1 + "</p><h3>Mehr zum Thema</h3><p>" + PARA2 + "</p><p>Siehe auch</p>"
        + "<p>" + PARA3 + "</p><p>Weitere Infos gibt es unter example.org.</p></article></body>";
    assertThat(run(html).text()).isEqualTo(PARA1 + "\n" + PARA2 + "\n" + PARA3 + "\nWeitere Infos gibt es unter example.org.");
  }

  @Test
  void postMetadataLinesAreDropped() {
    String html = "<body><article><p>Inhaltsverzeichnis</p><p>" + PARA1 + "</p><p>" + PARA2 + "</p><p>" + PARA3 + "</p>"
        + "<p>This entry was posted in News. Bookmark the permalink.</p><p>Category : Press Releases</p><p>2 Kommentare</p>"
        + "<p>Tags are small labels, and the library will print new ones.</p></article></body>";
    assertThat(run(html).text()).isEqualTo(PARA1 + "\n" + PARA2 + "\n" + PARA3 + "\nTags are small labels, and the library will print new ones.");
  }

  @Test
  void consentPlaceholderOfAnEmbedIsDropped() {
    String html = "<body><article><p>" + PARA1 + "</p><div class=third-party-services--placeholder><div class=message>"
        + "We respect your privacy and do not connect to Twitter without your consent. You can change your settings here.</div></div>"
        + "<p>" + PARA2 + "</p><p>" + PARA3 + "</p></article></body>";
    assertThat(run(html).text()).isEqualTo(PARA1 + "\n" + PARA2 + "\n" + PARA3);
  }

  @Test
  void adDisclosureLinesAreDropped() {
    String html = "<body><article><p>Anzeige, enthält Affiliate Links</p><p>" + PARA1 + "</p><div>Advertisement - Continue reading below</div>"
        + "<p>" + PARA2 + "</p><p>Advertisements, the council said, will not be shown in the reading room.</p></article></body>";
    assertThat(run(html).text()).isEqualTo(PARA1 + "\n" + PARA2 + "\nAdvertisements, the council said, will not be shown in the reading room.");
  }

  @Test
  void readerNoticesAreDropped() {
    String html = "<body><article><p>Tempo de leitura: 2 minutos</p><p>Updated at 1:23 p.m.</p><p>" + PARA1 + "</p><p>Image copyright</p><p>" + PARA2
        + "</p><p>This slideshow requires JavaScript.</p><p>" + PARA3 + "</p><p>JavaScript runs in every browser, the teacher said.</p></article></body>";
    assertThat(run(html).text()).isEqualTo(PARA1 + "\n" + PARA2 + "\n" + PARA3 + "\nJavaScript runs in every browser, the teacher said.");
  }
}

