package org.curate.jobs.filter;

import java.util.List;
import org.curate.core.Document;
import org.curate.core.DocumentStep;
import org.curate.core.Outcome;
import org.curate.filters.FilterFactory;
import org.curate.filters.FilterParams;

/** Two tiny filters registered for tests only, to exercise the stage without the real filters. */
public final class TestFilters {
  private TestFilters() {}

  /** Drops documents shorter than {@code min_chars}; tags their length. */
  public static final class MinChars implements FilterFactory {
    @Override
    public String name() {
      return "test_min_chars";
    }

    @Override
    public DocumentStep create(FilterParams params) {
      int min = params.getInt("min_chars", 10);
      return d -> {
        Document measured = d.withTag("test_min_chars.chars", d.text().length());
        return d.text().length() < min
            ? Outcome.drop("test_min_chars:too_short", "chars=" + d.text().length() + " min=" + min, measured)
            : Outcome.keep(measured);
      };
    }
  }

  /** Replaces digits with '#', saying so. */
  public static final class MaskDigits implements FilterFactory {
    @Override
    public String name() {
      return "test_mask_digits";
    }

    @Override
    public DocumentStep create(FilterParams params) {
      return d -> {
        String masked = d.text().replaceAll("[0-9]", "#");
        return masked.equals(d.text()) ? Outcome.keep(d)
            : Outcome.changed(d.withText(masked), List.of("test_mask_digits:digits"));
      };
    }
  }

  /**
   * Fault injection: the first attempt of the task for partition 0 dies (an Error, so no
   * per-document handler swallows it); Spark's retry must then produce the undisturbed result.
   */
  public static final class FailFirstAttempt implements FilterFactory {
    @Override
    public String name() {
      return "test_fail_first_attempt";
    }

    @Override
    public DocumentStep create(FilterParams params) {
      boolean enabled = params.getBoolean("enabled", true);
      return d -> {
        org.apache.spark.TaskContext task = org.apache.spark.TaskContext.get();
        if (enabled && task != null && task.attemptNumber() == 0 && task.partitionId() == 0) {
          throw new InjectedFault("injected fault in task " + task.taskAttemptId() + " at document " + d.id());
        }
        return Outcome.keep(d);
      };
    }
  }

  /** The error the fault injector throws. */
  public static final class InjectedFault extends Error {
    private static final long serialVersionUID = 1L;

    InjectedFault(String message) {
      super(message);
    }
  }
}
