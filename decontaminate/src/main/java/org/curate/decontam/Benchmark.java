package org.curate.decontam;

import java.util.List;

/**
 * A loaded benchmark: its name ({@code decontam:<reasonName>} is its drop reason), the files it
 * came from (relative to the benchmarks folder) and its items, in file then record order.
 */
public record Benchmark(String name, String reasonName, List<String> files, List<BenchmarkItem> items) {
  public Benchmark {
    files = List.copyOf(files);
    items = List.copyOf(items);
  }

  public String reason() {
    return "decontam:" + reasonName;
  }
}
