package org.curate.core;

import java.util.List;
import java.util.Objects;

/**
 * What one step did with one item: kept it (possibly changed, saying how), dropped it on purpose,
 * or failed on it. Dropped and failed always carry a stable reason code ({@link ReasonCode}) so
 * that every item that leaves the pipeline is counted under a reason.
 *
 * <p>"Dropped" is a decision about good input (a filter said no, a record is not a page);
 * "failed" means the input was broken or could not be processed (truncated gzip, bad HTTP).
 */
public sealed interface Outcome<T> permits Outcome.Kept, Outcome.Dropped, Outcome.Failed {

  /** Kept; {@code changes} lists reason-like codes of rewrites applied (empty when untouched). */
  record Kept<T>(T value, List<String> changes) implements Outcome<T> {
    public Kept {
      Objects.requireNonNull(value, "value");
      changes = List.copyOf(changes);
      changes.forEach(ReasonCode::check);
    }
  }

  /**
   * Dropped on purpose; {@code detail} is free text for logs and reject listings. {@code value},
   * when not null, is the item as the step saw it, with what it measured (tags): a filter in
   * tag-only mode keeps it instead of dropping it.
   */
  record Dropped<T>(String reason, String detail, T value) implements Outcome<T> {
    public Dropped {
      ReasonCode.check(reason);
      detail = detail == null ? "" : detail;
    }

    public Dropped(String reason, String detail) {
      this(reason, detail, null);
    }
  }

  /** Could not be processed; {@code detail} names what was wrong, for the operator. */
  record Failed<T>(String reason, String detail) implements Outcome<T> {
    public Failed {
      ReasonCode.check(reason);
      detail = detail == null ? "" : detail;
    }
  }

  static <T> Outcome<T> keep(T value) {
    return new Kept<>(value, List.of());
  }

  static <T> Outcome<T> changed(T value, List<String> changes) {
    return new Kept<>(value, changes);
  }

  static <T> Outcome<T> drop(String reason, String detail) {
    return new Dropped<>(reason, detail);
  }

  /** Dropped, keeping the measured item so that a tag-only run can keep it instead. */
  static <T> Outcome<T> drop(String reason, String detail, T measured) {
    return new Dropped<>(reason, detail, measured);
  }

  static <T> Outcome<T> fail(String reason, String detail) {
    return new Failed<>(reason, detail);
  }

  default boolean isKept() {
    return this instanceof Kept;
  }

  /** The reason code of a drop or failure; {@code null} when kept. */
  default String reason() {
    if (this instanceof Dropped<T> d) {
      return d.reason();
    }
    if (this instanceof Failed<T> f) {
      return f.reason();
    }
    return null;
  }
}
