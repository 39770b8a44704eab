package dev.cloudless.benchmarks;

import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The side-by-side peer for {@link SqsBenchmark#sendReceiveDelete()}: the same round (send one
 * message, receive up to ten, delete it) against ElasticMQ, an SQS-compatible server started in
 * this JVM on a loopback port and called through the AWS SDK for Java v2, which is how a test would
 * use it in place of the fake.
 *
 * <p>Not like for like, and not meant to be: the peer's figure includes HTTP on loopback and the
 * SDK's marshalling, which is exactly what an in-process fake saves a test. The server starts once
 * per fork (it takes about a second), outside the measurement.
 */
@State(Scope.Thread)
@Threads(1)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-Dpekko.loglevel=WARNING"})
public class ElasticMqSqsBenchmark {

  private SQSRestServer server;
  private SqsClient sqs;
  private String queueUrl;

  @Setup(Level.Trial)
  public void startServer() {
    server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
    int port = server.waitUntilStarted().localAddress().getPort();
    sqs =
        SqsClient.builder()
            .endpointOverride(URI.create("http://127.0.0.1:" + port))
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
            .httpClientBuilder(ApacheHttpClient.builder())
            .build();
    queueUrl = sqs.createQueue(b -> b.queueName("orders")).queueUrl();
  }

  @TearDown(Level.Trial)
  public void stopServer() {
    sqs.close();
    server.stopAndWait();
  }

  /** One message: send it, receive it (up to ten, no long poll), delete it. */
  @Benchmark
  public List<Message> sendReceiveDelete() {
    sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(SqsBenchmark.BODY));
    List<Message> received =
        sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0))
            .messages();
    if (received.size() != 1) {
      throw new IllegalStateException("Expected the message just sent; received " + received);
    }
    sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(received.get(0).receiptHandle()));
    return received;
  }
}
