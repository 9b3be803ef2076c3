package org.curate.jobs.cli;

import java.util.Map;
import java.util.function.Supplier;
import org.curate.jobs.Curate;
import picocli.CommandLine;

/** Test access to the cli package's stage command table and example. */
public final class ConfigCommandAccess {
  private ConfigCommandAccess() {}

  public static Map<String, Supplier<Object>> stageCommands() {
    return RunCommand.stageCommands(new CommandLine(new Curate()));
  }

  public static String example() {
    return ConfigCommand.example(stageCommands());
  }
}
