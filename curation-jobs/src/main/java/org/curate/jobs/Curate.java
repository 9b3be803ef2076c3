package org.curate.jobs;

import org.apache.spark.sql.SparkSession;
import org.curate.jobs.cli.ConfigCommand;
import org.curate.jobs.cli.DecontaminateCommand;
import org.curate.jobs.cli.ExportCommand;
import org.curate.jobs.classify.TrainClassifierCommand;
import org.curate.jobs.cli.ExtractCommand;
import org.curate.jobs.cli.ExtractHtmlCommand;
import org.curate.jobs.cli.FilterCommand;
import org.curate.jobs.cli.ReportCommand;
import org.curate.jobs.cli.RunCommand;
import org.curate.jobs.cli.TokenizeCommand;
import org.curate.jobs.cli.TrainTokenizerCommand;
import org.curate.jobs.cli.VerifyShardsCommand;
import org.curate.jobs.dedup.DedupCommand;
import org.curate.jobs.io.InputResolver;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code curate} command line, and the main class for {@code spark-submit --class
 * org.curate.jobs.Curate curation-jobs.jar <command> ...}.
 */
@Command(name = "curate", mixinStandardHelpOptions = true, version = "curate 0.1.0-SNAPSHOT",
    subcommands = {RunCommand.class, ExtractCommand.class, ExtractHtmlCommand.class, FilterCommand.class, DedupCommand.class,
        DecontaminateCommand.class, TrainTokenizerCommand.class, TokenizeCommand.class, VerifyShardsCommand.class,
        TrainClassifierCommand.class, ExportCommand.class, ReportCommand.class, ConfigCommand.class},
    description = {
        "Curate web crawls into clean pretraining data on Apache Spark.",
        "Every stage writes Parquet, _stats.json (in/out/dropped/failed by reason) and _rejects/.",
        ""})
public final class Curate implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    int code = execute(args);
    SparkSession.getActiveSession().foreach(s -> {
      s.stop();
      return null;
    });
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Runs the CLI without exiting the JVM (tests, embedding); returns the exit status. */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new Curate());
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      // Bad inputs and bad configuration are the user's to fix: one clear line, exit status 2.
      if (e instanceof InputResolver.InputException || e instanceof IllegalArgumentException) {
        commandLine.getErr().println("curate: " + e.getMessage());
        return 2;
      }
      throw e;
    });
    return cli.execute(args);
  }
}
