package org.curate.filters.pii;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.curate.core.DocumentStep;
import org.curate.filters.FilterFactory;
import org.curate.filters.FilterParams;

/**
 * Config entry for the {@code pii} rewrite. Parameters:
 * <ul>
 *   <li>{@code types}: which detectors run, a list or comma-separated string of
 *       {@code email, phone, ip, card, iban, ssn, secret}; default all;
 *   <li>{@code max_hits}: drop a document with more hits than this as {@code pii:too_many}
 *       instead of redacting it (Dolma drops above 5); default off ({@code -1}).
 * </ul>
 */
public final class PiiFilterFactory implements FilterFactory {
  @Override
  public String name() {
    return PiiRedactor.NAME;
  }

  @Override
  public DocumentStep create(FilterParams params) {
    List<String> all = Arrays.stream(PiiType.values()).map(PiiType::code).toList();
    Set<PiiType> types = EnumSet.noneOf(PiiType.class);
    for (String code : params.getStringList("types", all)) {
      types.add(PiiType.fromCode(code));
    }
    if (types.isEmpty()) {
      throw new IllegalArgumentException("filter '" + params.filter() + "': parameter 'types' is empty");
    }
    int maxHits = params.getInt("max_hits", PiiRedactor.UNLIMITED);
    return new PiiRedactor(PiiScanner.of(types), maxHits < 0 ? PiiRedactor.UNLIMITED : maxHits);
  }
}
