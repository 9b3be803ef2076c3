package org.curate.filters.model;

import java.util.List;
import org.curate.core.Document;
import org.curate.core.DocumentStep;
import org.curate.core.Outcome;
import org.curate.core.ReasonCode;
import org.curate.filters.fasttext.FastTextModel;
import org.curate.filters.fasttext.FastTextPredictor;
import org.curate.filters.fasttext.FastTextTrainer;
import org.curate.filters.fasttext.Prediction;

/**
 * Scores each document with a fastText classifier and keeps or drops it by a {@link KeepRule}.
 * The score is the probability of the positive label, as {@code fasttext predict-prob} reports it
 * (capped at 1), for the text with line breaks turned into spaces (fastText reads one line; DCLM
 * does the same); it is written to the tag {@code <family>.<name>.score}, on kept and dropped
 * documents alike, so tag-only mode and threshold tuning see it. Drops carry the reason
 * {@code <family>:<name>}, e.g. {@code quality_model:dclm}. Not thread-safe (one predictor).
 */
public final class ModelFilter implements DocumentStep {
  private final String family;
  private final String reason;
  private final String scoreTag;
  private final FastTextPredictor predictor;
  private final String label;
  private final int labelIndex;
  private final KeepRule rule;

  public ModelFilter(String family, String name, FastTextModel model, String label, KeepRule rule) {
    this.family = family;
    this.reason = ReasonCode.check(family + ":" + name);
    this.scoreTag = family + "." + name + ".score";
    this.predictor = model.newPredictor();
    this.label = FastTextTrainer.labelToken(label);
    int found = -1;
    for (int i = 0; i < model.dictionary().nlabels(); i++) {
      if (model.dictionary().label(i).equals(this.label)) {
        found = i;
      }
    }
    if (found < 0) {
      throw new IllegalArgumentException("filter '" + family + "': label " + this.label + " is not one of the model's "
          + labels(model));
    }
    this.labelIndex = found;
    this.rule = rule;
  }

  static List<String> labels(FastTextModel model) {
    return java.util.stream.IntStream.range(0, model.dictionary().nlabels()).mapToObj(model.dictionary()::label)
        .toList();
  }

  @Override
  public String name() {
    return family;
  }

  public String scoreTag() {
    return scoreTag;
  }

  /** The drop reason, {@code <family>:<name>}. */
  public String reason() {
    return reason;
  }

  public KeepRule rule() {
    return rule;
  }

  /** The positive label's probability for the text. */
  public double score(String text) {
    for (Prediction p : predictor.predict(FastTextTrainer.lineOf(text), -1)) {
      if (p.labelIndex() == labelIndex) {
        return Math.min(1.0, p.probability());
      }
    }
    return 0.0; // no features at all (empty text): fastText predicts nothing
  }

  @Override
  public Outcome<Document> apply(Document document) {
    double score = score(document.text());
    Document measured = document.withTag(scoreTag, score);
    String detail = rule.dropDetail(document.id(), score);
    return detail == null ? Outcome.keep(measured) : Outcome.drop(reason, detail, measured);
  }
}
