package org.curate.extract;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.curate.extract.html.MainText;
import org.curate.extract.html.MainTextExtractor;

/**
 * Runs the HTML main-text extraction of one record on a worker thread under a deadline, so that
 * one hostile page (quadratic attribute handling, pathological nesting) costs at most the
 * timeout: the record fails as {@code extract:timeout} and the caller goes on with the next one.
 * The worker has a large stack, and a page that still overflows it fails as
 * {@code extract:too-deep} instead of killing the task. A worker that does not stop when
 * interrupted is abandoned (it is a daemon thread) and, where the JVM still allows it, stopped;
 * the next record gets a fresh worker. Only decoded markup crosses to the worker: the crawl file
 * itself is read on the caller's thread only.
 */
final class DeadlineHtmlExtractor implements MainTextExtractor, AutoCloseable {
  private static final System.Logger LOG = System.getLogger(DeadlineHtmlExtractor.class.getName());
  static final String TIMEOUT = "extract:timeout";
  static final String TOO_DEEP = "extract:too-deep";
  private static final long WORKER_STACK_BYTES = 64L << 20;

  private final MainTextExtractor delegate;
  private final long timeoutMillis;
  private Worker worker;

  DeadlineHtmlExtractor(MainTextExtractor delegate, long timeoutMillis) {
    this.delegate = delegate;
    this.timeoutMillis = timeoutMillis;
  }

  @Override
  public MainText extract(String html, String baseUri) {
    FutureTask<MainText> task = new FutureTask<>(() -> delegate.extract(html, baseUri));
    if (worker == null || !worker.isAlive()) {
      worker = new Worker();
      worker.start();
    }
    worker.submit(task);
    try {
      return task.get(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      task.cancel(true);
      abandonWorker();
      throw new RecordFailure(TIMEOUT, "main-text extraction exceeded " + timeoutMillis + " ms on "
          + html.length() + " chars");
    } catch (InterruptedException e) {
      task.cancel(true);
      abandonWorker();
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

  @SuppressWarnings({"deprecation", "removal"})
  private void abandonWorker() {
    Worker stuck = worker;
    worker = null;
    if (stuck == null) {
      return;
    }
    stuck.shutdown();
    stuck.interrupt();
    try {
      stuck.join(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (stuck.isAlive()) {
      try {
        stuck.stop(); // pure CPU work on a private String: nothing shared is left half-updated
      } catch (UnsupportedOperationException e) {
        LOG.log(System.Logger.Level.WARNING, "cannot stop a runaway extraction thread on this JVM; it is left to finish");
      }
    }
  }

  @Override
  public void close() {
    if (worker != null) {
      worker.shutdown();
      worker = null;
    }
  }

  /** One daemon thread with a large stack running one task at a time. */
  private static final class Worker extends Thread {
    private final java.util.concurrent.SynchronousQueue<Runnable> tasks = new java.util.concurrent.SynchronousQueue<>();
    private volatile boolean shutdown;

    Worker() {
      super(null, null, "curate-html-extract", WORKER_STACK_BYTES);
      setDaemon(true);
    }

    void submit(Runnable task) {
      try {
        tasks.put(task);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RecordFailure(TIMEOUT, "interrupted before main-text extraction started");
      }
    }

    void shutdown() {
      shutdown = true;
      interrupt();
    }

    @Override
    public void run() {
      while (!shutdown) {
        Runnable task;
        try {
          task = tasks.take();
        } catch (InterruptedException e) {
          return;
        }
        task.run();
        Thread.interrupted(); // a cancelled task's interrupt must not reach the next one
      }
    }
  }
}
