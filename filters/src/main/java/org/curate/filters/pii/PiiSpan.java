package org.curate.filters.pii;

/** A detected value: its kind and its {@code [start, end)} range in the text (UTF-16 indices). */
public record PiiSpan(PiiType type, int start, int end) {
  public PiiSpan {
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
    }
  }

  public boolean overlaps(PiiSpan other) {
    return start < other.end && other.start < end;
  }

  public String in(String text) {
    return text.substring(start, end);
  }
}
