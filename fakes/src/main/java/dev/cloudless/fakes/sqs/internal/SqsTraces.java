package dev.cloudless.fakes.sqs.internal;

import dev.cloudless.fakes.internal.CloudContext;
import dev.cloudless.trace.Segment;
import dev.cloudless.trace.TraceId;
import java.time.Instant;

/** The X-Ray segments a queue records: one per message operation, as the SQS origin appears. */
final class SqsTraces {

  private final CloudContext cloud;
  private final String queueName;
  private final String queueUrl;

  SqsTraces(CloudContext cloud, String queueName, String queueUrl) {
    this.cloud = cloud;
    this.queueName = queueName;
    this.queueUrl = queueUrl;
  }

  void record(String operation, TraceId traceId, String parentId, Instant at, String messageId) {
    cloud
        .traces()
        .record(
            segment(operation, traceId, parentId, at, 200).aws("message_id", messageId).build());
  }

  /** An operation that failed with a server error: a fault in X-Ray's terms. */
  void recordServerError(String operation, TraceId traceId, String parentId, Instant at) {
    cloud
        .traces()
        .record(
            segment(operation, traceId, parentId, at, 500)
                .fault(
                    new Segment.Cause(
                        "InternalFailure",
                        "The request processing has failed because of an unknown error, exception"
                            + " or failure."))
                .build());
  }

  private Segment.Builder segment(
      String operation, TraceId traceId, String parentId, Instant at, int status) {
    return Segment.builder(traceId, cloud.traces().newSegmentId(), queueName)
        .origin("AWS::SQS::Queue")
        .parentId(parentId)
        .start(at)
        .end(at)
        .httpStatus(status)
        .annotation("operation", operation)
        .aws("operation", operation)
        .aws("queue_url", queueUrl);
  }
}
