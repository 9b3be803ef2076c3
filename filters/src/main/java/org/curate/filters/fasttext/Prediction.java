package org.curate.filters.fasttext;

/**
 * One predicted label. {@code probability} is what fastText reports: {@code exp(log(p + 1e-5))}
 * for softmax and one-vs-all, the product of {@code (branch probability + 1e-5)} along the tree
 * for hierarchical softmax; so it can slightly exceed 1, exactly like the CLI's 1.00001.
 */
public record Prediction(String label, int labelIndex, float probability) {}
