package org.curate.jobs.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputResolverTest {
  private final InputResolver resolver = new InputResolver(new Configuration());

  @Test
  void classifiesFilesAndDirectories(@TempDir Path tmp) throws IOException {
    Path crawls = Files.createDirectories(tmp.resolve("crawls/sub"));
    touch(crawls.resolve("b.warc.gz"));
    touch(crawls.resolve("a.arc"));
    touch(crawls.resolve("odd.warc.gz.open"));
    touch(tmp.resolve("crawls/_hidden/c.warc.gz"));
    touch(tmp.resolve("crawls/.tmp.warc"));
    Path stage = Files.createDirectories(tmp.resolve("extract"));
    touch(stage.resolve("_SUCCESS"));
    touch(stage.resolve("part-0.parquet"));
    touch(tmp.resolve("docs.jsonl.gz"));

    ResolvedInputs inputs = resolver.resolve(List.of(tmp.resolve("crawls").toString(), stage.toString(),
        tmp.resolve("*.jsonl.gz").toString()));

    assertThat(inputs.crawlFiles()).extracting(f -> f.substring(f.lastIndexOf('/') + 1))
        .containsExactly("a.arc", "b.warc.gz", "odd.warc.gz.open");
    assertThat(inputs.parquetPaths()).singleElement().asString().endsWith("/extract");
    assertThat(inputs.jsonlFiles()).singleElement().asString().endsWith("/docs.jsonl.gz");
  }

  @Test
  void missingInputIsAnErrorNamingThePath(@TempDir Path tmp) {
    String missing = tmp.resolve("nope/*.warc.gz").toString();
    assertThatThrownBy(() -> resolver.resolve(List.of(missing)))
        .isInstanceOf(InputResolver.InputException.class)
        .hasMessage("input not found: " + missing);
  }

  private static void touch(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, new byte[] {1});
  }
}
