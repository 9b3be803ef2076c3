package org.curate.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.curate.extract.html.JsoupMainTextExtractor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlFolderExtractorTest {
  private static final String PARA =
      "The council voted on Tuesday to extend the library's opening hours, a decision that followed months of debate, petitions and a public hearing.";
  private static final String CAFE =
      "Le café de la gare a rouvert ses portes après des travaux, et les habitués ont retrouvé leur table près de la fenêtre, comme avant.";

  @TempDir Path tmp;

  private final List<String> errors = new ArrayList<>();

  private HtmlFolderExtractor.Summary run(Path in, Path out) throws IOException {
    return new HtmlFolderExtractor(ExtractOptions.defaults(), new JsoupMainTextExtractor()).run(in, out, errors::add);
  }

  private static String page(String text) {
    return "<html><head><title>t</title></head><body><nav><a href=/>Home</a></nav><article><p>" + text
        + "</p></article></body></html>";
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }

  private static void write(Path file, byte[] bytes) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
  }

  @Test
  void oneTextFilePerPageWithTheSameRelativeName() throws IOException {
    Path in = tmp.resolve("in");
    write(in.resolve("plain.html"), page(PARA).getBytes(StandardCharsets.UTF_8));
    write(in.resolve("nested/deeper/zipped.html.gz"), gzip(page(PARA).getBytes(StandardCharsets.UTF_8)));
    // Undeclared windows-1252, as the trafilatura pages are: must be detected, not read as UTF-8.
    write(in.resolve("nested/legacy.html"), page(CAFE).getBytes(Charset.forName("windows-1252")));
    write(in.resolve("empty.html"), "<html><body><nav><a href=/>Home</a></nav></body></html>".getBytes(StandardCharsets.UTF_8));
    write(in.resolve("notes.txt"), "not a page".getBytes(StandardCharsets.UTF_8));
    write(in.resolve("page.htm"), page(PARA).getBytes(StandardCharsets.UTF_8));

    HtmlFolderExtractor.Summary s = run(in, tmp.resolve("out"));

    assertThat(s).isEqualTo(new HtmlFolderExtractor.Summary(4, 3, 0));
    assertThat(errors).isEmpty();
    Path out = tmp.resolve("out");
    assertThat(files(out)).containsExactly("empty.txt", "nested/deeper/zipped.txt", "nested/legacy.txt", "plain.txt");
    assertThat(Files.readString(out.resolve("plain.txt"))).isEqualTo(PARA);
    assertThat(Files.readString(out.resolve("nested/deeper/zipped.txt"))).isEqualTo(PARA);
    assertThat(Files.readString(out.resolve("nested/legacy.txt"))).isEqualTo(CAFE);
    assertThat(Files.readString(out.resolve("empty.txt"))).isEmpty();
  }

  @Test
  void corruptFilesAreNamedGetAnEmptyOutputAndTheRestGoesOn() throws IOException {
    Path in = tmp.resolve("in");
    write(in.resolve("a-corrupt.html.gz"), "this is not gzip at all".getBytes(StandardCharsets.US_ASCII));
    byte[] whole = gzip(page(PARA).getBytes(StandardCharsets.UTF_8));
    write(in.resolve("b-truncated.html.gz"), Arrays.copyOf(whole, whole.length / 2));
    write(in.resolve("c-good.html"), page(PARA).getBytes(StandardCharsets.UTF_8));

    HtmlFolderExtractor.Summary s = run(in, tmp.resolve("out"));

    assertThat(s).isEqualTo(new HtmlFolderExtractor.Summary(3, 1, 2));
    assertThat(errors).hasSize(2);
    assertThat(errors.get(0)).startsWith("a-corrupt.html.gz: ");
    assertThat(errors.get(1)).startsWith("b-truncated.html.gz: ");
    Path out = tmp.resolve("out");
    assertThat(Files.readString(out.resolve("a-corrupt.txt"))).isEmpty();
    assertThat(Files.readString(out.resolve("b-truncated.txt"))).isEmpty();
    assertThat(Files.readString(out.resolve("c-good.txt"))).isEqualTo(PARA);
  }

  @Test
  void pagesOverThePayloadLimitFailWithAnEmptyOutput() throws IOException {
    Path in = tmp.resolve("in");
    write(in.resolve("big.html"), page(PARA.repeat(20)).getBytes(StandardCharsets.UTF_8));
    HtmlFolderExtractor.Summary s = new HtmlFolderExtractor(new ExtractOptions(1000), new JsoupMainTextExtractor())
        .run(in, tmp.resolve("out"), errors::add);
    assertThat(s).isEqualTo(new HtmlFolderExtractor.Summary(1, 0, 1));
    assertThat(errors).singleElement().asString().startsWith("big.html: ").contains("larger than 1000 bytes");
    assertThat(Files.readString(tmp.resolve("out/big.txt"))).isEmpty();
  }

  @Test
  void aSecondPageWithTheSameOutputNameIsReportedNotMerged() throws IOException {
    Path in = tmp.resolve("in");
    write(in.resolve("x.html"), page(PARA).getBytes(StandardCharsets.UTF_8));
    write(in.resolve("x.html.gz"), gzip(page(CAFE).getBytes(StandardCharsets.UTF_8)));
    HtmlFolderExtractor.Summary s = run(in, tmp.resolve("out"));
    assertThat(s).isEqualTo(new HtmlFolderExtractor.Summary(2, 1, 1));
    assertThat(errors).singleElement().asString().startsWith("x.html.gz: ").contains("x.txt");
    assertThat(Files.readString(tmp.resolve("out/x.txt"))).isEqualTo(PARA);
  }

  @Test
  void twoRunsWriteTheSameBytes() throws IOException {
    Path in = tmp.resolve("in");
    for (int i = 0; i < 5; i++) {
      write(in.resolve("d" + (i % 2) + "/p" + i + ".html"), page(PARA + " Item " + i + ".").getBytes(StandardCharsets.UTF_8));
    }
    run(in, tmp.resolve("one"));
    run(in, tmp.resolve("two"));
    assertThat(files(tmp.resolve("one"))).hasSize(5).isEqualTo(files(tmp.resolve("two")));
    for (String f : files(tmp.resolve("one"))) {
      assertThat(Files.readAllBytes(tmp.resolve("two").resolve(f))).isEqualTo(Files.readAllBytes(tmp.resolve("one").resolve(f)));
    }
  }

  @Test
  void badDirectoriesAreArgumentErrors() throws IOException {
    Path file = tmp.resolve("file.html");
    Files.writeString(file, "x");
    assertThatThrownBy(() -> run(tmp.resolve("missing"), tmp.resolve("out")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing");
    assertThatThrownBy(() -> run(tmp, file))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a directory");
  }

  private static List<String> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted().toList();
    }
  }
}
