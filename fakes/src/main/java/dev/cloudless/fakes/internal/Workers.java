package dev.cloudless.fakes.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.apiguardian.api.API;

/**
 * Runs user code (handlers) on worker threads, one unit at a time, so that a timeout can interrupt
 * hung code and a handler can make nested calls, while the run stays deterministic: the caller
 * waits for the worker, so only one piece of user code runs at any moment.
 *
 * <p>The pool starts no thread until the first handler runs.
 */
@API(status = INTERNAL, since = "0.1")
public final class Workers implements AutoCloseable {

  private final String cloudName;
  private final ReentrantLock turn;
  private final AtomicInteger threadNumber = new AtomicInteger();
  private ExecutorService pool;
  private boolean closed;

  public Workers(String cloudName, ReentrantLock turn) {
    this.cloudName = cloudName;
    this.turn = turn;
  }

  /** Thrown when user code did not finish within its real-time limit and was interrupted. */
  public static final class RealTimeLimitExceeded extends Exception {
    private static final long serialVersionUID = 1L;

    RealTimeLimitExceeded(Duration limit) {
      super("did not finish within " + limit + " of real time");
    }
  }

  /**
   * Runs {@code task} on a worker and waits for it, up to {@code realTimeLimit} of wall time.
   *
   * @throws ExecutionException wrapping whatever the task threw
   * @throws RealTimeLimitExceeded if it ran longer; the worker is interrupted
   */
  public <T> T run(Callable<T> task, Duration realTimeLimit)
      throws ExecutionException, RealTimeLimitExceeded {
    // A call from outside (the test, the REAL-mode clock) takes the turn; a nested call from a
    // worker already runs inside one.
    boolean outer = !isWorkerThread();
    if (outer) {
      turn.lock();
    }
    try {
      Future<T> future = pool().submit(task);
      try {
        return future.get(realTimeLimit.toNanos(), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        future.cancel(true);
        throw new RealTimeLimitExceeded(realTimeLimit);
      } catch (InterruptedException e) {
        future.cancel(true);
        Thread.currentThread().interrupt();
        throw new ExecutionException(e);
      }
    } finally {
      if (outer) {
        turn.unlock();
      }
    }
  }

  /** Whether any worker thread was started: none is until the first handler runs. */
  public synchronized boolean started() {
    return pool != null;
  }

  /** Whether the current thread is one of this cloud's workers. */
  public boolean isWorkerThread() {
    return Thread.currentThread() instanceof WorkerThread w && w.owner == this;
  }

  private synchronized ExecutorService pool() {
    if (closed) {
      throw new IllegalStateException("FakeCloud [" + cloudName + "] is closed.");
    }
    if (pool == null) {
      pool =
          new ThreadPoolExecutor(
              0,
              Integer.MAX_VALUE,
              30,
              TimeUnit.SECONDS,
              new SynchronousQueue<>(),
              r ->
                  new WorkerThread(
                      this,
                      r,
                      "cloudless-" + cloudName + "-worker-" + threadNumber.incrementAndGet()));
    }
    return pool;
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  private static final class WorkerThread extends Thread {
    final Workers owner;

    WorkerThread(Workers owner, Runnable task, String name) {
      super(task, name);
      this.owner = owner;
      setDaemon(true);
    }
  }
}
