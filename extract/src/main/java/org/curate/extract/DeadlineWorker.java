package org.curate.extract;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one task at a time on a daemon worker thread (with a large stack) and waits for it at most
 * a given time, so that one hostile record costs at most that time. On a timeout the task is
 * cancelled (interrupted) and the worker is abandoned: it is given 100 ms to stop, then, where the
 * JVM still allows it (Java 17-19), stopped with {@code Thread.stop}; on later JVMs a worker that
 * ignores interrupts is left running as a daemon and the next task gets a fresh worker. Only the
 * task's own private data may be touched by it, so stopping it leaves nothing shared half-updated.
 */
final class DeadlineWorker implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(DeadlineWorker.class.getName());
  private static final long STACK_BYTES = 64L << 20;

  private final String threadName;
  private Worker worker;

  DeadlineWorker(String threadName) {
    this.threadName = threadName;
  }

  /**
   * The task's result; {@link TimeoutException} when it ran longer than {@code timeoutMillis}
   * (the worker is then abandoned), {@link ExecutionException} with what the task threw.
   */
  <T> T call(Callable<T> body, long timeoutMillis) throws TimeoutException, ExecutionException, InterruptedException {
    FutureTask<T> task = new FutureTask<>(body);
    if (worker == null || !worker.isAlive()) {
      worker = new Worker(threadName);
      worker.start();
    }
    try {
      worker.submit(task);
      return task.get(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException | InterruptedException e) {
      task.cancel(true);
      abandonWorker();
      throw e;
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
    try {
      stuck.join(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (stuck.isAlive()) {
      try {
        stuck.stop();
      } catch (UnsupportedOperationException e) {
        LOG.log(System.Logger.Level.WARNING, "cannot stop a runaway " + threadName + " thread on this JVM; it is left to finish");
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

  /** One daemon thread running one task at a time. */
  private static final class Worker extends Thread {
    private final SynchronousQueue<Runnable> tasks = new SynchronousQueue<>();
    private volatile boolean shutdown;

    Worker(String name) {
      super(null, null, name, STACK_BYTES);
      setDaemon(true);
    }

    void submit(Runnable task) throws InterruptedException {
      tasks.put(task);
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
