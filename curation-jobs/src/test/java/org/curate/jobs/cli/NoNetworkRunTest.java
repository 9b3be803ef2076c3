package org.curate.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.curate.jobs.RunAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 item 7: {@code curate run} on the built-in sample in a separate JVM inside a network
 * namespace that has only loopback ({@code unshare -rn}, then {@code ip link set lo up}); it must
 * succeed. Then the original PII values planted in the sample (found by scanning the sample WARC
 * itself for e-mail addresses and card numbers) must appear nowhere in the run's log output nor in
 * the report and stats files. Skipped where user namespaces are not available.
 */
class NoNetworkRunTest {
  private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
  private static final Pattern CARD = Pattern.compile("\\b\\d(?:[ -]?\\d){12,18}\\b");

  @TempDir Path tmp;

  private static boolean unshareWorks() {
    try {
      Process p = new ProcessBuilder("unshare", "-rn", "sh", "-c", "ip link set lo up").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Test
  @Timeout(600)
  void runSucceedsWithoutNetworkAndLeaksNoPlantedPii() throws Exception {
    assumeTrue(unshareWorks(), "unshare -rn (with ip link set lo up) is not available here");
    Path out = tmp.resolve("run");
    String jvmOptions;
    try (InputStream in = NoNetworkRunTest.class.getResourceAsStream("/org/curate/jobs/spark-jvm-options.txt")) {
      jvmOptions = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> javaCommand = new ArrayList<>(List.of(java));
    if (!jvmOptions.isEmpty()) {
      javaCommand.addAll(List.of(jvmOptions.split("\\s+")));
    }
    javaCommand.add("-Dcurate.models.dir=" + System.getProperty("curate.models.dir", "../models"));
    javaCommand.addAll(List.of("-Xmx2g", "-cp", System.getProperty("java.class.path"), "org.curate.jobs.Curate",
        "run", "--output", out.toString(), "--master", "local[2]",
        "--conf", "spark.ui.enabled=false", "--conf", "spark.driver.bindAddress=127.0.0.1",
        "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.sql.shuffle.partitions=2"));
    // inside the namespace: bring loopback up, show the interfaces, then run the CLI
    String script = "ip link set lo up && echo \"LINKS: $(ip -o link show | awk -F': ' '{print $2}' | tr '\\n' ' ')\" && exec \"$@\"";
    List<String> command = new ArrayList<>(List.of("unshare", "-rn", "sh", "-c", script, "sh"));
    command.addAll(javaCommand);
    Path log = tmp.resolve("run.log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    Process process = builder.start();
    boolean finished = process.waitFor(540, TimeUnit.SECONDS);
    if (!finished) {
      process.destroyForcibly();
    }
    String output = Files.readString(log, StandardCharsets.ISO_8859_1);
    assertThat(finished).as("run finished; log:%n%s", tail(output)).isTrue();
    assertThat(process.exitValue()).as("exit status; log:%n%s", tail(output)).isZero();
    assertThat(output).as("the namespace has loopback only").containsPattern("LINKS: lo \\n");
    RunAssertions.assertConservedAndChained(out, RunAssertions.SAMPLE_STAGES);

    // the PII planted in the sample, read from the sample crawl itself
    // the sample holds a deliberately truncated gzip member: keep what inflates before it
    java.io.ByteArrayOutputStream inflated = new java.io.ByteArrayOutputStream();
    try (InputStream in = new GZIPInputStream(Files.newInputStream(out.resolve("input/sample-crawl.warc.gz")))) {
      byte[] buffer = new byte[8192];
      for (int n; (n = in.read(buffer)) > 0; ) {
        inflated.write(buffer, 0, n);
      }
    } catch (IOException e) {
      // the broken member: everything before it is in `inflated`
    }
    String crawl = inflated.toString(StandardCharsets.UTF_8);
    Set<String> pii = new TreeSet<>();
    Matcher email = EMAIL.matcher(crawl);
    while (email.find()) {
      if (!email.group().startsWith("<") && !email.group().contains("uuid")) {
        pii.add(email.group());
      }
    }
    Matcher card = CARD.matcher(crawl);
    while (card.find()) {
      String digits = card.group().replaceAll("[ -]", "");
      if (luhn(digits)) {
        pii.add(card.group());
      }
    }
    assertThat(pii).as("planted PII found in the sample").hasSizeGreaterThanOrEqualTo(5);

    List<Path> reportFiles;
    try (Stream<Path> walk = Files.walk(out)) {
      reportFiles = walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".crc"))
          .filter(p -> p.toString().contains("/report/") || p.getFileName().toString().equals("_stats.json"))
          .toList();
    }
    assertThat(reportFiles).hasSizeGreaterThanOrEqualTo(4);
    for (String value : pii) {
      assertThat(output).as("run log").doesNotContain(value);
      for (Path file : reportFiles) {
        assertThat(Files.readString(file, StandardCharsets.ISO_8859_1)).as("%s", file).doesNotContain(value);
      }
    }
  }

  private static boolean luhn(String digits) {
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int d = digits.charAt(digits.length() - 1 - i) - '0';
      if (i % 2 == 1) {
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      }
      sum += d;
    }
    return sum % 10 == 0;
  }

  private static String tail(String text) {
    return text.length() <= 6000 ? text : text.substring(text.length() - 6000);
  }
}
