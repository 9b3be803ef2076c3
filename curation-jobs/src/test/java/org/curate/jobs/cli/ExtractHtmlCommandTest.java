package org.curate.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.curate.jobs.Curate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command's wiring and exit statuses; the extraction itself is tested in the extract module. */
class ExtractHtmlCommandTest {
  private static final String PARA =
      "The council voted on Tuesday to extend the library's opening hours, a decision that followed months of debate, petitions and a public hearing.";

  @Test
  void writesOneTextFilePerPageAndExitsZeroEvenWhenAFileFails(@TempDir Path tmp) throws IOException {
    Path in = tmp.resolve("in");
    Files.createDirectories(in.resolve("sub"));
    Files.writeString(in.resolve("sub/page.html"), "<body><article><p>" + PARA + "</p></article></body>", StandardCharsets.UTF_8);
    Files.writeString(in.resolve("broken.html.gz"), "not gzip", StandardCharsets.UTF_8);
    Path out = tmp.resolve("out");

    assertThat(Curate.execute("extract-html", "--input-dir", in.toString(), "--output-dir", out.toString())).isZero();

    assertThat(Files.readString(out.resolve("sub/page.txt"))).isEqualTo(PARA);
    assertThat(Files.readString(out.resolve("broken.txt"))).isEmpty();
  }

  @Test
  void badArgumentsExitTwo(@TempDir Path tmp) {
    assertThat(Curate.execute("extract-html", "--input-dir", tmp.resolve("missing").toString(), "--output-dir",
        tmp.resolve("out").toString())).isEqualTo(2);
    assertThat(Curate.execute("extract-html", "--input-dir", tmp.toString())).isEqualTo(2);
    assertThat(Curate.execute("extract-html", "--input-dir", tmp.toString(), "--output-dir", tmp.resolve("o").toString(),
        "--max-payload-bytes", "0")).isEqualTo(2);
  }
}
