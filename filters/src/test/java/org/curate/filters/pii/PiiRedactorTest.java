package org.curate.filters.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.curate.core.Document;
import org.curate.core.DocumentStep;
import org.curate.core.Outcome;
import org.curate.filters.FilterRegistry;
import org.junit.jupiter.api.Test;

class PiiRedactorTest {
  private static final FilterRegistry REGISTRY = new FilterRegistry();

  private static DocumentStep pii(Map<String, ?> params) {
    return REGISTRY.create("pii", params);
  }

  private static Document doc(String text) {
    return Document.of("d1", "https://example.com/", text);
  }

  @Test
  void redactsWithTypedPlaceholdersAndCountsByType() {
    String text = "Mail jane@example.com or bob@example.org, call +1 650-253-0000, card 4111 1111 1111 1111, "
        + "IBAN DE89 3704 0044 0532 0130 00, SSN 460-89-9847, from 86.121.97.248, key AKIAIOSFODNN7EXAMPLE.";
    Outcome<Document> out = pii(Map.of()).apply(doc(text));

    assertThat(out).isInstanceOf(Outcome.Kept.class);
    Outcome.Kept<Document> kept = (Outcome.Kept<Document>) out;
    assertThat(kept.value().text()).isEqualTo("Mail <EMAIL> or <EMAIL>, call <PHONE>, card <CARD>, "
        + "IBAN <IBAN>, SSN <SSN>, from <IP>, key <SECRET>.");
    assertThat(kept.changes()).containsExactly("pii:secret", "pii:email", "pii:iban", "pii:card", "pii:ssn", "pii:ip",
        "pii:phone");
    assertThat(kept.value().tags()).containsEntry("pii.email", 2.0).containsEntry("pii.phone", 1.0)
        .containsEntry("pii.card", 1.0).hasSize(7);
  }

  @Test
  void keepsDocumentsWithoutPiiUntouched() {
    Document d = doc("Nothing to see: version 1.2.3.4, 2024-01-15, Order #123456789.");
    Outcome<Document> out = pii(Map.of()).apply(d);
    assertThat(out).isEqualTo(Outcome.keep(d));
  }

  @Test
  void knownFalsePositivesSurviveAllDetectors() {
    String text = "<img src=\"logo@2x.png\"> git clone git@github.com:org/repo.git\n"
        + "Please call us: we run version 1.2.3.4 (v1.2.3.4) since 2024-01-15 (15.01.2024).\n"
        + "Phone orders: ISBN 978-3-16-148410-0, Order #123456789, card 4111 1111 1111 1112, "
        + "IBAN DE89 3704 0044 0532 0130 01, SNMP 1.3.6.1.4.1.2021, user@localhost.";
    Outcome<Document> out = pii(Map.of()).apply(doc(text));
    assertThat(out).isInstanceOf(Outcome.Kept.class);
    assertThat(((Outcome.Kept<Document>) out).value().text()).isEqualTo(text);
  }

  @Test
  void dropsDocumentsWithMoreHitsThanMaxHits() {
    String text = "a@example.com b@example.com c@example.com";
    Outcome<Document> kept = pii(Map.of("max_hits", 3)).apply(doc(text));
    assertThat(kept.isKept()).isTrue();

    Outcome<Document> dropped = pii(Map.of("max_hits", 2)).apply(doc(text));
    assertThat(dropped.reason()).isEqualTo("pii:too_many");
    Document measured = ((Outcome.Dropped<Document>) dropped).value();
    assertThat(measured.text()).isEqualTo("<EMAIL> <EMAIL> <EMAIL>"); // tag-only mode must not leak the values
    assertThat(measured.tags()).containsEntry("pii.email", 3.0);
  }

  @Test
  void typesChoosesTheDetectors() {
    String text = "a@example.com, 86.121.97.248";
    Outcome.Kept<Document> onlyIp = (Outcome.Kept<Document>) pii(Map.of("types", "ip")).apply(doc(text));
    assertThat(onlyIp.value().text()).isEqualTo("a@example.com, <IP>");
    Outcome.Kept<Document> list = (Outcome.Kept<Document>) pii(Map.of("types", List.of("email", "ip"))).apply(doc(text));
    assertThat(list.value().text()).isEqualTo("<EMAIL>, <IP>");
    assertThatThrownBy(() -> pii(Map.of("types", "email,name"))).hasMessageContaining("unknown PII type 'name'");
    assertThatThrownBy(() -> pii(Map.of("max_hit", 5))).hasMessageContaining("max_hit");
  }

  @Test
  void overlapsGoToTheMoreSpecificType() {
    // A card number contains phone-shaped digit runs; the card wins.
    Outcome.Kept<Document> out = (Outcome.Kept<Document>) pii(Map.of()).apply(doc("Call about card 4111111111111111"));
    assertThat(out.value().text()).isEqualTo("Call about card <CARD>");
  }

  @Test
  void regionFollowsTheDocumentLanguage() {
    Document german = new Document("d", null, "de", 0.99, null, "Sie erreichen uns unter 030 12345678.", null);
    Outcome.Kept<Document> out = (Outcome.Kept<Document>) pii(Map.of()).apply(german);
    assertThat(out.value().text()).isEqualTo("Sie erreichen uns unter <PHONE>.");
    assertThat(PhoneRegion.forLanguage("fr")).isEqualTo("FR");
    assertThat(PhoneRegion.forLanguage("en-GB")).isEqualTo("GB");
    assertThat(PhoneRegion.forLanguage("rus_Cyrl")).isEqualTo("RU");
    assertThat(PhoneRegion.forLanguage("ja")).isEqualTo("JP");
    assertThat(PhoneRegion.forLanguage("zh")).isEqualTo("CN");
    assertThat(PhoneRegion.forLanguage(null)).isEqualTo("US");
    assertThat(PhoneRegion.forLanguage("xx")).isEqualTo("US");
  }
}
