package org.curate.extract.html;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Normalises a language a page declares ({@code <html lang>}, meta tags, {@code og:locale}) to a
 * lowercase BCP-47 prefix: language, then script and region when present ({@code en},
 * {@code en-us}, {@code zh-hant-tw}, {@code sr-latn}); variants, extensions and private-use parts
 * are dropped, {@code _} is read as {@code -}. Two-letter languages must be ISO 639-1 codes
 * (deprecated {@code iw/in/ji} become {@code he/id/yi}); three-letter ISO 639-2 codes with a
 * two-letter equivalent become it ({@code deu} → {@code de}), other three-letter codes are kept
 * when the JDK's locale data names the language ({@code yue}, {@code fil}, {@code gsw}), so that
 * {@code UTF-8} in a language meta tag is not read as a language {@code utf}. Anything else is
 * junk and gives null: empty, over 35 characters, template placeholders ({@code {{lang}}}), lists
 * ({@code en, fr}: no single language), and the codes that say nothing ({@code und}, {@code mul},
 * {@code zxx}, {@code mis}). Where {@code names} is allowed (meta tags, free text in practice), a
 * language's English or native name is accepted too ({@code English}, {@code Deutsch}), from the
 * JDK's locale data.
 */
final class LanguageTags {
  private LanguageTags() {}

  /** RFC 5646's longest registered tags are about this long; longer values are not tags. */
  static final int MAX_LENGTH = 35;

  private static final Pattern SUBTAG = Pattern.compile("[a-z0-9]{1,8}");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
  private static final Pattern SCRIPT = Pattern.compile("[a-z]{4}");
  private static final Pattern REGION = Pattern.compile("[a-z]{2}|[0-9]{3}");
  private static final Set<String> UNINFORMATIVE = Set.of("und", "mul", "zxx", "mis");
  private static final Map<String, String> DEPRECATED = Map.of("iw", "he", "in", "id", "ji", "yi");

  private static final Set<String> ISO_639_1 = new HashSet<>();
  private static final Map<String, String> ISO_639_2_TO_1 = new HashMap<>();
  private static final Map<String, String> NAMES = new HashMap<>();

  static {
    for (String code : Locale.getISOLanguages()) {
      String modern = DEPRECATED.getOrDefault(code, code);
      ISO_639_1.add(modern);
      Locale locale = new Locale(code);
      try {
        ISO_639_2_TO_1.putIfAbsent(locale.getISO3Language(), modern);
      } catch (java.util.MissingResourceException e) {
        // no three-letter code known for it: nothing to map
      }
      for (String name : new String[] {locale.getDisplayLanguage(Locale.ENGLISH), locale.getDisplayLanguage(locale)}) {
        String key = name.toLowerCase(Locale.ROOT);
        if (!key.isEmpty() && !key.equals(code)) NAMES.putIfAbsent(key, modern);
      }
    }
  }

  /** The normalised tag, or null for junk; {@code names}: also accept a language's name. */
  static String normalise(String raw, boolean names) {
    if (raw == null) return null;
    String s = raw.strip();
    if (s.isEmpty() || s.length() > MAX_LENGTH) return null;
    s = s.toLowerCase(Locale.ROOT).replace('_', '-');
    if (names) {
      String byName = NAMES.get(s);
      if (byName != null) return byName;
    }
    String[] parts = s.split("-", -1);
    for (String part : parts) {
      if (!SUBTAG.matcher(part).matches()) return null;
    }
    String language = parts[0];
    if (!LANGUAGE.matcher(language).matches()) return null;
    if (language.length() == 2) {
      language = DEPRECATED.getOrDefault(language, language);
      if (!ISO_639_1.contains(language)) return null;
    } else if (ISO_639_2_TO_1.containsKey(language)) {
      language = ISO_639_2_TO_1.get(language);
    } else if (UNINFORMATIVE.contains(language) || !hasName(language)) {
      return null;
    }
    StringBuilder tag = new StringBuilder(language);
    int i = 1;
    if (i < parts.length && SCRIPT.matcher(parts[i]).matches()) tag.append('-').append(parts[i++]);
    if (i < parts.length && REGION.matcher(parts[i]).matches()) tag.append('-').append(parts[i]);
    return tag.toString();
  }

  /** Whether the JDK's locale data knows a name for a language code (it echoes unknown codes back). */
  private static boolean hasName(String code) {
    String name = new Locale(code).getDisplayLanguage(Locale.ENGLISH);
    return !name.isEmpty() && !name.equalsIgnoreCase(code);
  }
}
