package dev.cloudless.fakes.sns;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.cloudless.fakes.FakeCloud;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpDeliveryTest {

  private static final WireMockServer endpoint = new WireMockServer(options().dynamicPort());

  private final FakeCloud cloud = FakeCloud.create();
  private final Topic orders = cloud.sns().createTopic("orders");
  private final ObjectMapper json = new ObjectMapper();
  private final Instant start = cloud.clock().now();
  private String url;

  @BeforeAll
  static void startEndpoint() {
    endpoint.start();
  }

  @AfterAll
  static void stopEndpoint() {
    endpoint.stop();
  }

  @BeforeEach
  void stub() {
    endpoint.resetAll();
    endpoint.stubFor(post("/hook").willReturn(ok()));
    url = "http://localhost:" + endpoint.port() + "/hook";
  }

  @AfterEach
  void close() {
    cloud.close();
  }

  private List<LoggedRequest> posts() {
    return endpoint.findAll(postRequestedFor(urlEqualTo("/hook")));
  }

  private List<LoggedRequest> posts(String type) {
    return posts().stream()
        .filter(r -> type.equals(r.getHeader("x-amz-sns-message-type")))
        .toList();
  }

  @Test
  void subscribingSendsASubscriptionConfirmationAndWaitsForIt() throws Exception {
    Subscription sub = orders.subscribe(SubscribeRequest.http(url));
    cloud.runUntilIdle();

    assertThat(sub.isPendingConfirmation()).isTrue();
    LoggedRequest request = posts("SubscriptionConfirmation").get(0);
    assertThat(request.getHeader("x-amz-sns-topic-arn")).isEqualTo(orders.arn());
    assertThat(request.getHeader("Content-Type")).isEqualTo("text/plain; charset=UTF-8");
    assertThat(request.getHeader("User-Agent"))
        .isEqualTo("Amazon Simple Notification Service Agent");
    JsonNode body = json.readTree(request.getBodyAsString());
    assertThat(body.get("Type").asText()).isEqualTo("SubscriptionConfirmation");
    assertThat(body.get("Message").asText())
        .isEqualTo(
            "You have chosen to subscribe to the topic "
                + orders.arn()
                + ".\nTo confirm the subscription, visit the SubscribeURL included in this"
                + " message.");
    String token = body.get("Token").asText();
    assertThat(body.get("SubscribeURL").asText())
        .isEqualTo(
            "https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn="
                + orders.arn()
                + "&Token="
                + token);

    orders.publish("before confirmation");
    cloud.runUntilIdle();
    assertThat(posts("Notification")).isEmpty();

    cloud.sns().confirmSubscription(orders.arn(), token);
    orders.publish("after confirmation");
    cloud.runUntilIdle();

    assertThat(sub.isPendingConfirmation()).isFalse();
    assertThat(posts("Notification"))
        .singleElement()
        .satisfies(
            r ->
                assertThatJson(r.getBodyAsString())
                    .inPath("Message")
                    .isEqualTo("after confirmation"));
    assertThatThrownBy(() -> cloud.sns().confirmSubscription(orders.arn(), "nope"))
        .hasMessage("Invalid parameter: Token");
  }

  @Test
  void visitingTheSubscribeUrlConfirms() throws Exception {
    Subscription sub = orders.subscribe(SubscribeRequest.https(url.replace("http:", "https:")));
    cloud.runUntilIdle();
    assertThat(sub.isPendingConfirmation()).isTrue();
    orders.subscribe(SubscribeRequest.http(url));
    cloud.runUntilIdle();
    String subscribeUrl =
        json.readTree(posts("SubscriptionConfirmation").get(0).getBodyAsString())
            .get("SubscribeURL")
            .asText();

    Subscription confirmed = cloud.sns().visitSubscribeUrl(subscribeUrl);

    assertThat(confirmed.endpoint()).isEqualTo(url);
    assertThat(confirmed.isPendingConfirmation()).isFalse();
    assertThat(cloud.journal().events(SnsEvent.SubscriptionConfirmed.class)).hasSize(1);
  }

  @Test
  void aNotificationCarriesAwsHeadersAndTheEnvelope() {
    Subscription sub = orders.subscribe(SubscribeRequest.http(url).confirmedAutomatically());

    String messageId = orders.publish(PublishRequest.message("hello").subject("hi")).messageId();
    cloud.runUntilIdle();

    LoggedRequest request = posts("Notification").get(0);
    assertThat(request.getHeader("x-amz-sns-message-id")).isEqualTo(messageId);
    assertThat(request.getHeader("x-amz-sns-topic-arn")).isEqualTo(orders.arn());
    assertThat(request.getHeader("x-amz-sns-subscription-arn")).isEqualTo(sub.arn());
    assertThat(request.getHeader("Content-Type")).isEqualTo("text/plain; charset=UTF-8");
    assertThat(request.getHeader("User-Agent"))
        .isEqualTo("Amazon Simple Notification Service Agent");
    assertThat(request.containsHeader("x-amz-sns-rawdelivery")).isFalse();
    assertThatJson(request.getBodyAsString())
        .isObject()
        .containsEntry("Type", "Notification")
        .containsEntry("MessageId", messageId)
        .containsEntry("Subject", "hi")
        .containsEntry("Message", "hello")
        .containsKeys("Signature", "SigningCertURL", "UnsubscribeURL");
  }

  @Test
  void rawDeliveryPostsTheMessageAloneWithTheRawHeader() {
    orders.subscribe(SubscribeRequest.http(url).rawMessageDelivery(true).confirmedAutomatically());

    orders.publish(PublishRequest.message("hello").messageAttribute("type", "order"));
    cloud.runUntilIdle();

    LoggedRequest request = posts("Notification").get(0);
    assertThat(request.getBodyAsString()).isEqualTo("hello");
    assertThat(request.getHeader("x-amz-sns-rawdelivery")).isEqualTo("true");
  }

  @Test
  void aServerErrorIsRetriedThreeTimesTwentySecondsApart() {
    endpoint.stubFor(post("/hook").willReturn(aResponse().withStatus(503)));
    Subscription sub = orders.subscribe(SubscribeRequest.http(url).confirmedAutomatically());
    cloud.runUntilIdle();
    endpoint.resetRequests();

    String id = orders.publish("hello").messageId();
    cloud.runUntilIdle();

    assertThat(posts("Notification")).hasSize(4);
    assertThat(
            cloud.journal().events(SnsEvent.DeliveryFailed.class).stream()
                .filter(f -> f.messageId().equals(id))
                .map(f -> Duration.between(start, f.time())))
        .containsExactly(
            Duration.ZERO, Duration.ofSeconds(20), Duration.ofSeconds(40), Duration.ofSeconds(60));
    assertThat(sub.deliveries()).isEmpty();
    assertThat(cloud.journal().events(SnsEvent.MessageDiscarded.class)).hasSize(1);
  }

  @Test
  void aClientErrorIsNotRetried() {
    endpoint.stubFor(post("/hook").willReturn(aResponse().withStatus(404)));
    orders.subscribe(SubscribeRequest.http(url).confirmedAutomatically());
    cloud.runUntilIdle();
    endpoint.resetRequests();

    orders.publish("hello");
    cloud.runUntilIdle();

    assertThat(posts("Notification")).hasSize(1);
  }

  @Test
  void aDeliveryPolicyShapesTheRetries() {
    endpoint.stubFor(post("/hook").willReturn(aResponse().withStatus(500)));
    orders.subscribe(
        SubscribeRequest.http(url)
            .deliveryPolicy(
                "{\"healthyRetryPolicy\":{\"numRetries\":5,\"numNoDelayRetries\":1,"
                    + "\"minDelayTarget\":10,\"maxDelayTarget\":40,\"numMaxDelayRetries\":1,"
                    + "\"backoffFunction\":\"linear\"},"
                    + "\"requestPolicy\":{\"headerContentType\":\"application/json\"}}")
            .confirmedAutomatically());
    cloud.runUntilIdle();
    endpoint.resetRequests();

    String id = orders.publish("hello").messageId();
    cloud.runUntilIdle();

    assertThat(
            cloud.journal().events(SnsEvent.DeliveryFailed.class).stream()
                .filter(f -> f.messageId().equals(id))
                .map(f -> Duration.between(start, f.time()).toSeconds()))
        .containsExactly(0L, 0L, 10L, 35L, 75L, 115L);
    assertThat(posts("Notification").get(0).getHeader("Content-Type"))
        .isEqualTo("application/json");
  }

  @Test
  void aDeliveryPolicyIsCheckedAsAwsChecksIt() {
    assertThatThrownBy(
            () ->
                orders.subscribe(
                    SubscribeRequest.http(url)
                        .deliveryPolicy("{\"healthyRetryPolicy\":{\"numRetries\":101}}")))
        .hasMessageStartingWith(
            "Invalid parameter: Attributes Reason: DeliveryPolicy: healthyRetryPolicy.numRetries"
                + " must be between 0 and 100");
    assertThatThrownBy(
            () ->
                orders.subscribe(
                    SubscribeRequest.http(url)
                        .deliveryPolicy(
                            "{\"healthyRetryPolicy\":{\"numRetries\":100,\"minDelayTarget\":3600,"
                                + "\"maxDelayTarget\":3600}}")))
        .hasMessageContaining("cannot be greater than 3,600 seconds");
  }

  @Test
  void unsubscribingSendsAnUnsubscribeConfirmation() {
    Subscription sub = orders.subscribe(SubscribeRequest.http(url).confirmedAutomatically());
    cloud.runUntilIdle();

    cloud.sns().unsubscribe(sub.arn());
    cloud.runUntilIdle();

    assertThat(posts("UnsubscribeConfirmation"))
        .singleElement()
        .satisfies(r -> assertThat(r.getHeader("x-amz-sns-subscription-arn")).isEqualTo(sub.arn()));
  }
}
