package org.curate.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class BoilerplateVocabularyTest {
  private static BoilerplateVocabulary.Verdict judge(String attrs) {
    Element e = Jsoup.parseBodyFragment("<div " + attrs + ">x</div>").body().child(0);
    return BoilerplateVocabulary.judge(e);
  }

  @Test
  void wholeTokensOnly() {
    assertThat(BoilerplateVocabulary.tokens(Jsoup.parseBodyFragment("<div id=mainNav class='site-header  share_box'>").body().child(0)))
        .containsExactly("main", "nav", "site", "header", "share", "box");
    assertThat(judge("class=subheadline")).isEqualTo(BoilerplateVocabulary.Verdict.NONE);
    assertThat(judge("class=shadow")).isEqualTo(BoilerplateVocabulary.Verdict.NONE);
    assertThat(judge("class=load-ads")).isEqualTo(BoilerplateVocabulary.Verdict.STRONG);
    // middle parts and CMS taxonomy classes do not count
    assertThat(judge("class=elementor-widget-container")).isEqualTo(BoilerplateVocabulary.Verdict.NONE);
    assertThat(judge("class='post tag-social category-share'")).isEqualTo(BoilerplateVocabulary.Verdict.NONE);
    assertThat(judge("class='documentFooter'")).isEqualTo(BoilerplateVocabulary.Verdict.WEAK);
  }

  @Test
  void contentWordVetoesWeakMarker() {
    assertThat(judge("class=site-header")).isEqualTo(BoilerplateVocabulary.Verdict.WEAK);
    assertThat(judge("class=article-header")).isEqualTo(BoilerplateVocabulary.Verdict.NONE);
    assertThat(judge("id=cookie-banner")).isEqualTo(BoilerplateVocabulary.Verdict.STRONG);
    assertThat(judge("role=navigation")).isEqualTo(BoilerplateVocabulary.Verdict.STRONG);
    assertThat(judge("aria-label=Breadcrumb")).isEqualTo(BoilerplateVocabulary.Verdict.WEAK);
  }
}
