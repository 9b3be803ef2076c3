package org.curate.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.curate.core.Outcome;
import org.junit.jupiter.api.Test;

/** The language hint and publication date reach {@link ExtractedPage}, the date bounded by the record's WARC-Date. */
class DeclaredPageMetadataTest {
  private static byte[] htmlPage(String uri, String published) {
    String html = "<html lang='es-MX'><head><title>Noticia</title><meta property='article:published_time' content='" + published
        + "'></head><body><article><p>" + "El puerto volvió a abrir el lunes después de tres semanas de obras en el muelle norte. ".repeat(3)
        + "</p></article></body></html>";
    return HostilePayloadTest.httpResponse(uri, "Content-Type: text/html; charset=utf-8\r\n", html.getBytes(StandardCharsets.UTF_8));
  }

  private static ExtractedPage kept(RecordResult r) {
    assertThat(r.outcome()).isInstanceOf(Outcome.Kept.class);
    return ((Outcome.Kept<ExtractedPage>) r.outcome()).value();
  }

  @Test
  void declaredLanguageAndDateAreCarriedAndDatesAfterTheCaptureAreDropped() {
    // Every record of HostilePayloadTest's builder is captured at 2024-01-01T00:00:00Z.
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.writeBytes(htmlPage("http://example.org/before", "2023-12-30T18:00:00-06:00"));
    file.writeBytes(htmlPage("http://example.org/slop", "2024-01-01T20:00:00Z"));
    file.writeBytes(htmlPage("http://example.org/future", "2024-01-03T00:00:00Z"));
    file.writeBytes(HostilePayloadTest.record("conversion", "http://example.org/wet", "text/plain",
        "<html lang=fr> plain text, not markup".getBytes(StandardCharsets.UTF_8)));
    List<RecordResult> results = HostilePayloadTest.extract(file.toByteArray());
    assertThat(results).hasSize(4);

    ExtractedPage before = kept(results.get(0));
    assertThat(before.warcDate()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
    assertThat(before.langHint()).isEqualTo("es-mx");
    assertThat(before.lang()).as("lang belongs to the language filter").isNull();
    assertThat(before.published()).isEqualTo(Instant.parse("2023-12-31T00:00:00Z"));
    assertThat(kept(results.get(1)).published()).as("within a day of the capture").isEqualTo(Instant.parse("2024-01-01T20:00:00Z"));
    ExtractedPage future = kept(results.get(2));
    assertThat(future.published()).as("published after it was crawled").isNull();
    assertThat(future.langHint()).isEqualTo("es-mx");
    ExtractedPage wet = kept(results.get(3));
    assertThat(wet.langHint()).isNull();
    assertThat(wet.published()).isNull();
  }
}
