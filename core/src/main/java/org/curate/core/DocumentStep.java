package org.curate.core;

/**
 * One step of document processing (a filter, a rewrite, a classifier with a threshold): sees a
 * document and says what became of it, and why. Implementations are plain Java with no Spark
 * types; the Spark jobs build a step once per partition and count its outcomes by reason.
 */
@FunctionalInterface
public interface DocumentStep {
  Outcome<Document> apply(Document document);

  /** Stable snake_case name used in configs and as the family of the step's reason codes. */
  default String name() {
    return getClass().getSimpleName();
  }
}
