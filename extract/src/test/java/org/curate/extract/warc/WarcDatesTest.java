package org.curate.extract.warc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class WarcDatesTest {
  @Test
  void parsesWarcDatesOfEveryPrecision() {
    assertThat(WarcDates.parse("2019-08-15T01:02:03Z")).isEqualTo(Instant.parse("2019-08-15T01:02:03Z"));
    assertThat(WarcDates.parse("2019-08-15T01:02")).isEqualTo(Instant.parse("2019-08-15T01:02:00Z"));
    assertThat(WarcDates.parse("2019-08-15T01:02:03.123456Z")).isEqualTo(Instant.parse("2019-08-15T01:02:03.123456Z"));
    assertThat(WarcDates.parse("2008-11-05T13:59:26-0700")).isEqualTo(Instant.parse("2008-11-05T20:59:26Z"));
  }

  @Test
  void parsesArcTimestamps() {
    assertThat(WarcDates.parse("19970417175710")).isEqualTo(Instant.parse("1997-04-17T17:57:10Z"));
  }

  @Test
  void absurdOrBrokenDatesAreUnknown() {
    assertThat(WarcDates.parse("5088968-11-06T12:31:23Z")).isNull();
    assertThat(WarcDates.parse("2008-10-294T05:21:46-0700")).isNull();
    assertThat(WarcDates.parse("2019-13-45T00:00:00Z")).isNull();
    assertThat(WarcDates.parse("null")).isNull();
    assertThat(WarcDates.parse(null)).isNull();
  }
}
