package dev.cloudless.fakes.lambda.internal;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import dev.cloudless.fakes.internal.Scheduler;
import dev.cloudless.fakes.lambda.LambdaEnvironment;
import java.time.Duration;
import java.time.Instant;

/**
 * The {@link Context} a handler receives. Remaining time is computed on the virtual clock: the
 * deadline is the invocation's start plus its timeout, less any injected latency already spent.
 */
final class FakeContext implements Context, LambdaEnvironment.LambdaEnvironmentProvider {

  private final String requestId;
  private final String functionName;
  private final String version;
  private final String invokedFunctionArn;
  private final ExecutionEnvironment environment;
  private final Instant deadline;
  private final Scheduler clock;
  private final InvocationLog log;
  private final String traceHeader;

  FakeContext(
      String requestId,
      String functionName,
      String version,
      String invokedFunctionArn,
      ExecutionEnvironment environment,
      Instant deadline,
      Scheduler clock,
      InvocationLog log,
      String traceHeader) {
    this.requestId = requestId;
    this.functionName = functionName;
    this.version = version;
    this.invokedFunctionArn = invokedFunctionArn;
    this.environment = environment;
    this.deadline = deadline;
    this.clock = clock;
    this.log = log;
    this.traceHeader = traceHeader;
  }

  @Override
  public String getAwsRequestId() {
    return requestId;
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/" + functionName;
  }

  @Override
  public String getLogStreamName() {
    return environment.logStreamName;
  }

  @Override
  public String getFunctionName() {
    return functionName;
  }

  @Override
  public String getFunctionVersion() {
    return version;
  }

  @Override
  public String getInvokedFunctionArn() {
    return invokedFunctionArn;
  }

  @Override
  public CognitoIdentity getIdentity() {
    return null;
  }

  @Override
  public ClientContext getClientContext() {
    return null;
  }

  @Override
  public int getRemainingTimeInMillis() {
    long millis = Duration.between(clock.now(), deadline).toMillis();
    return (int) Math.max(0, millis);
  }

  @Override
  public int getMemoryLimitInMB() {
    return environment.memoryLimitInMB();
  }

  @Override
  public LambdaLogger getLogger() {
    return log;
  }

  @Override
  public String getXrayTraceId() {
    return traceHeader;
  }

  @Override
  public LambdaEnvironment lambdaEnvironment() {
    return environment;
  }

  @Override
  public String toString() {
    return "Context[" + functionName + " " + requestId + "]";
  }
}
