package org.curate.filters.pii;

import java.util.Locale;
import java.util.Map;

/**
 * The default region libphonenumber needs to read national numbers ("030 1234567" is Berlin only
 * if the text is German), derived from the document's language. Accepts ISO 639-1 codes
 * ({@code de}), tags with a region ({@code en-GB}, {@code pt_BR}: the region wins) and the ISO 639-3
 * codes language-ID models emit ({@code deu}, {@code eng_Latn}). A language spoken in many
 * countries maps to its largest web population; anything unknown falls back to {@code US}.
 */
final class PhoneRegion {
  static final String FALLBACK = "US";

  private static final Map<String, String> BY_LANGUAGE = Map.ofEntries(
      Map.entry("en", "US"), Map.entry("eng", "US"),
      Map.entry("de", "DE"), Map.entry("deu", "DE"), Map.entry("ger", "DE"),
      Map.entry("fr", "FR"), Map.entry("fra", "FR"), Map.entry("fre", "FR"),
      Map.entry("es", "ES"), Map.entry("spa", "ES"),
      Map.entry("it", "IT"), Map.entry("ita", "IT"),
      Map.entry("pt", "BR"), Map.entry("por", "BR"),
      Map.entry("nl", "NL"), Map.entry("nld", "NL"), Map.entry("dut", "NL"),
      Map.entry("pl", "PL"), Map.entry("pol", "PL"),
      Map.entry("ru", "RU"), Map.entry("rus", "RU"),
      Map.entry("uk", "UA"), Map.entry("ukr", "UA"),
      Map.entry("cs", "CZ"), Map.entry("ces", "CZ"), Map.entry("cze", "CZ"),
      Map.entry("sv", "SE"), Map.entry("swe", "SE"),
      Map.entry("da", "DK"), Map.entry("dan", "DK"),
      Map.entry("nb", "NO"), Map.entry("no", "NO"), Map.entry("nob", "NO"), Map.entry("nor", "NO"),
      Map.entry("fi", "FI"), Map.entry("fin", "FI"),
      Map.entry("tr", "TR"), Map.entry("tur", "TR"),
      Map.entry("el", "GR"), Map.entry("ell", "GR"),
      Map.entry("hu", "HU"), Map.entry("hun", "HU"),
      Map.entry("ro", "RO"), Map.entry("ron", "RO"),
      Map.entry("ja", "JP"), Map.entry("jpn", "JP"),
      Map.entry("zh", "CN"), Map.entry("zho", "CN"), Map.entry("cmn", "CN"), Map.entry("chi", "CN"),
      Map.entry("ko", "KR"), Map.entry("kor", "KR"),
      Map.entry("hi", "IN"), Map.entry("hin", "IN"),
      Map.entry("ar", "SA"), Map.entry("arb", "SA"), Map.entry("ara", "SA"),
      Map.entry("he", "IL"), Map.entry("heb", "IL"),
      Map.entry("id", "ID"), Map.entry("ind", "ID"),
      Map.entry("vi", "VN"), Map.entry("vie", "VN"),
      Map.entry("th", "TH"), Map.entry("tha", "TH"));

  private PhoneRegion() {}

  /** The region for {@code lang}, e.g. {@code de} → {@code DE}, {@code en-GB} → {@code GB}, null → {@code US}. */
  static String forLanguage(String lang) {
    if (lang == null || lang.isBlank()) {
      return FALLBACK;
    }
    String[] parts = lang.trim().split("[-_]");
    if (parts.length > 1 && parts[1].length() == 2 && Character.isLetter(parts[1].charAt(0))) {
      return parts[1].toUpperCase(Locale.ROOT);
    }
    return BY_LANGUAGE.getOrDefault(parts[0].toLowerCase(Locale.ROOT), FALLBACK);
  }
}
