package org.curate.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Language hint and publication date: each source, junk values, precedence, determinism. */
class PageMetadataTest {
  private final JsoupMainTextExtractor extractor = new JsoupMainTextExtractor();

  private static final String ARTICLE = "<article><h1>Harbour reopens</h1>"
      + "<p>The harbour reopened on Monday after three weeks of repairs to the northern pier, which a storm had damaged in early spring.</p>"
      + "<p>Fishing boats returned the same morning, and the ferry company said its timetable would be back to normal by the weekend.</p>"
      + "</article>";

  private MainText page(String head, String htmlAttrs, String body) {
    return extractor.extractOrThrow("<!doctype html><html" + htmlAttrs + "><head>" + head + "</head><body>" + body
        + "</body></html>", "https://example.org/a");
  }

  private MainText head(String head) {
    return page(head, "", ARTICLE);
  }

  @Test
  void languageTagsAreNormalisedToLanguageScriptRegion() {
    assertThat(LanguageTags.normalise("en", false)).isEqualTo("en");
    assertThat(LanguageTags.normalise(" en-US ", false)).isEqualTo("en-us");
    assertThat(LanguageTags.normalise("pt_BR", false)).isEqualTo("pt-br");
    assertThat(LanguageTags.normalise("zh-Hant-TW", false)).isEqualTo("zh-hant-tw");
    assertThat(LanguageTags.normalise("zh-Hans", false)).isEqualTo("zh-hans");
    assertThat(LanguageTags.normalise("es-419", false)).isEqualTo("es-419");
    assertThat(LanguageTags.normalise("de-DE-1996", false)).as("variant dropped").isEqualTo("de-de");
    assertThat(LanguageTags.normalise("en-GB-oxendict", false)).isEqualTo("en-gb");
    assertThat(LanguageTags.normalise("iw", false)).as("deprecated code").isEqualTo("he");
    assertThat(LanguageTags.normalise("deu", false)).as("ISO 639-2 with a 639-1 code").isEqualTo("de");
    assertThat(LanguageTags.normalise("yue-HK", false)).as("639-3 without one").isEqualTo("yue-hk");
    assertThat(LanguageTags.normalise("gsw", false)).isEqualTo("gsw");
  }

  @Test
  void junkLanguageValuesAreRejected() {
    for (String junk : new String[] {null, "", "  ", "{{lang}}", "<?php echo $lang; ?>", "${locale}", "en, fr", "en fr",
        "xx", "q", "und", "mul", "zxx", "english-language-version", "en-" + "x".repeat(40), "1234", "en--us", "UTF-8", "abc",
        "iso-8859-1"}) {
      assertThat(LanguageTags.normalise(junk, false)).as("junk %s", junk).isNull();
    }
    assertThat(LanguageTags.normalise("English", false)).as("names only where the source is free text").isNull();
    assertThat(LanguageTags.normalise("English", true)).isEqualTo("en");
    assertThat(LanguageTags.normalise("Deutsch", true)).isEqualTo("de");
    assertThat(LanguageTags.normalise("français", true)).isEqualTo("fr");
    assertThat(LanguageTags.normalise("Klingonish", true)).isNull();
  }

  @Test
  void eachLanguageSourceIsRead() {
    assertThat(page("", " lang='fr-CA'", ARTICLE).langHint()).isEqualTo("fr-ca");
    assertThat(page("", " xml:lang='nl'", ARTICLE).langHint()).isEqualTo("nl");
    assertThat(head("<meta http-equiv='Content-Language' content='da'>").langHint()).isEqualTo("da");
    assertThat(head("<META HTTP-EQUIV='CONTENT-LANGUAGE' CONTENT='Japanese'>").langHint()).as("as an old site wrote it").isEqualTo("ja");
    assertThat(head("<meta name='language' content='UTF-8'><meta property='og:locale' content='en_GB'>").langHint())
        .as("a charset is not a language").isEqualTo("en-gb");
    assertThat(head("<meta name='language' content='German'>").langHint()).isEqualTo("de");
    assertThat(head("<meta name='DC.language' content='sv'>").langHint()).isEqualTo("sv");
    assertThat(head("<meta property='og:locale' content='pt_BR'>").langHint()).isEqualTo("pt-br");
    assertThat(head("").langHint()).isNull();
  }

  @Test
  void languageSourcesRankHtmlLangFirstAndOgLocaleLastAndJunkFallsThrough() {
    String all = "<meta property='og:locale' content='en_US'><meta name='language' content='es'>"
        + "<meta http-equiv='content-language' content='it'>";
    assertThat(page(all, " lang='ca'", ARTICLE).langHint()).isEqualTo("ca");
    assertThat(page(all, " lang='{{lang}}'", ARTICLE).langHint()).as("junk html lang: next source").isEqualTo("it");
    assertThat(page(all, " lang='' xml:lang='eu'", ARTICLE).langHint()).isEqualTo("eu");
    assertThat(head("<meta property='og:locale' content='en_US'><meta name='language' content='es'>").langHint()).isEqualTo("es");
    assertThat(head("<meta property='og:locale' content='en_US'><meta http-equiv='content-language' content='en, fr'>").langHint())
        .as("a list names no single language").isEqualTo("en-us");
  }

  @Test
  void isoDatesAndDateTimesParseToUtc() {
    assertThat(PublicationDates.parse("2024-03-05")).isEqualTo(Instant.parse("2024-03-05T00:00:00Z"));
    assertThat(PublicationDates.parse("2024-03-05T10:20:30Z")).isEqualTo(Instant.parse("2024-03-05T10:20:30Z"));
    assertThat(PublicationDates.parse("2024-03-05T10:20:30.123+01:00")).isEqualTo(Instant.parse("2024-03-05T09:20:30.123Z"));
    assertThat(PublicationDates.parse("2024-03-05T10:20:30-0500")).isEqualTo(Instant.parse("2024-03-05T15:20:30Z"));
    assertThat(PublicationDates.parse("2024-03-05T10:20+02")).isEqualTo(Instant.parse("2024-03-05T08:20:00Z"));
    assertThat(PublicationDates.parse("2024-03-05 10:20:30")).as("no zone: UTC").isEqualTo(Instant.parse("2024-03-05T10:20:30Z"));
    assertThat(PublicationDates.parse(" 2024-03-05T10:20:30 +00:00 ")).isEqualTo(Instant.parse("2024-03-05T10:20:30Z"));
  }

  @Test
  void junkAndImplausibleDatesAreRejected() {
    for (String junk : new String[] {null, "", "yesterday", "March 5, 2024", "05/03/2024", "2024/03/05", "20240305",
        "2024-02-30", "2024-13-01", "2024-03-05T25:00:00Z", "2024-03-05T10:20:30+19:00", "0000-00-00",
        "1970-01-01T00:00:00Z", "1989-12-31", "{{date}}", "2024-03-05T10:20:30Z trailing"}) {
      assertThat(PublicationDates.parse(junk)).as("junk %s", junk).isNull();
    }
    Instant captured = Instant.parse("2024-03-10T12:00:00Z");
    assertThat(PublicationDates.notAfterCapture(Instant.parse("2024-03-11T11:00:00Z"), captured)).as("within a day").isNotNull();
    assertThat(PublicationDates.notAfterCapture(Instant.parse("2024-03-11T13:00:00Z"), captured)).as("after capture").isNull();
    assertThat(PublicationDates.notAfterCapture(Instant.parse("2099-01-01T00:00:00Z"), null)).as("no capture date: no bound").isNotNull();
  }

  @Test
  void eachDateSourceIsRead() {
    Instant day = Instant.parse("2023-06-07T08:09:10Z");
    assertThat(head("<meta property='article:published_time' content='2023-06-07T08:09:10+00:00'>").published()).isEqualTo(day);
    assertThat(head("<meta itemprop='datePublished' content='2023-06-07T08:09:10Z'>").published()).isEqualTo(day);
    assertThat(page("", "", "<article><time itemprop='datePublished' datetime='2023-06-07T10:09:10+02:00'>7 June</time>"
        + ARTICLE.substring("<article>".length())).published()).isEqualTo(day);
    assertThat(head("<script type='application/ld+json'>{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\","
        + "\"headline\":\"Harbour\",\"datePublished\" : \"2023-06-07T08:09:10Z\"}</script>").published()).isEqualTo(day);
    assertThat(page("", "", ARTICLE + "<script type='application/ld+json'>{\"datePublished\":\"2023-06-07T08:09:10Z\"}</script>")
        .published()).as("JSON-LD in the body, read before scripts are removed").isEqualTo(day);
    assertThat(head("<meta name='DC.date.issued' content='2023-06-07T08:09:10Z'>").published()).isEqualTo(day);
    assertThat(head("<meta name='pubdate' content='2023-06-07'>").published()).isEqualTo(Instant.parse("2023-06-07T00:00:00Z"));
    assertThat(head("<meta name='date' content='2023-06-07T08:09:10Z'>").published()).isEqualTo(day);
    assertThat(page("", "", "<header><time pubdate datetime='2023-06-07T01:09:10-07:00'>June 7</time></header>" + ARTICLE)
        .published()).as("one <time pubdate>, outside the article").isEqualTo(day);
    assertThat(page("", "", "<p class=byline>Posted <time class='entry-date published' datetime='2023-06-07T08:09:10+00:00'>"
        + "June 7</time> <time class=updated datetime='2024-01-01T00:00:00Z'>later</time></p>" + ARTICLE).published()).isEqualTo(day);
    assertThat(head("").published()).isNull();
  }

  @Test
  void dateSourcesRankOpenGraphFirstAndBareDateLast() {
    String og = "<meta property='article:published_time' content='2021-01-01T00:00:00Z'>";
    String microdata = "<meta itemprop='datePublished' content='2021-02-02T00:00:00Z'>";
    String jsonLd = "<script type='application/ld+json'>{\"datePublished\":\"2021-03-03T00:00:00Z\"}</script>";
    String named = "<meta name='dcterms.created' content='2021-04-04'>";
    String bare = "<meta name='date' content='2021-05-05'>";
    String marked = "<time pubdate datetime='2021-04-20'>20 April</time>";
    assertThat(head(bare + named + jsonLd + microdata + og).published()).isEqualTo(Instant.parse("2021-01-01T00:00:00Z"));
    assertThat(head(bare + named + jsonLd + microdata).published()).isEqualTo(Instant.parse("2021-02-02T00:00:00Z"));
    assertThat(head(bare + named + jsonLd).published()).isEqualTo(Instant.parse("2021-03-03T00:00:00Z"));
    assertThat(page(bare + named, "", marked + ARTICLE).published()).isEqualTo(Instant.parse("2021-04-04T00:00:00Z"));
    assertThat(page(bare, "", marked + ARTICLE).published()).isEqualTo(Instant.parse("2021-04-20T00:00:00Z"));
    assertThat(page(bare, "", marked + marked.replace("04-20", "03-01") + ARTICLE).published())
        .as("two marked times: a listing, neither dates the page").isEqualTo(Instant.parse("2021-05-05T00:00:00Z"));
    String junkOg = "<meta property='article:published_time' content='{{ post.date }}'>";
    assertThat(head(junkOg + bare).published()).as("junk falls through to the next source").isEqualTo(Instant.parse("2021-05-05T00:00:00Z"));
    String junkLd = "<script type='application/ld+json'>{\"datePublished\":\"\",\"x\":{\"datePublished\":\"2021-06-06\"}}</script>";
    assertThat(head(junkLd).published()).isEqualTo(Instant.parse("2021-06-06T00:00:00Z"));
  }

  @Test
  void timeInTheChosenArticleIsTheLastResortAndOnlyForArticles() {
    String dated = "<article><p class=meta>Posted <time datetime='2022-09-10T07:00:00Z'>10 Sep</time></p>"
        + ARTICLE.substring("<article>".length());
    MainText m = page("", "", "<nav><time datetime='2000-01-01'>old</time></nav>" + dated);
    assertThat(m.mode()).isEqualTo(ExtractionMode.ARTICLE);
    assertThat(m.published()).as("the nav's time is outside the article").isEqualTo(Instant.parse("2022-09-10T07:00:00Z"));
    assertThat(page("<meta name='pubdate' content='2022-01-01'>", "", dated).published())
        .as("a declared date wins").isEqualTo(Instant.parse("2022-01-01T00:00:00Z"));

    StringBuilder listing = new StringBuilder("<h1>Events</h1>");
    for (int i = 1; i <= 6; i++) {
      listing.append("<div class=event><h3>Concert ").append(i).append("</h3><p><time datetime='2022-10-0").append(i)
          .append("'>October ").append(i).append("</time>: an evening of chamber music in the town hall, tickets at the door.</p></div>");
    }
    MainText list = page("", "", listing.toString());
    assertThat(list.mode()).isEqualTo(ExtractionMode.FALLBACK);
    assertThat(list.published()).as("list items' dates do not date the page").isNull();
  }

  @Test
  void readingMetadataDoesNotChangeTheTextAndIsDeterministic() {
    String plain = "<!doctype html><html><head><title>Harbour</title></head><body>" + ARTICLE + "</body></html>";
    String annotated = "<!doctype html><html lang=en-GB><head><title>Harbour</title>"
        + "<meta property='article:published_time' content='2023-06-07T08:09:10Z'>"
        + "<script type='application/ld+json'>{\"datePublished\":\"2023-06-07\"}</script></head><body>" + ARTICLE + "</body></html>";
    MainText a = extractor.extractOrThrow(plain, null);
    MainText b = extractor.extractOrThrow(annotated, null);
    assertThat(b.text()).isEqualTo(a.text()).isNotEmpty();
    assertThat(b.langHint()).isEqualTo("en-gb");
    assertThat(extractor.extractOrThrow(annotated, null)).isEqualTo(b);
  }
}
