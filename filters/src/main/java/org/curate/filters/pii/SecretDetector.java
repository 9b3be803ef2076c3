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
  private static final Pattern SECRET = Pattern.compile(
      "-----BEGIN (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----[\\s\\S]{1,16384}?-----END (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----"
          + "|(?<![A-Za-z0-9])(?:AKIA|ASIA)[0-9A-Z]{16}(?![A-Za-z0-9])"
          + "|(?<=(?i:aws_?secret_?(?:access_?)?key|secret_?access_?key)[\"']?\\s{0,3}[:=]\\s{0,3}[\"']?)[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+])"
          + "|(?<![A-Za-z0-9_])gh[pousr]_[A-Za-z0-9]{36,251}(?![A-Za-z0-9_])"
          + "|(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9_]{22,251}"
          + "|(?<![A-Za-z0-9])xox[baprs]-[A-Za-z0-9][A-Za-z0-9-]{8,}"
          + "|(?<![A-Za-z0-9])[sr]k_live_[A-Za-z0-9]{16,}"
          + "|(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{16,}");
  /** Substrings one of which every pattern above needs; text with none of them is skipped. */
  private static final String[] MARKERS = {"PRIVATE KEY", "AKIA", "ASIA", "ecret", "ECRET", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "xox",
      "k_live_", "eyJ"};

  @Override
  public PiiType type() {
    return PiiType.SECRET;
  }

  @Override
  public void find(String text, String lang, List<PiiSpan> out) {
    if (!mayContain(text)) {
      return;
    }
    Matcher m = SECRET.matcher(text);
    while (m.find()) {
      out.add(new PiiSpan(PiiType.SECRET, m.start(), m.end()));
    }
  }

  private static boolean mayContain(String text) {
    for (String marker : MARKERS) {
      if (text.contains(marker)) {
        return true;
      }
    }
    return false;
  }
}
