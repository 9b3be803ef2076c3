package org.curate.extract;

/** Thrown while extracting one record when the record fails for a known reason (not a bug). */
final class RecordFailure extends RuntimeException {
  private final String reason;

  RecordFailure(String reason, String detail) {
    super(detail, null, false, false);
    this.reason = reason;
  }

  String reason() {
    return reason;
  }
}
