package org.curate.filters.safety;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The word checks of datatrove's {@code URLFilter} (FineWeb), applied to the URL string as
 * given (scheme included):
 * <ol>
 *   <li><b>banned word</b>: the URL split on {@code [^a-zA-Z0-9]+} gives tokens; drop when any
 *       token is a banned word ({@code sex} fires on {@code /sex-toys}, not on {@code /sexton});
 *   <li><b>soft-banned words</b>: drop when at least {@code threshold} (datatrove: 2)
 *       <em>distinct</em> soft-banned words are tokens of the URL (datatrove builds a token set);
 *   <li><b>banned subword</b>: drop when any banned subword is a substring of the URL with every
 *       non-alphanumeric removed and lower-cased ({@code https://x.com/Free-PORN} →
 *       {@code httpsxcomfreeporn}), found with Aho–Corasick as datatrove does.
 * </ol>
 * List entries are normalised like datatrove's {@code load_list}: non-alphanumerics removed,
 * lower case. One deliberate difference: tokens are lower-cased before the lookup. datatrove
 * splits the raw URL and compares against lower-case lists, so {@code /PORN/} escapes its
 * banned-word check (it is then caught only if it is also a subword); here it does not.
 * Only ASCII letters and digits count as word characters, as in datatrove's regex.
 */
public final class UrlWordRules {
  /** Which rule fired and on what; {@code null} from {@link #check} when none did. */
  public record Hit(String rule, String matched) {}

  public static final String BANNED_WORD = "banned_word";
  public static final String SOFT_BANNED_WORDS = "soft_banned_words";
  public static final String BANNED_SUBWORD = "banned_subword";

  private final Set<String> bannedWords;
  private final Set<String> softBannedWords;
  private final int softThreshold;
  private final AhoCorasick bannedSubwords;

  public UrlWordRules(List<String> bannedWords, List<String> softBannedWords, int softThreshold,
      List<String> bannedSubwords) {
    if (softThreshold < 1) {
      throw new IllegalArgumentException("soft_word_threshold must be at least 1, got " + softThreshold);
    }
    this.bannedWords = normalizedSet(bannedWords);
    this.softBannedWords = normalizedSet(softBannedWords);
    this.softThreshold = softThreshold;
    this.bannedSubwords = new AhoCorasick(normalizedSet(bannedSubwords));
  }

  public boolean isEmpty() {
    return bannedWords.isEmpty() && softBannedWords.isEmpty() && bannedSubwords.patternCount() == 0;
  }

  public Hit check(String url) {
    if (url == null || isEmpty()) {
      return null;
    }
    Set<String> tokens = new HashSet<>();
    for (String token : url.split("[^a-zA-Z0-9]+")) {
      if (!token.isEmpty()) {
        tokens.add(token.toLowerCase(Locale.ROOT));
      }
    }
    for (String token : tokens) {
      if (bannedWords.contains(token)) {
        return new Hit(BANNED_WORD, token);
      }
    }
    StringBuilder soft = new StringBuilder();
    int softCount = 0;
    for (String token : tokens) {
      if (softBannedWords.contains(token)) {
        softCount++;
        soft.append(soft.length() == 0 ? "" : ",").append(token);
      }
    }
    if (softCount >= softThreshold) {
      return new Hit(SOFT_BANNED_WORDS, soft.toString());
    }
    String squashed = alphanumericLowerCase(url);
    String[] subword = {null};
    bannedSubwords.scan(squashed, (start, end, id) -> {
      subword[0] = bannedSubwords.pattern(id);
      return false;
    });
    return subword[0] == null ? null : new Hit(BANNED_SUBWORD, subword[0]);
  }

  /** datatrove's {@code normalize}: drop everything but ASCII letters and digits, lower-case. */
  static String alphanumericLowerCase(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        out.append((char) (c + ('a' - 'A')));
      } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static Set<String> normalizedSet(List<String> entries) {
    Set<String> out = new HashSet<>();
    for (String e : entries) {
      String n = alphanumericLowerCase(e);
      if (!n.isEmpty()) {
        out.add(n);
      }
    }
    return out;
  }
}
