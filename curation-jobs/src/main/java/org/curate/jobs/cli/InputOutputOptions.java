package org.curate.jobs.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code --input PATH...} / {@code --output DIR} convention every stage command keeps. */
public final class InputOutputOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(names = "--input", paramLabel = "PATH", arity = "1..*",
      description = "Input files, directories or globs (local paths or hdfs:/s3a:/file: URIs), repeatable.")
  List<String> inputs = new ArrayList<>();

  @Option(names = "--output", paramLabel = "DIR", description = "Output directory (replaced if it exists).")
  String output;

  List<String> inputs() {
    return inputs;
  }

  String output() {
    return output;
  }

  void requireInput() {
    if (inputs.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "Missing required option: '--input=PATH'");
    }
    if (output == null) {
      throw new ParameterException(spec.commandLine(), "Missing required option: '--output=DIR'");
    }
  }
}
