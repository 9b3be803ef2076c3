package org.curate.decontam;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.curate.core.Document;
import org.curate.core.Outcome;

/**
 * Both passes of decontamination over documents held in memory, in one JVM: the same rule as
 * the Spark stage (which runs {@link Decontaminator#scan} and {@link Decontaminator#judge} on
 * executors), for tests, benchmarks and small corpora.
 */
public final class LocalDecontamination {
  private LocalDecontamination() {}

  public record Result(List<Outcome<Document>> outcomes, long[] excused, ContaminationReport report) {}

  public static Result run(List<Benchmark> loaded, Decontaminator d, List<Document> documents) {
    List<long[]> hits = new ArrayList<>(documents.size());
    Map<Long, Long> collisions = new HashMap<>();
    for (Document doc : documents) {
      long[] h = d.scan(doc.text());
      hits.add(h);
      for (long fp : h) {
        collisions.merge(fp, 1L, Long::sum);
      }
    }
    long[] keys = collisions.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
    long[] counts = Arrays.stream(keys).map(collisions::get).toArray();
    long[] excused = commonUsage(keys, counts, d.options().commonUsageThreshold());
    int benchmarks = d.index().benchmarks();
    long[] dropped = new long[benchmarks];
    long[] cut = new long[benchmarks];
    List<Outcome<Document>> outcomes = new ArrayList<>(documents.size());
    for (int i = 0; i < documents.size(); i++) {
      Document doc = documents.get(i);
      Decontaminator.Verdict v = d.judge(doc.text(), hits.get(i), excused);
      if (v.dropped()) {
        dropped[v.benchmark()]++;
        outcomes.add(Outcome.drop(v.drop().reason(), v.drop().detail()));
      } else if (v.cut()) {
        cut[v.benchmark()]++;
        outcomes.add(Outcome.changed(doc.withText(v.cutText()), List.of(cutCode(d.index(), v.benchmark()))));
      } else {
        outcomes.add(Outcome.keep(doc));
      }
    }
    ContaminationReport report = ContaminationReport.build(loaded, d.index(), d.options(), keys, counts,
        documents.size(), dropped, cut, 10);
    return new Result(outcomes, excused, report);
  }

  /** The change code of a document cut in window mode: {@code decontam_cut:<benchmark>}. */
  public static String cutCode(ProtectedIndex index, int benchmark) {
    return ContaminationJudge.cutCode(index.benchmarkReason(benchmark));
  }

  /** The sorted fingerprints whose collision count reaches {@code threshold}. */
  public static long[] commonUsage(long[] keys, long[] counts, long threshold) {
    long[] out = new long[keys.length];
    int w = 0;
    for (int i = 0; i < keys.length; i++) {
      if (counts[i] >= threshold) {
        out[w++] = keys[i];
      }
    }
    long[] r = Arrays.copyOf(out, w);
    Arrays.sort(r);
    return r;
  }
}
