package org.curate.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DocumentIdsTest {
  @Test
  void recordIdIsHashedAsWritten() {
    String id = DocumentIds.of("<urn:uuid:3f2a1b6e-0000-4000-8000-000000000001>", "http://x/", "2020-01-01T00:00:00Z");
    assertThat(id).hasSize(32).matches("[0-9a-f]+");
    assertThat(id).isEqualTo(DocumentIds.of("<urn:uuid:3f2a1b6e-0000-4000-8000-000000000001>", "other", null));
    assertThat(id).isNotEqualTo(DocumentIds.of("urn:uuid:3f2a1b6e-0000-4000-8000-000000000001", "http://x/", null));
  }

  @Test
  void withoutRecordIdUrlAndDateAreUsed() {
    assertThat(DocumentIds.of(null, "http://a/", "19970417175710"))
        .isEqualTo(DocumentIds.hash("http://a/\n19970417175710"))
        .isNotEqualTo(DocumentIds.of(null, "http://a/", "19970417175711"));
  }
}
