package org.curate.extract;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.curate.extract.document.DocumentResult;
import org.curate.extract.document.TikaDocumentExtractor;

/**
 * Runs the Tika parse of one document on a {@link DeadlineWorker}: PDFBox and POI can spend
 * seconds or loop on crafted files, so a parse longer than the document timeout fails as
 * {@code tika:timeout} and the file goes on. The timed-out parse is interrupted (it stops at its
 * next SAX event), then stopped if still running after 100 ms (Java 17-19); a parse that emits no
 * events on a JVM that cannot stop threads runs on as an abandoned daemon thread. Errors the
 * parse throws (e.g. OutOfMemoryError on a decompression bomb) fail the record as
 * {@code tika:unparseable}.
 */
final class DeadlineDocumentExtractor implements AutoCloseable {
  static final String TIMEOUT = "tika:timeout";

  private final TikaDocumentExtractor delegate;
  private final long timeoutMillis;
  private final DeadlineWorker worker = new DeadlineWorker("curate-document-extract");

  DeadlineDocumentExtractor(TikaDocumentExtractor delegate, long timeoutMillis) {
    this.delegate = delegate;
    this.timeoutMillis = timeoutMillis;
  }

  DocumentResult extract(byte[] bytes, int length) {
    try {
      return worker.call(() -> delegate.extract(bytes, length), timeoutMillis);
    } catch (TimeoutException e) {
      return new DocumentResult.Unusable(TIMEOUT, "document parse exceeded " + timeoutMillis + " ms on " + length + " bytes", true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new DocumentResult.Unusable(TIMEOUT, "interrupted while waiting for the document parse", true);
    } catch (ExecutionException e) {
      return new DocumentResult.Unusable(TikaDocumentExtractor.UNPARSEABLE, "document parse: " + e.getCause(), true);
    }
  }

  @Override
  public void close() {
    worker.close();
  }
}
