package dev.cloudless.fakes.aws;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * A resource with an ARN: a queue, a topic, a function. Accepted wherever AWS takes a target ARN,
 * such as a dead-letter queue.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface AwsResource {

  /** The resource's ARN. */
  String arn();
}
