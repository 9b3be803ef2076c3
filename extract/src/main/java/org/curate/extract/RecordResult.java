package org.curate.extract;

import org.curate.core.Outcome;

/** One record of a crawl file and what extraction made of it. */
public record RecordResult(RecordRef ref, Outcome<ExtractedPage> outcome) {}
