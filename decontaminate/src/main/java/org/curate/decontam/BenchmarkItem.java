package org.curate.decontam;

import java.util.List;

/** One benchmark item: its id (for reports) and the text segments to protect. */
public record BenchmarkItem(String id, List<String> segments) {
  public BenchmarkItem {
    segments = List.copyOf(segments);
  }
}
