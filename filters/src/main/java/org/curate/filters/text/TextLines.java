package org.curate.filters.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Lines and paragraphs of a text as trimmed spans (offsets, no copies). Lines are split on
 * {@code \n} (a trailing {@code \r} is trimmed with the other whitespace); blank lines (only
 * whitespace) are left out. Paragraphs are runs of non-blank lines separated by one or more blank
 * lines, which is {@code \n{2,}} when blank lines are truly empty and also treats a line of spaces
 * as a separator.
 */
public final class TextLines {
  private int[] starts;
  private int[] ends;
  private int count;

  private TextLines(int capacity) {
    starts = new int[capacity];
    ends = new int[capacity];
  }

  /** The non-blank lines of {@code text}, trimmed. */
  public static TextLines linesOf(CharSequence text) {
    TextLines out = new TextLines(16);
    int n = text.length();
    int lineStart = 0;
    for (int i = 0; i <= n; i++) {
      if (i == n || text.charAt(i) == '\n') {
        out.addTrimmed(text, lineStart, i);
        lineStart = i + 1;
      }
    }
    return out;
  }

  /** The paragraphs of {@code text}, trimmed: from the first to the last line of each run. */
  public static TextLines paragraphsOf(CharSequence text) {
    TextLines out = new TextLines(8);
    int n = text.length();
    int lineStart = 0;
    int paraStart = -1;
    int paraEnd = -1;
    for (int i = 0; i <= n; i++) {
      if (i == n || text.charAt(i) == '\n') {
        if (isBlank(text, lineStart, i)) {
          if (paraStart >= 0) {
            out.addTrimmed(text, paraStart, paraEnd);
            paraStart = -1;
          }
        } else {
          if (paraStart < 0) {
            paraStart = lineStart;
          }
          paraEnd = i;
        }
        lineStart = i + 1;
      }
    }
    if (paraStart >= 0) {
      out.addTrimmed(text, paraStart, paraEnd);
    }
    return out;
  }

  /** The non-blank lines of {@code text}, trimmed, as strings. */
  public static List<String> lines(CharSequence text) {
    return linesOf(text).toStrings(text);
  }

  /** The paragraphs of {@code text}, trimmed, as strings. */
  public static List<String> paragraphs(CharSequence text) {
    return paragraphsOf(text).toStrings(text);
  }

  public int count() {
    return count;
  }

  public int start(int i) {
    return starts[i];
  }

  public int end(int i) {
    return ends[i];
  }

  public int length(int i) {
    return ends[i] - starts[i];
  }

  public List<String> toStrings(CharSequence text) {
    List<String> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(text.subSequence(starts[i], ends[i]).toString());
    }
    return out;
  }

  private void addTrimmed(CharSequence text, int start, int end) {
    while (start < end && WordSegmenter.isSpace(text.charAt(start))) {
      start++;
    }
    while (end > start && WordSegmenter.isSpace(text.charAt(end - 1))) {
      end--;
    }
    if (start == end) {
      return;
    }
    if (count == starts.length) {
      starts = java.util.Arrays.copyOf(starts, count * 2);
      ends = java.util.Arrays.copyOf(ends, count * 2);
    }
    starts[count] = start;
    ends[count] = end;
    count++;
  }

  static boolean isBlank(CharSequence text, int start, int end) {
    for (int i = start; i < end; i++) {
      if (!WordSegmenter.isSpace(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
