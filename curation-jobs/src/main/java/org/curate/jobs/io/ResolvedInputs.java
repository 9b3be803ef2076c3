package org.curate.jobs.io;

import java.util.List;

/** The inputs of a stage after globbing and directory listing, sorted so runs are reproducible. */
public record ResolvedInputs(List<String> crawlFiles, List<String> parquetPaths, List<String> jsonlFiles) {
  public ResolvedInputs {
    crawlFiles = List.copyOf(crawlFiles);
    parquetPaths = List.copyOf(parquetPaths);
    jsonlFiles = List.copyOf(jsonlFiles);
  }

  public boolean isEmpty() {
    return crawlFiles.isEmpty() && parquetPaths.isEmpty() && jsonlFiles.isEmpty();
  }
}
