package org.curate.demo;

/** What a downstream stage is expected to notice about a page; each page has exactly one. */
public enum PageCategory {
    NORMAL, EXACT_DUPLICATE, NEAR_DUPLICATE, PII, PROFANE, ADULT, LOW_QUALITY, CONTAMINATED
}
