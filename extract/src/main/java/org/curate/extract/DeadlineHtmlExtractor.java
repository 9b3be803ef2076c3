package org.curate.extract;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.curate.extract.html.MainText;
import org.curate.extract.html.MainTextExtractor;

/**
 * Runs the HTML main-text extraction of one record on a {@link DeadlineWorker}, so that one hostile
 * page (quadratic attribute handling, pathological nesting) costs at most the timeout: the record
 * fails as {@code extract:timeout} and the caller goes on with the next one. The worker has a
 * large stack, and a page that still overflows it fails as {@code extract:too-deep} instead of
 * killing the task. Only decoded markup crosses to the worker: the crawl file itself is read on
 * the caller's thread only.
 */
final class DeadlineHtmlExtractor implements MainTextExtractor, AutoCloseable {
  static final String TIMEOUT = "extract:timeout";
  static final String TOO_DEEP = "extract:too-deep";

  private final MainTextExtractor delegate;
  private final long timeoutMillis;
  private final DeadlineWorker worker = new DeadlineWorker("curate-html-extract");

  DeadlineHtmlExtractor(MainTextExtractor delegate, long timeoutMillis) {
    this.delegate = delegate;
    this.timeoutMillis = timeoutMillis;
  }

  @Override
  public MainText extract(String html, String baseUri) {
    try {
      return worker.call(() -> delegate.extract(html, baseUri), timeoutMillis);
    } catch (TimeoutException e) {
      throw new RecordFailure(TIMEOUT, "main-text extraction exceeded " + timeoutMillis + " ms on "
          + html.length() + " chars");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RecordFailure(TIMEOUT, "interrupted while waiting for main-text extraction");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof StackOverflowError) {
        throw new RecordFailure(TOO_DEEP, "main-text extraction overflowed the stack on " + html.length() + " chars");
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    }
  }

  @Override
  public void close() {
    worker.close();
  }
}
