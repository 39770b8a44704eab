package dev.cloudless.fakes;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cloudless.fakes.apigateway.FakeApiGateway;
import dev.cloudless.fakes.apigateway.internal.ApiGatewayService;
import dev.cloudless.fakes.clock.TimeMode;
import dev.cloudless.fakes.clock.VirtualClock;
import dev.cloudless.fakes.faults.FaultFired;
import dev.cloudless.fakes.faults.FaultPlan;
import dev.cloudless.fakes.internal.CloudContext;
import dev.cloudless.fakes.journal.Journal;
import dev.cloudless.fakes.lambda.FakeLambda;
import dev.cloudless.fakes.lambda.internal.LambdaService;
import dev.cloudless.fakes.s3.FakeS3;
import dev.cloudless.fakes.s3.internal.S3Service;
import dev.cloudless.fakes.sns.FakeSns;
import dev.cloudless.fakes.sns.internal.SnsService;
import dev.cloudless.fakes.sqs.FakeSqs;
import dev.cloudless.fakes.sqs.internal.SqsService;
import dev.cloudless.fakes.stepfunctions.FakeStepFunctions;
import dev.cloudless.fakes.stepfunctions.internal.StepFunctionsService;
import dev.cloudless.trace.TraceRecorder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * One AWS account in one region, in process: the root of everything Cloudless fakes.
 *
 * <pre>{@code
 * try (FakeCloud cloud = FakeCloud.builder().region("eu-west-1").seed(42).build()) {
 *   cloud.lambda().create(FunctionSpec.named("charge").handler(new ChargeHandler()));
 *   cloud.lambda().invokeAsync("charge", "{\"orderId\":\"o-42\"}");
 *   cloud.runUntilIdle();   // retries, back-off and dead-lettering, in milliseconds
 * }
 * }</pre>
 *
 * <p>Creating one is cheap (no thread or port until needed), so a test suite creates one per test.
 * Nothing is shared between clouds, so tests can run in parallel. Same seed, same test: same
 * journal, event for event.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class FakeCloud implements AutoCloseable {

  /** The account id a cloud has unless told otherwise. */
  public static final String DEFAULT_ACCOUNT_ID = "000000000000";

  /** The region a cloud is in unless told otherwise. */
  public static final String DEFAULT_REGION = "us-east-1";

  /** The seed a cloud draws from unless told otherwise: runs are reproducible by default. */
  public static final long DEFAULT_SEED = 0L;

  /**
   * The virtual instant a cloud starts at unless told otherwise. A fixed instant keeps timestamps,
   * trace ids and journals the same on every run.
   */
  public static final Instant DEFAULT_START = Instant.parse("2025-01-01T00:00:00Z");

  private final CloudContext context;
  private final long seed;
  private final TimeMode timeMode;
  private final LambdaService lambda;
  private final SqsService sqs;
  private final S3Service s3;
  private final ApiGatewayService apiGateway;
  private final StepFunctionsService stepFunctions;
  private final SnsService sns;
  private volatile boolean closed;

  private FakeCloud(Builder b) {
    this.seed = b.seed;
    this.timeMode = b.timeMode;
    Instant start =
        b.start != null ? b.start : b.timeMode == TimeMode.REAL ? wallClockNow() : DEFAULT_START;
    this.context =
        new CloudContext(
            b.accountId,
            b.region,
            b.seed,
            b.timeMode,
            start,
            b.maxEventsPerRun,
            "cloud-" + Integer.toHexString(System.identityHashCode(this)));
    this.sqs = new SqsService(context);
    this.lambda = new LambdaService(context);
    this.s3 = new S3Service(context);
    this.lambda.connectS3(s3);
    this.apiGateway = new ApiGatewayService(context);
    // SNS delivers to functions through the public FakeLambda, so lambda never needs to know sns.
    this.sns = new SnsService(context, lambda);
    this.stepFunctions = new StepFunctionsService(context, sqs, sns);
  }

  /** REAL mode starts at the wall clock's now, since it follows the wall clock. */
  private static Instant wallClockNow() {
    return Instant.now();
  }

  /** A builder with AWS's defaults: account {@code 000000000000}, region {@code us-east-1}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A cloud with every default. */
  public static FakeCloud create() {
    return builder().build();
  }

  /** The fake Lambda. */
  public FakeLambda lambda() {
    ensureOpen();
    return lambda;
  }

  /** The fake SQS. */
  public FakeSqs sqs() {
    ensureOpen();
    return sqs;
  }

  /** The fake SNS: topics, subscriptions, filtering, fan-out and delivery retries. */
  public FakeSns sns() {
    ensureOpen();
    return sns;
  }

  /** The fake S3: buckets and objects, such as deployment packages. */
  public FakeS3 s3() {
    ensureOpen();
    return s3;
  }

  /** The fake API Gateway: REST, HTTP and WebSocket APIs. */
  public FakeApiGateway apiGateway() {
    ensureOpen();
    return apiGateway;
  }

  /** The fake Step Functions: state machines in the Amazon States Language. */
  public FakeStepFunctions stepFunctions() {
    ensureOpen();
    return stepFunctions;
  }

  /** The virtual clock and scheduler. */
  public VirtualClock clock() {
    return context.scheduler();
  }

  /** The fault plan shared by every service. */
  public FaultPlan faults() {
    return context.faults();
  }

  /** The X-Ray-shaped traces of every hop. */
  public TraceRecorder traces() {
    return context.traces();
  }

  /** Everything that happened, in order. */
  public Journal journal() {
    return context.journal();
  }

  /** Runs all pending work, skipping time: see {@link VirtualClock#runUntilIdle()}. */
  public void runUntilIdle() {
    ensureOpen();
    context.scheduler().runUntilIdle();
  }

  /** Moves time forward, running what falls due: see {@link VirtualClock#advance(Duration)}. */
  public void advance(Duration duration) {
    ensureOpen();
    context.scheduler().advance(duration);
  }

  /** Runs work until the condition holds: see {@link VirtualClock#runUntil(BooleanSupplier)}. */
  public void runUntil(BooleanSupplier condition) {
    ensureOpen();
    context.scheduler().runUntil(condition);
  }

  public String accountId() {
    return context.accountId();
  }

  public String region() {
    return context.region();
  }

  /** The seed every random choice draws from; print it to replay a run. */
  public long seed() {
    return seed;
  }

  public TimeMode timeMode() {
    return timeMode;
  }

  /**
   * What a person needs to understand a failed test: the seed, the faults that fired, the journal
   * and the trace timeline, with times relative to the cloud's start.
   */
  public String diagnostics() {
    Instant origin = context.scheduler().startTime();
    List<FaultFired> fired = context.journal().events(FaultFired.class);
    StringBuilder sb = new StringBuilder();
    sb.append("Cloudless seed: ")
        .append(seed)
        .append(" (replay with seed(")
        .append(seed)
        .append("))\n");
    sb.append("Virtual time: ")
        .append(dev.cloudless.trace.RelativeTime.format(origin, context.now()))
        .append('\n');
    sb.append("Faults fired: ").append(fired.isEmpty() ? "none" : fired.size()).append('\n');
    for (FaultFired f : fired) {
      sb.append("  ").append(f.summary()).append('\n');
    }
    sb.append("Journal:\n").append(context.journal().render(origin));
    sb.append("Timeline:\n").append(context.traces().timeline(origin));
    return sb.toString();
  }

  /** Whether {@link #close()} was called. */
  public boolean isClosed() {
    return closed;
  }

  /** Stops worker threads and the scheduler; the cloud cannot be used afterwards. */
  @Override
  public void close() {
    closed = true;
    lambda.closePackages();
    context.close();
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("This FakeCloud is closed; create a new one per test.");
    }
  }

  @Override
  public String toString() {
    return "FakeCloud[" + context.accountId() + " " + context.region() + " seed " + seed + "]";
  }

  /** Builds a {@link FakeCloud}; every setting is checked when it is set. */
  @API(status = EXPERIMENTAL, since = "0.1")
  public static final class Builder {
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\\d");

    private String accountId = DEFAULT_ACCOUNT_ID;
    private String region = DEFAULT_REGION;
    private long seed = DEFAULT_SEED;
    private TimeMode timeMode = TimeMode.VIRTUAL;
    private Instant start;
    private int maxEventsPerRun = 1_000_000;

    private Builder() {}

    /** The account id: twelve digits. */
    public Builder accountId(String accountId) {
      Objects.requireNonNull(accountId, "accountId");
      if (!ACCOUNT.matcher(accountId).matches()) {
        throw new IllegalArgumentException(
            "Account id [" + accountId + "] is not an AWS account id; it must be 12 digits.");
      }
      this.accountId = accountId;
      return this;
    }

    /** The region, such as {@code eu-west-1}. */
    public Builder region(String region) {
      Objects.requireNonNull(region, "region");
      if (!REGION.matcher(region).matches()) {
        throw new IllegalArgumentException(
            "Region ["
                + region
                + "] is not an AWS region name; expected the form eu-west-1 or us-gov-east-1.");
      }
      this.region = region;
      return this;
    }

    /** The seed for every random choice: ids, probabilistic faults, jitter, weighted routing. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** How the clock moves; {@link TimeMode#VIRTUAL} by default. */
    public Builder timeMode(TimeMode timeMode) {
      this.timeMode = Objects.requireNonNull(timeMode, "timeMode");
      return this;
    }

    /** The virtual instant the cloud starts at; {@link #DEFAULT_START} by default. */
    public Builder startAt(Instant start) {
      this.start = Objects.requireNonNull(start, "start");
      return this;
    }

    /**
     * How many events one {@code runUntilIdle}, {@code advance} or {@code runUntil} may run before
     * it is stopped as endless; 1,000,000 by default.
     */
    public Builder maxEventsPerRun(int maxEventsPerRun) {
      if (maxEventsPerRun < 1) {
        throw new IllegalArgumentException(
            "maxEventsPerRun must be at least 1; got " + maxEventsPerRun + ".");
      }
      this.maxEventsPerRun = maxEventsPerRun;
      return this;
    }

    public FakeCloud build() {
      return new FakeCloud(this);
    }
  }
}
