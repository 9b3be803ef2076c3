package org.curate.filters.model;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * How a model score keeps or drops a document. {@code score} is the probability of the model's
 * positive label (e.g. {@code __label__hq} for quality, {@code __label__toxic} for toxicity).
 */
public sealed interface KeepRule {
  /** Null to keep, else the drop's detail. */
  String dropDetail(String documentId, double score);

  /** Keep when {@code score >= min} (quality: DCLM keeps pages above a threshold). */
  record AtLeast(double min) implements KeepRule {
    @Override
    public String dropDetail(String documentId, double score) {
      return score >= min ? null : String.format(Locale.ROOT, "score=%.4f min_score=%s", score, min);
    }
  }

  /** Keep when {@code score <= max} (toxicity: drop what the model is sure is toxic). */
  record AtMost(double max) implements KeepRule {
    @Override
    public String dropDetail(String documentId, double score) {
      return score <= max ? null : String.format(Locale.ROOT, "score=%.4f max_score=%s", score, max);
    }
  }

  /**
   * Keep the top {@code fraction} of the documents by score across a whole stage input (DCLM keeps
   * its classifier's top ~10%): keep when {@code score >= threshold}, where the threshold is the
   * score of the {@code ceil(fraction · n)}-th best of the n documents the filter sees. One
   * document cannot know it, so the filter stage finds it in a scoring pre-pass and sets it
   * ({@link #withThreshold}); {@code relativeError} 0 asks for the exact threshold, more for
   * Spark's {@code approxQuantile} with that relative error. Before then, applying the rule fails.
   */
  record TopFraction(double fraction, double relativeError, double threshold) implements KeepRule {
    public TopFraction {
      if (!(fraction > 0 && fraction <= 1)) {
        throw new IllegalArgumentException("top_fraction must be in (0, 1], got " + fraction);
      }
      if (!(relativeError >= 0 && relativeError < 1)) {
        throw new IllegalArgumentException("quantile_error must be in [0, 1), got " + relativeError);
      }
    }

    public TopFraction withThreshold(double value) {
      return new TopFraction(fraction, relativeError, value);
    }

    public boolean resolved() {
      return !Double.isNaN(threshold);
    }

    @Override
    public String dropDetail(String documentId, double score) {
      if (!resolved()) {
        throw new IllegalStateException("top_fraction needs the threshold the filter stage computes over its whole "
            + "input; this chain was built without it");
      }
      return score >= threshold ? null
          : String.format(Locale.ROOT, "score=%.4f threshold=%s top_fraction=%s", score, threshold, fraction);
    }
  }

  /**
   * GPT-3's rule (Brown et al. 2020, appendix A): keep when a Pareto(α) sample exceeds
   * {@code 1 - score}, so low-scoring documents are sometimes kept. The sample is numpy's
   * {@code pareto} (Lomax: {@code U^(-1/α) - 1}) with U drawn from a hash of the seed and the
   * document id, so a document's fate does not depend on partitioning, order or reruns.
   */
  record Pareto(double alpha, long seed) implements KeepRule {
    public Pareto {
      if (!(alpha > 0)) {
        throw new IllegalArgumentException("pareto_alpha must be positive, got " + alpha);
      }
    }

    @Override
    public String dropDetail(String documentId, double score) {
      double sample = sample(documentId);
      return sample > 1 - score ? null
          : String.format(Locale.ROOT, "score=%.4f pareto_sample=%.4f alpha=%s", score, sample, alpha);
    }

    /** The document's Pareto(α) sample, ≥ 0. */
    public double sample(String documentId) {
      long h = 0xcbf29ce484222325L ^ seed * 0x9E3779B97F4A7C15L;
      for (byte b : documentId.getBytes(StandardCharsets.UTF_8)) {
        h = (h ^ (b & 0xFF)) * 0x100000001b3L;
      }
      // SplitMix64's finalizer spreads the FNV hash over all bits; 53 of them make U in (0, 1].
      h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
      h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
      h ^= h >>> 31;
      double u = ((h >>> 11) + 1) * 0x1.0p-53;
      return Math.pow(u, -1.0 / alpha) - 1.0;
    }
  }
}
