package org.curate.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the inputs a Jazzer fuzz target ran and prints the count, so a CI log shows that fuzzing
 * happened; when Jazzer was fuzzing ({@code JAZZER_FUZZ} set), a run of fewer than
 * {@link #MIN_FUZZING_EXECUTIONS} inputs fails, because then the target did not really fuzz.
 */
public final class FuzzExecutions {
  /** Several times the seeds a target replays (about 60): proof that mutated inputs ran, even on a loaded machine. */
  static final long MIN_FUZZING_EXECUTIONS = 300;

  private final String target;
  private final AtomicLong count = new AtomicLong();

  public FuzzExecutions(String target) {
    this.target = target;
  }

  public void add() {
    count.incrementAndGet();
  }

  /** Call from {@code @AfterAll}. */
  public void report() {
    String fuzz = System.getenv("JAZZER_FUZZ");
    boolean fuzzing = fuzz != null && !fuzz.isEmpty();
    System.out.printf("%s: %d inputs executed (%s)%n", target, count.get(),
        fuzzing ? "coverage-guided fuzzing" : "regression: seeds and stored inputs only");
    if (fuzzing) {
      assertThat(count.get()).as("inputs %s ran while fuzzing", target).isGreaterThanOrEqualTo(MIN_FUZZING_EXECUTIONS);
    }
  }
}
