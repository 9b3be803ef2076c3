package org.curate.jobs.extract;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.curate.extract.CrawlFileExtractor;
import org.curate.extract.ExtractOptions;
import org.curate.extract.RecordStream;
import org.curate.extract.html.JsoupMainTextExtractor;
import org.curate.jobs.io.HadoopFileSource;
import org.curate.jobs.io.SerializableHadoopConf;

/**
 * Executor side of the extract stage: streams one crawl file into outcome rows, one per record,
 * without holding the file in memory. The file is closed at the end or when the task ends.
 */
public final class ExtractFile implements FlatMapFunction<String, Row> {
  private static final long serialVersionUID = 1L;
  private final SerializableHadoopConf conf;
  private final ExtractOptions options;

  public ExtractFile(SerializableHadoopConf conf, ExtractOptions options) {
    this.conf = conf;
    this.options = options;
  }

  @Override
  public Iterator<Row> call(String file) {
    CrawlFileExtractor extractor =
        new CrawlFileExtractor(options, new JsoupMainTextExtractor());
    RecordStream records = extractor.open(new HadoopFileSource(file, conf.get()));
    TaskContext task = TaskContext.get();
    if (task != null) {
      task.addTaskCompletionListener((TaskContext ctx) -> records.close());
    }
    return new Iterator<>() {
      private boolean open = true;

      @Override
      public boolean hasNext() {
        if (open && !records.hasNext()) {
          records.close();
          open = false;
        }
        return open;
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return CrawlRecordRows.toRow(records.next());
      }
    };
  }
}
