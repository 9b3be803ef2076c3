package org.curate.jobs.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Executes {@code notebooks/quality_report.ipynb} with {@code jupyter nbconvert --execute} on a
 * sample run of this build's application jar (plus a JSONL export of the filter stage, the
 * per-document measures the score plots read). The executed notebook is kept as
 * {@code target/notebook/quality_report.ipynb}.
 *
 * <p>Needs Debian's {@code jupyter-nbconvert python3-ipykernel python3-pandas python3-matplotlib}.
 * Without jupyter the test is skipped with that message, unless {@code CURATE_REQUIRE_NOTEBOOK=1}
 * (set by {@code .ci/run} once the packages are installed), which makes it a failure.
 */
class QualityNotebookIT {
  private static final Path OUT = Path.of("target", "notebook");

  @Test
  void notebookExecutesOnASampleRunAndPlotsEverySection(@TempDir Path tmp) throws Exception {
    boolean required = "1".equals(System.getenv("CURATE_REQUIRE_NOTEBOOK"));
    boolean available = runs(List.of("jupyter", "nbconvert", "--version"), tmp.resolve("version.log"));
    if (required) {
      assertThat(available).as("CURATE_REQUIRE_NOTEBOOK=1 but `jupyter nbconvert` does not run").isTrue();
    }
    assumeTrue(available, "jupyter nbconvert not installed (Debian: apt-get install jupyter-nbconvert "
        + "python3-ipykernel python3-pandas python3-matplotlib): the quality notebook is NOT executed");

    Path repo = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
    Path run = tmp.resolve("run");
    ChildJvm.sparkSubmit("notebook-run", OUT.resolve("run.log"), List.of("run", "--output", run.toString()), tmp);
    ChildJvm.sparkSubmit("notebook-export", OUT.resolve("export.log"), List.of("export",
        "--input", run.resolve("filter").toString(), "--output", run.resolve("exports/filter.jsonl").toString()), tmp);

    Files.createDirectories(OUT);
    Path log = OUT.resolve("nbconvert.log");
    ProcessBuilder nbconvert = new ProcessBuilder("jupyter", "nbconvert", "--to", "notebook", "--execute",
        "--ExecutePreprocessor.timeout=600", repo.resolve("notebooks/quality_report.ipynb").toString(),
        "--output-dir", OUT.toAbsolutePath().toString(), "--output", "quality_report.ipynb")
        .redirectErrorStream(true).redirectOutput(log.toFile());
    nbconvert.environment().putAll(Map.of("CURATE_RUN", run.toString(), "MPLBACKEND", "Agg"));
    Process process = nbconvert.start();
    assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("nbconvert finished").isTrue();
    assertThat(process.exitValue()).as("nbconvert exit status:%n%s", Files.readString(log)).isZero();

    JsonNode notebook = new ObjectMapper().readTree(OUT.resolve("quality_report.ipynb").toFile());
    int images = 0;
    StringBuilder text = new StringBuilder();
    for (JsonNode cell : notebook.get("cells")) {
      for (JsonNode output : cell.path("outputs")) {
        assertThat(output.path("output_type").asText()).as("an output cell errored: %s", output).isNotEqualTo("error");
        if (output.path("data").has("image/png")) {
          images++;
        }
        output.path("text").forEach(line -> text.append(line.asText()));
        text.append(output.path("text").isTextual() ? output.path("text").asText() : "");
      }
    }
    // Funnel, drop reasons, rewrites (the sample has PII), at least one grid of score histograms.
    assertThat(images).as("plots in the executed notebook").isGreaterThanOrEqualTo(4);
    assertThat(text.toString()).contains("read " + run.resolve("report/stats.json"))
        .contains("exports/filter.jsonl: ")
        .containsPattern("[1-9][0-9]* distributions plotted");
  }

  private static boolean runs(List<String> command, Path log) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      return p.waitFor(2, TimeUnit.MINUTES) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
