package dev.cloudless.fakes.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudless.fakes.aws.Arn;
import dev.cloudless.fakes.clock.TimeMode;
import dev.cloudless.trace.TraceHeader;
import dev.cloudless.trace.TraceId;
import dev.cloudless.trace.TraceRecorder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * What every service of one cloud shares: identity (account, region), the scheduler, the journal,
 * the fault engine, the trace recorder, the seeded random sources, the worker threads and the
 * registry of delivery targets. Services receive it at construction; nothing here is static.
 */
@API(status = INTERNAL, since = "0.1")
public final class CloudContext implements AutoCloseable {

  private final String accountId;
  private final String region;
  private final String name;
  private final Randomness randomness;
  private final Scheduler scheduler;
  private final JournalLog journal;
  private final FaultEngine faults;
  private final TraceRecorder traces;
  private final Workers workers;
  private final ResourceRegistry resources = new ResourceRegistry();
  private final ObjectMapper json = new ObjectMapper();
  private final ThreadLocal<TraceHeader> currentTrace = new ThreadLocal<>();
  private final ReentrantLock turn;
  private final Map<Class<?>, AutoCloseable> closeWithCloud = new LinkedHashMap<>();
  private boolean closing;
  private Path scratchRoot;

  public CloudContext(
      String accountId,
      String region,
      long seed,
      TimeMode mode,
      Instant start,
      int maxEventsPerRun,
      String name) {
    this.accountId = accountId;
    this.region = region;
    this.name = name;
    this.randomness = new Randomness(seed);
    this.turn = new ReentrantLock();
    this.scheduler = new Scheduler(mode, start, maxEventsPerRun, turn, name);
    this.journal = new JournalLog(start);
    this.faults = new FaultEngine(journal, scheduler, randomness.faults());
    this.traces = new TraceRecorder(randomness.stream("traces"));
    this.workers = new Workers(name, turn);
  }

  public String accountId() {
    return accountId;
  }

  public String region() {
    return region;
  }

  /** A short name for threads and messages, such as {@code cloud-1}. */
  public String name() {
    return name;
  }

  public Randomness randomness() {
    return randomness;
  }

  public Scheduler scheduler() {
    return scheduler;
  }

  public Instant now() {
    return scheduler.now();
  }

  public JournalLog journal() {
    return journal;
  }

  public FaultEngine faults() {
    return faults;
  }

  public TraceRecorder traces() {
    return traces;
  }

  public Workers workers() {
    return workers;
  }

  public ResourceRegistry resources() {
    return resources;
  }

  /** A shared mapper for the fakes' own JSON (not for handler payloads, which use Lambda's). */
  public ObjectMapper json() {
    return json;
  }

  /** The ARN of a resource of this account and region. */
  public String arn(String service, String resource) {
    return Arn.of(service, region, accountId, resource).toString();
  }

  /** A new request id (a UUID drawn from the seed). */
  public String newRequestId() {
    return randomness.uuid().toString();
  }

  /** A new trace id stamped with the virtual now. */
  public TraceId newTraceId() {
    return traces.newTraceId(now());
  }

  /**
   * The trace of the invocation running on this thread, if a handler is running here: calls a
   * handler makes continue its trace, as the X-Ray SDK's instrumentation does.
   */
  public TraceHeader currentTrace() {
    return currentTrace.get();
  }

  /** Runs {@code work} with {@code header} as this thread's current trace. */
  public <T> T withTrace(TraceHeader header, Callable<T> work) throws Exception {
    TraceHeader previous = currentTrace.get();
    currentTrace.set(header);
    try {
      return work.call();
    } finally {
      if (previous == null) {
        currentTrace.remove();
      } else {
        currentTrace.set(previous);
      }
    }
  }

  /**
   * A new, empty directory on disk for this cloud (an execution environment's {@code /tmp}), under
   * one root created on first use and deleted with everything in it when the cloud closes.
   */
  public Path newScratchDirectory(String prefix) {
    try {
      synchronized (this) {
        if (scratchRoot == null) {
          scratchRoot = Files.createTempDirectory("cloudless-" + name + "-");
        }
      }
      return Files.createTempDirectory(scratchRoot, prefix);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create a scratch directory for " + name, e);
    }
  }

  /** Deletes a directory and everything in it; a file that cannot be deleted is left behind. */
  public static void deleteRecursively(Path directory) {
    if (directory == null || !Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // Best effort: a scratch file left in the system temp directory harms nobody.
    }
  }

  /**
   * Runs {@code work} holding the cloud's turn, as the REAL-mode clock does: code that enters the
   * cloud from a thread of its own (an HTTP server's) must not run beside handlers or events.
   */
  public <T> T inTurn(Callable<T> work) throws Exception {
    turn.lock();
    try {
      return work.call();
    } finally {
      turn.unlock();
    }
  }

  /**
   * The cloud's one {@code type}, created by {@code create} on first use and closed when the cloud
   * closes, before its scheduler and workers: an HTTP server that services share and that must not
   * exist (no port, no thread) until a test asks for it.
   */
  public <T extends AutoCloseable> T closeWithCloud(Class<T> type, Supplier<T> create) {
    synchronized (closeWithCloud) {
      if (closing) {
        throw new IllegalStateException("FakeCloud [" + name + "] is closed.");
      }
      return type.cast(closeWithCloud.computeIfAbsent(type, k -> create.get()));
    }
  }

  @Override
  public void close() {
    List<AutoCloseable> resources;
    synchronized (closeWithCloud) {
      closing = true;
      resources = new ArrayList<>(closeWithCloud.values());
      closeWithCloud.clear();
    }
    for (AutoCloseable resource : resources) {
      try {
        resource.close();
      } catch (Exception e) {
        // Closing goes on: one resource's failure must not keep the others open.
      }
    }
    scheduler.close();
    workers.close();
    Path root;
    synchronized (this) {
      root = scratchRoot;
      scratchRoot = null;
    }
    deleteRecursively(root);
  }
}
