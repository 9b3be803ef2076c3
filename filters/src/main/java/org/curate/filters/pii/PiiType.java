package org.curate.filters.pii;

import java.util.Locale;

/**
 * The kinds of personal or secret data the {@code pii} filter redacts. The declaration order is
 * the priority when two detectors claim overlapping text: the more specific, validated kind wins
 * (a 16-digit Luhn-valid number is a card, not a phone; a JWT is a secret even if it contains
 * digits), so {@link PiiScanner} keeps spans in this order.
 */
public enum PiiType {
  SECRET,
  EMAIL,
  IBAN,
  CARD,
  SSN,
  IP,
  PHONE;

  /** Lowercase name used in configs ({@code types}), reason codes ({@code pii:email}) and tags. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The text that replaces a detected value, e.g. {@code <EMAIL>}. */
  public String placeholder() {
    return "<" + name() + ">";
  }

  /** Parses a config name such as {@code email}; unknown names are an error that lists the known ones. */
  public static PiiType fromCode(String code) {
    for (PiiType t : values()) {
      if (t.code().equals(code.trim().toLowerCase(Locale.ROOT))) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown PII type '" + code + "'; known: "
        + java.util.Arrays.stream(values()).map(PiiType::code).toList());
  }
}
