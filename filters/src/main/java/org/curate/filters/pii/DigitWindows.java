package org.curate.filters.pii;

import java.util.Arrays;

/**
 * The parts of a text where a phone number can be: clusters of decimal digits (any script) whose
 * neighbouring digits are at most {@link #MAX_GAP} characters apart and that hold at least a given
 * number of digits, each widened by {@link #CONTEXT} characters on both sides, overlapping windows
 * merged.
 *
 * <p>Why these bounds: a libphonenumber match is digit groups joined by at most a few punctuation
 * or space characters, optionally followed by an extension marker ("ext.", "extension", "#",
 * ";ext=") and its digits; no gap inside one match comes near {@code MAX_GAP}. The matcher also
 * looks at the characters just before and after a candidate (a Latin letter or a currency sign
 * there rejects it) and the context margin keeps those in view. {@code PhoneDetectorTest} checks
 * that windowed and whole-text runs find the same numbers on the labelled PII sets.
 */
final class DigitWindows {
  static final int MAX_GAP = 24;
  static final int CONTEXT = 40;

  private DigitWindows() {}

  /** Window bounds as {@code [start0, end0, start1, end1, ...]}, ordered and disjoint. */
  static int[] of(String text, int minDigits) {
    int[] out = new int[8];
    int n = 0;
    int clusterStart = -1;
    int lastDigit = -1;
    int digits = 0;
    int length = text.length();
    for (int i = 0; i <= length; i++) {
      boolean digit = i < length && Character.isDigit(text.charAt(i));
      if (i == length || (digit && clusterStart >= 0 && i - lastDigit > MAX_GAP)) {
        if (clusterStart >= 0 && digits >= minDigits) {
          int start = Math.max(0, clusterStart - CONTEXT);
          int end = Math.min(length, lastDigit + 1 + CONTEXT);
          if (n > 0 && start <= out[n - 1]) {
            out[n - 1] = end;
          } else {
            if (n + 2 > out.length) {
              out = Arrays.copyOf(out, out.length * 2);
            }
            out[n++] = start;
            out[n++] = end;
          }
        }
        clusterStart = -1;
        digits = 0;
      }
      if (digit) {
        if (clusterStart < 0) {
          clusterStart = i;
        }
        lastDigit = i;
        digits++;
      }
    }
    return Arrays.copyOf(out, n);
  }
}
