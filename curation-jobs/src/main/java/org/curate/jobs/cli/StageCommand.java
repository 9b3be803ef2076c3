package org.curate.jobs.cli;

import java.nio.file.Path;
import java.util.List;
import org.curate.jobs.spark.Stage;

/**
 * A subcommand that is also a pipeline stage. {@code curate run} builds every stage of a pipeline
 * config by parsing the stage's keys as this command's long options ({@code max_payload_bytes: 5}
 * becomes {@code --max-payload-bytes=5}), so one declaration gives the CLI, the config keys, their
 * types, their defaults and {@code curate config --example}.
 */
public interface StageCommand {
  /** The stage, from the parsed options; a bad value is an {@link IllegalArgumentException}. No Spark work. */
  Stage stage();

  /**
   * Local files the stage reads besides its input (configs, lists, models). Their size and
   * modification time are part of the stage's fingerprint, so editing one re-runs the stage.
   */
  default List<Path> referencedFiles() {
    return List.of();
  }

  /**
   * Whether the stage writes documents. When it does not (a tokenizer, token shards), the next
   * stage of a pipeline reads what this one read.
   */
  default boolean outputsDocuments() {
    return true;
  }
}
