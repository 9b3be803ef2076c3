package org.curate.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The hard cases issue 3 lists that {@link JsoupMainTextExtractorTest} does not cover: tables,
 * right-to-left and CJK text, {@code <br>}-only layouts, listing pages, and an article split
 * across sibling {@code <div>}s around a sidebar. Small hand-written pages, shaped like the
 * markup such sites use.
 */
class HardCasePagesTest {
  private final JsoupMainTextExtractor extractor = new JsoupMainTextExtractor();

  private static final String NAV = "<nav><ul><li><a href=/>Home</a></li><li><a href=/news>News</a></li>"
      + "<li><a href=/sport>Sport</a></li><li><a href=/contact>Contact</a></li></ul></nav>";
  private static final String FOOTER = "<footer><p>Copyright 2024 Example Media. All rights reserved.</p>"
      + "<a href=/privacy>Privacy</a> <a href=/imprint>Imprint</a></footer>";

  private MainText run(String body) {
    return extractor.extractOrThrow("<!doctype html><html><head><title>Page</title></head><body>" + body + "</body></html>",
        "https://example.org/page");
  }

  @Test
  void tableRowsAreLinesWithTheirCellsSeparated() {
    String body = NAV + "<div class=content><h2>Winter timetable</h2>"
        + "<p>From the first of December, the morning buses run on the times below, and the evening service stays as it is.</p>"
        + "<table><thead><tr><th>Route</th><th>Departs</th><th>Arrives</th></tr></thead><tbody>"
        + "<tr><td>Line 4</td><td>07:15</td><td>07:52</td></tr>"
        + "<tr><td>Line 9</td><td>07:40</td><td>08:21</td></tr>"
        + "<tr><td>Night bus N2</td><td>23:50</td><td>00:35</td></tr></tbody></table>"
        + "<p>Tickets bought before December remain valid on every line, including the night buses, until the end of March.</p></div>"
        + FOOTER;
    String text = run(body).text();
    assertThat(text.split("\n")).containsExactly(
        "Winter timetable",
        "From the first of December, the morning buses run on the times below, and the evening service stays as it is.",
        "Route Departs Arrives",
        "Line 4 07:15 07:52",
        "Line 9 07:40 08:21",
        "Night bus N2 23:50 00:35",
        "Tickets bought before December remain valid on every line, including the night buses, until the end of March.");
  }

  @Test
  void arabicArticleInARightToLeftPageIsKeptIntact() {
    String p1 = "أعلنت البلدية يوم الثلاثاء عن تمديد ساعات عمل المكتبة العامة، بعد أشهر من النقاش والعرائض وجلسة استماع علنية.";
    String p2 = "وقال المؤيدون إن القرار سيساعد الطلاب والعاملين في المناوبات، بينما تساءل المنتقدون عن التكلفة السنوية.";
    String p3 = "وتبدأ المواعيد الجديدة في شهر مارس، وستراجع المكتبة أعداد الزوار والتكاليف بعد ستة أشهر.";
    String html = "<!doctype html><html lang=ar dir=rtl><head><title>تمديد ساعات المكتبة</title></head><body>"
        + "<nav><ul><li><a href=/>الرئيسية</a></li><li><a href=/news>أخبار</a></li><li><a href=/sport>رياضة</a></li></ul></nav>"
        + "<div class=main-content><h1>تمديد ساعات المكتبة</h1><p>" + p1 + "</p><p>" + p2 + "</p><p>" + p3 + "</p></div>"
        + "<div class=sidebar><h3>الأكثر قراءة</h3><ul><li><a href=/a>خبر أول</a></li><li><a href=/b>خبر ثان</a></li></ul></div>"
        + "<footer><p>جميع الحقوق محفوظة</p></footer></body></html>";
    MainText m = extractor.extractOrThrow(html, "https://example.org/ar");
    assertThat(m.text()).isEqualTo(p1 + "\n" + p2 + "\n" + p3);
    assertThat(m.langHint()).isEqualTo("ar");
  }

  @Test
  void hebrewArticleMarkedRightToLeftInAnLtrPageIsKeptIntact() {
    String p1 = "מועצת העיר החליטה ביום שלישי להאריך את שעות הפתיחה של הספרייה, אחרי חודשים של דיונים ועצומות.";
    String p2 = "התומכים אמרו שהשינוי יעזור לסטודנטים ולעובדי משמרות, והמבקרים שאלו כמה זה יעלה בשנה.";
    String p3 = "השעות החדשות ייכנסו לתוקף במרץ 2025, והספרייה תבדוק את מספר המבקרים אחרי שישה חודשים.";
    String body = NAV + "<div class=post dir=rtl lang=he><p>" + p1 + "</p><p>" + p2 + "</p><p>&rlm;" + p3 + "</p></div>" + FOOTER;
    assertThat(run(body).text()).isEqualTo(p1 + "\n" + p2 + "\n\u200f" + p3);
  }

  @Test
  void chineseArticleWithoutSpacesIsKeptAndItsNavigationRemoved() {
    String p1 = "市议会周二投票决定延长图书馆的开放时间，这一决定是在数月的辩论、请愿和一次公开听证会之后作出的。";
    String p2 = "支持者表示，这一变化将帮助学生和轮班工人；批评者则质疑每年约二十万元的费用是否合理。";
    String p3 = "新的开放时间将于三月生效，图书馆将在六个月后根据到馆人数、人员配置和能源成本决定周末是否开放。";
    String body = "<div class=header><ul class=menu><li><a href=/>首页</a></li><li><a href=/news>新闻</a></li>"
        + "<li><a href=/city>城市</a></li><li><a href=/about>关于我们</a></li></ul></div>"
        + "<div class=wrap><div class=left><div class=article-text><h1>图书馆延长开放时间</h1><p>" + p1 + "</p><p>" + p2 + "</p><p>"
        + p3 + "</p></div></div><div class=right><h3>热门文章</h3><ul><li><a href=/1>公交线路调整</a></li>"
        + "<li><a href=/2>公园改造完成</a></li><li><a href=/3>学校假期安排</a></li></ul></div></div>"
        + "<div class=foot>版权所有 © 2024 示例新闻网</div>";
    String text = run(body).text();
    assertThat(text).isEqualTo("图书馆延长开放时间\n" + p1 + "\n" + p2 + "\n" + p3);
  }

  @Test
  void japaneseArticleWithoutSpacesIsKept() {
    String p1 = "市議会は火曜日、図書館の開館時間を延長することを決めました。数か月にわたる議論と署名活動の末の決定です。";
    String p2 = "賛成する人たちは、学生や交代勤務の人たちの助けになると話していますが、年間の費用を疑問視する声もあります。";
    String body = NAV + "<main><article><p>" + p1 + "</p><p>" + p2 + "</p></article></main>"
        + "<aside><h3>関連記事</h3><a href=/x>駅前の再開発</a></aside>" + FOOTER;
    assertThat(run(body).text()).isEqualTo(p1 + "\n" + p2);
  }

  @Test
  void brOnlyLayoutKeepsItsLines() {
    // An old-style page: no <p>, the text in one cell, lines separated by <br> only.
    String l1 = "Dear members, the annual meeting of the rowing club takes place on the 14th of June at the boathouse.";
    String l2 = "The agenda covers the accounts, the new landing stage and the election of a treasurer for two years.";
    String l3 = "Please bring your membership card, and let the secretary know by Friday if you cannot come.";
    String body = "<table width=100%><tr><td class=menu width=150><a href=/>Home</a><br><a href=/boats>Boats</a><br>"
        + "<a href=/join>Join</a></td><td class=text><b>Annual meeting</b><br><br>" + l1 + "<br>" + l2 + "<br><br>\n" + l3
        + "<br></td></tr></table>";
    String text = run(body).text();
    assertThat(text.split("\n")).containsExactly("Annual meeting", l1, l2, l3);
  }

  /**
   * A shop's category page must not come out empty: every card's description stays, the page
   * furniture and buttons go. Known gap, not asserted: the product names (linked {@code <h3>}s)
   * are dropped as link lines, and a price directly over the next card's linked name as a label
   * over a link list; keeping linked headings over kept text in their box fixed this page but cost
   * the dev split (aeb 0.9763 to 0.9759, trafilatura 0.9303 to 0.9298: related-article teasers
   * came back), so it is left for a listing-aware rule.
   */
  @Test
  void productListingPageIsNotEmptyAndKeepsEachItemsDescription() {
    String[][] products = {
        {"Stainless garden trowel", "12.90", "A narrow blade for planting bulbs and seedlings, with a beech handle."},
        {"Pruning shears with bypass blade", "24.50", "Clean cuts on living stems up to two centimetres, spring-loaded."},
        {"Folding pruning saw", "19.00", "Cuts branches as thick as an arm and folds away into a coat pocket."},
        {"Garden fork, four tines", "34.90", "Forged steel tines for turning heavy soil and lifting potatoes."},
        {"Watering can, ten litres", "15.75", "Galvanised, with a brass rose that gives seedlings a gentle shower."},
        {"Kneeling pad", "8.20", "Thick foam that keeps knees dry on wet lawns and hard paths."}};
    StringBuilder body = new StringBuilder(NAV).append("<div class=category><h1>Garden tools</h1><div class=product-grid>");
    for (String[] p : products) {
      body.append("<div class=product-card><a href=/p/").append(p[1]).append(" class=product-link><img src=x.jpg alt=''></a>")
          .append("<h3><a href=/p/").append(p[1]).append('>').append(p[0]).append("</a></h3>")
          .append("<p class=short>").append(p[2]).append("</p>")
          .append("<span class=price>€ ").append(p[1]).append("</span><button>Add to cart</button></div>");
    }
    body.append("</div></div>").append(FOOTER);
    String text = run(body.toString()).text();
    assertThat(text).isNotEmpty();
    String[] descriptions = new String[products.length];
    for (int i = 0; i < products.length; i++) descriptions[i] = products[i][2];
    assertThat(text.split("\n")).filteredOn(line -> !line.startsWith("€ ")).containsExactly(descriptions);
    assertThat(text).doesNotContain("Add to cart").doesNotContain("Imprint").doesNotContain("Sport");
  }

  @Test
  void articleSplitAcrossSiblingDivsAroundASidebarIsKeptWholeAndInOrder() {
    String[] parts = {
        "The council voted on Tuesday to extend the library's opening hours, a decision that followed months of debate, petitions and a public hearing.",
        "Supporters said the change would help students and shift workers, while critics questioned the cost, which the city estimates at two hundred thousand a year.",
        "The new hours take effect in March, and the library will review attendance, staffing and energy costs after six months before deciding on weekends.",
        "Staff will be hired for the evening shifts, the library's director said, and volunteers from the reading circle have offered to help on Saturdays.",
        "A first report to the council is due in September, with figures on visitors, loans and the cost of heating the reading rooms late in the day."};
    String body = NAV + "<div class=page><div class=story>"
        + "<div class=story-part><p>" + parts[0] + "</p><p>" + parts[1] + "</p></div>"
        + "<div class=sidebar><h3>Most read</h3><ul><li><a href=/1>Bus lines change in spring</a></li>"
        + "<li><a href=/2>New park opens by the river</a></li><li><a href=/3>School holidays announced</a></li></ul></div>"
        + "<div class=story-part><p>" + parts[2] + "</p></div>"
        + "<div class=ad-slot><a href=/ad><img src=ad.png alt=''></a></div>"
        + "<div class=story-part><p>" + parts[3] + "</p><p>" + parts[4] + "</p></div>"
        + "</div><aside class=rail><h3>Newsletter</h3><p>Get the city desk's stories in your inbox every morning.</p></aside></div>"
        + FOOTER;
    MainText m = run(body);
    assertThat(m.text()).isEqualTo(String.join("\n", parts));
    assertThat(m.mode()).isEqualTo(ExtractionMode.ARTICLE);
  }
}
