package org.curate.filters.fasttext;

/** Turns the averaged hidden vector into the k most probable labels (log-scores into {@code best}). */
interface OutputLayer {
  /**
   * @param scratch at least {@code nlabels} floats the layer may overwrite (thread-confined)
   * @param threshold labels below this probability are not reported (0 = all)
   */
  void predict(float[] hidden, float threshold, float[] scratch, TopK best);

  /** fastText's {@code std_log}: the 1e-5 keeps log(0) finite and is part of every reported score. */
  static float stdLog(float x) {
    return (float) Math.log(x + 1e-5);
  }

  /** Keeps the labels whose probability in {@code probs} passes the threshold (fastText's findKBest). */
  static void keepBest(float[] probs, int n, float threshold, TopK best) {
    for (int i = 0; i < n; i++) {
      if (probs[i] < threshold) {
        continue;
      }
      float s = stdLog(probs[i]);
      if (best.isFull() && s < best.worst()) {
        continue;
      }
      best.offer(s, i);
    }
  }
}
