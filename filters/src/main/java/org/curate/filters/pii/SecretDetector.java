package org.curate.filters.pii;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Credentials that leak into pages and pasted code: PEM private-key blocks, AWS access key ids
 * ({@code AKIA}/{@code ASIA} + 16) and, after an AWS secret-key name, the 40-character secret;
 * GitHub tokens ({@code ghp_}, {@code gho_}, ... and fine-grained {@code github_pat_}); Slack
 * tokens ({@code xoxb-}, ...); Stripe live keys; JSON web tokens (two base64url JSON parts
 * starting {@code eyJ} plus a signature). Each has a fixed, documented prefix, so a match is
 * almost never innocent; generic high-entropy strings are left alone (hashes, ids, base64 images).
 */
public final class SecretDetector implements PiiDetector {
  /** A kind of secret: a substring it cannot appear without (a cheap pre-check) and its pattern. */
  private record Kind(String marker, Pattern pattern, int group) {}

  private static final List<Kind> KINDS = List.of(
      new Kind("PRIVATE KEY", Pattern.compile("-----BEGIN (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----[\\s\\S]{1,16384}?"
          + "-----END (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----"), 0),
      new Kind("AKIA", Pattern.compile("(?<![A-Za-z0-9])AKIA[0-9A-Z]{16}(?![A-Za-z0-9])"), 0),
      new Kind("ASIA", Pattern.compile("(?<![A-Za-z0-9])ASIA[0-9A-Z]{16}(?![A-Za-z0-9])"), 0),
      // The 40-character AWS secret is only recognisable by the name in front of it.
      new Kind("ecret", Pattern.compile("(?i:aws_?secret_?(?:access_?)?key|secret_?access_?key)[\"']?\\s{0,3}[:=]\\s{0,3}"
          + "[\"']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])"), 1),
      new Kind("ECRET", Pattern.compile("(?i:aws_?secret_?(?:access_?)?key|secret_?access_?key)[\"']?\\s{0,3}[:=]\\s{0,3}"
          + "[\"']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])"), 1),
      new Kind("_", Pattern.compile("(?<![A-Za-z0-9_])gh[pousr]_[A-Za-z0-9]{36,251}(?![A-Za-z0-9_])"), 0),
      new Kind("github_pat_", Pattern.compile("(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9_]{22,251}"), 0),
      new Kind("xox", Pattern.compile("(?<![A-Za-z0-9])xox[baprs]-[A-Za-z0-9][A-Za-z0-9-]{8,}"), 0),
      new Kind("k_live_", Pattern.compile("(?<![A-Za-z0-9])[sr]k_live_[A-Za-z0-9]{16,}"), 0),
      new Kind("eyJ", Pattern.compile("(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{16,}"), 0));

  @Override
  public PiiType type() {
    return PiiType.SECRET;
  }

  @Override
  public void find(String text, String lang, List<PiiSpan> out) {
    int firstOwn = out.size();
    for (Kind kind : KINDS) {
      if (!text.contains(kind.marker())) {
        continue;
      }
      Matcher m = kind.pattern().matcher(text);
      while (m.find()) {
        PiiSpan span = new PiiSpan(PiiType.SECRET, m.start(kind.group()), m.end(kind.group()));
        // A JWT inside a PEM block, or a name matched by both marker spellings: report it once.
        if (out.subList(firstOwn, out.size()).stream().noneMatch(span::overlaps)) {
          out.add(span);
        }
      }
    }
  }
}
