package org.curate.extract.charset;

import java.nio.charset.Charset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Maps a charset label found in a header or a meta tag to a Java charset, the way browsers do:
 * labels that browsers treat as supersets (latin1 means windows-1252, gb2312 means GBK) map to the
 * superset, because pages labelled with the narrow name routinely use the wider repertoire.
 */
public final class CharsetLabels {
  private static final Map<String, String> WHATWG_SUPERSETS = Map.ofEntries(
      Map.entry("iso-8859-1", "windows-1252"),
      Map.entry("iso8859-1", "windows-1252"),
      Map.entry("iso_8859-1", "windows-1252"),
      Map.entry("latin1", "windows-1252"),
      Map.entry("l1", "windows-1252"),
      Map.entry("us-ascii", "windows-1252"),
      Map.entry("ascii", "windows-1252"),
      Map.entry("cp1252", "windows-1252"),
      Map.entry("gb2312", "GBK"),
      Map.entry("gb_2312-80", "GBK"),
      Map.entry("gb_2312", "GBK"),
      Map.entry("x-gbk", "GBK"),
      Map.entry("chinese", "GBK"),
      Map.entry("csgb2312", "GBK"),
      Map.entry("shift_jis", "windows-31j"),
      Map.entry("shift-jis", "windows-31j"),
      Map.entry("sjis", "windows-31j"),
      Map.entry("x-sjis", "windows-31j"),
      Map.entry("ms_kanji", "windows-31j"),
      Map.entry("euc-kr", "x-windows-949"),
      Map.entry("ks_c_5601-1987", "x-windows-949"),
      Map.entry("big5_solaris", "Big5-HKSCS"),
      Map.entry("big5-hkscs", "Big5-HKSCS"),
      Map.entry("x-big5", "Big5"),
      Map.entry("iso-8859-9", "windows-1254"),
      Map.entry("latin5", "windows-1254"),
      Map.entry("iso-8859-11", "x-windows-874"),
      Map.entry("tis-620", "x-windows-874"),
      Map.entry("utf8", "UTF-8"),
      Map.entry("unicode-1-1-utf-8", "UTF-8"));

  private CharsetLabels() {}

  /**
   * The charset for {@code label}, or empty when neither the label nor its stem (the part before a
   * vendor suffix such as {@code _solaris}) names one Java supports.
   */
  public static Optional<Charset> lookup(String label) {
    if (label == null) {
      return Optional.empty();
    }
    String clean = label.trim().replaceAll("^[\"']+|[\"';,]+$", "").trim().toLowerCase(Locale.ROOT);
    if (clean.isEmpty()) {
      return Optional.empty();
    }
    Optional<Charset> direct = forName(WHATWG_SUPERSETS.getOrDefault(clean, clean));
    if (direct.isPresent()) {
      return direct;
    }
    int cut = clean.indexOf('_');
    if (cut > 0) {
      String stem = clean.substring(0, cut);
      return forName(WHATWG_SUPERSETS.getOrDefault(stem, stem));
    }
    return Optional.empty();
  }

  private static Optional<Charset> forName(String name) {
    try {
      return Charset.isSupported(name) ? Optional.of(Charset.forName(name)) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
