/**
 * Safety filters: {@code url_blocklist} and {@code bad_words}.
 *
 * <p>Reason codes: {@code url_blocklist:domain}, {@code url_blocklist:url},
 * {@code url_blocklist:expression}, {@code url_blocklist:banned_word},
 * {@code url_blocklist:soft_banned_words}, {@code url_blocklist:banned_subword},
 * {@code bad_words:ratio}, {@code bad_words:any}. Tags: {@code bad_words.count},
 * {@code bad_words.ratio}.
 *
 * <p>No list is bundled. UT1 (CC BY-SA 4.0), LDNOOBW (CC BY 4.0), datatrove (Apache-2.0) and DCLM
 * (MIT) lists are read by path from the configuration; tests use small hand-written lists plus,
 * when present, the shared copies under {@code -Dcurate.shared.data}.
 *
 * <p>Measured with {@code SafetyBench} (test scope) on a 2-core machine, Java 17: a synthetic
 * 4.6M-domain list is built in about 2 s into about 38 MB of heap (a {@code HashSet<String>} of the
 * same domains takes about 470 MB); URL parse + domain lookup about 150-200k URLs/s per core;
 * {@code bad_words} with the LDNOOBW English list about 6-8k documents/s per core on 2 KB texts.
 */
package org.curate.filters.safety;
