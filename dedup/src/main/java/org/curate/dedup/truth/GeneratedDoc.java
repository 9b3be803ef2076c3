package org.curate.dedup.truth;

/**
 * One generated document: opaque id, text, and how it was made (for meta.jsonl): its family
 * (-1 when it has no copies), role ({@code base} or {@code copy}), the id of the document it was
 * edited from, the target and the achieved Jaccard with that parent, and the number of edits.
 */
public record GeneratedDoc(String id, String text, int family, String role, String parent,
    double targetJaccard, double achievedJaccard, int edits) {}
