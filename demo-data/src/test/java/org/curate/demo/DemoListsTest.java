package org.curate.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoListsTest {
  @Test
  void listsNameTheSamplesAdultHostsAndProfanities(@TempDir Path tmp) throws IOException {
    DemoLists.write(tmp);
    assertThat(Files.readAllLines(tmp.resolve(DemoLists.ADULT_DOMAINS)))
        .contains("free-porn-tube.example", "hot-xxx-videos.example").noneMatch(l -> l.startsWith("www."));
    assertThat(Files.readAllLines(tmp.resolve(DemoLists.BAD_WORDS_DIR).resolve("en"))).contains("shit", "fuck");
  }
}
