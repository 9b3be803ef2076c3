/**
 * The {@code pii} rewrite: finds e-mail addresses, phone numbers, public IP addresses, payment
 * cards, IBANs, US SSNs and secrets (private keys, cloud and chat tokens, JWTs) and replaces each
 * with a typed placeholder ({@code <EMAIL>}, {@code <PHONE>}, {@code <IP>}, {@code <CARD>},
 * {@code <IBAN>}, {@code <SSN>}, {@code <SECRET>}). One small detector per type
 * ({@link org.curate.filters.pii.PiiDetector}); {@link org.curate.filters.pii.PiiScanner} settles
 * overlaps by type priority; {@link org.curate.filters.pii.PiiRedactor} is the document step and
 * {@link org.curate.filters.pii.PiiFilterFactory} its config entry ({@code types}, {@code max_hits}).
 *
 * <h2>Evaluation</h2>
 * Span-level precision and recall on the Presidio-research labelled synthetic sets
 * ({@code shared/data/pii-eval/presidio-research}, 3,609 English sentences), overlap matching
 * (a gold span is found when a predicted span of the same type overlaps it; a predicted span is
 * correct when it overlaps a gold span of the same type). {@code PiiEvalTest} guards the
 * figures in CI; the test-scoped {@code PiiEval} main prints them with every miss and false
 * positive, and {@code WebPageAudit} lists every detection on 585 real pages for a human check.
 *
 * <h2>Decisions</h2>
 * <ul>
 *   <li>{@code user@host:path} (scp/git remotes) is not an e-mail address; {@code logo@2x.png}
 *       and {@code name@localhost} are not either.
 *   <li>Private, loopback, link-local, CGN, documentation, benchmarking, multicast and reserved
 *       IPv4, the matching IPv6 blocks, and famous public resolvers (8.8.8.8, 1.1.1.1, ...) are
 *       kept. Unallocated IPv6 outside 2000::/3 counts as public (as CPython's is_global).
 *   <li>Phones: libphonenumber (region from {@code lang}, leniency VALID) plus phone-shaped
 *       numbers next to a phone word; both filtered against dates, opening hours, decimals and
 *       timestamp fractions, which libphonenumber accepts as German/French numbers.
 *   <li>A {@code pii:too_many} drop carries the redacted document, so tag-only runs never keep raw values.
 * </ul>
 */
package org.curate.filters.pii;
