package dev.cloudless.assertions;

import static dev.cloudless.assertions.CloudlessAssertions.assertThat;
import static dev.cloudless.assertions.CloudlessAssertions.assertThatThrownBy;
import static dev.cloudless.fakes.faults.Faults.onFunction;
import static java.time.Duration.ofSeconds;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.lambda.FunctionSpec;
import dev.cloudless.fakes.sqs.Message;
import dev.cloudless.fakes.sqs.Queue;
import dev.cloudless.fakes.sqs.QueueSpec;
import dev.cloudless.fakes.sqs.SendMessageRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QueueAssertTest {

  private final FakeCloud cloud = FakeCloud.create();

  @AfterEach
  void close() {
    cloud.close();
  }

  static final class PaymentTimeout extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PaymentTimeout(String message) {
      super(message);
    }
  }

  @Test
  void anEmptyDeadLetterQueueExplainsItselfWithItsEventsAndTheFaultsThatFired() {
    Queue dlq = cloud.sqs().createQueue("payments-dlq");
    RequestHandler<Object, String> charge = (input, context) -> "charged";
    cloud.lambda().create(FunctionSpec.named("charge").handler(charge).deadLetterQueue(dlq));
    cloud.faults().inject(onFunction("charge").throwing(new PaymentTimeout("psp slow")).times(2));

    cloud.lambda().invokeAsync("charge", "{\"orderId\":\"o-42\"}");
    cloud.runUntilIdle();

    assertThat(dlq).isEmpty();
    assertThatThrownBy(() -> assertThat(dlq).singleMessage())
        .isInstanceOf(AssertionError.class)
        .hasMessageMatching(
            "Expecting queue \\[payments-dlq] to contain exactly 1 message but it contained 0\\.\n"
                + "Events of queue \\[payments-dlq]:\n"
                + "  t\\+0\\.000s +#1 +QueueCreated +payments-dlq created\n"
                + "Messages held by queue \\[payments-dlq]: none\n"
                + "Faults fired:\n"
                + "  fault onFunction\\(\"charge\"\\)\\.throwing\\(PaymentTimeout: psp slow\\)"
                + "\\.times\\(2\\) fired on hit 1\n"
                + "  fault onFunction\\(\"charge\"\\)\\.throwing\\(PaymentTimeout: psp slow\\)"
                + "\\.times\\(2\\) fired on hit 2");
  }

  @Test
  void aDeadLetterQueueShowsWhatLambdaGaveUpOnAndSentToIt() {
    Queue dlq = cloud.sqs().createQueue("payments-dlq");
    RequestHandler<Object, String> charge = (input, context) -> "charged";
    cloud
        .lambda()
        .create(
            FunctionSpec.named("charge")
                .handler(charge)
                .maximumRetryAttempts(0)
                .deadLetterQueue(dlq));
    cloud.faults().inject(onFunction("charge").throwing(new PaymentTimeout("psp slow")).once());

    cloud.lambda().invokeAsync("charge", "{\"orderId\":\"o-42\"}");
    cloud.runUntilIdle();

    assertThatThrownBy(() -> assertThat(dlq).isEmpty())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Dead-lettered to queue [payments-dlq] by Lambda:\n  t+0.")
        .hasMessageContaining("AsyncEventDropped")
        .hasMessageContaining("charge gave up on request ")
        .hasMessageContaining(
            "(RetriesExhausted), sent to dead-letter queue"
                + " arn:aws:sqs:us-east-1:000000000000:payments-dlq\n");
  }

  @Test
  void deadLetterMovesAreAssertedWithWhenAndAfterHowManyReceives() {
    Queue dlq = cloud.sqs().createQueue("orders-dlq");
    Queue orders =
        cloud
            .sqs()
            .createQueue(
                QueueSpec.named("orders").visibilityTimeout(ofSeconds(10)).redrive(dlq, 2));
    orders.send("poison");
    orders.send("fine");
    // A consumer that deletes "fine" and never manages "poison": two receives, then the move.
    for (int round = 0; round < 3; round++) {
      for (Message m : orders.receive(10)) {
        if (m.body().equals("fine")) {
          orders.delete(m.receiptHandle());
        }
      }
      cloud.advance(ofSeconds(10));
    }

    assertThat(orders)
        .hasMovedToDeadLetterQueue(1)
        .hasMovedBodiesToDeadLetterQueue("poison")
        .hasMovedToDeadLetterQueueAt(ofSeconds(20))
        .hasMovedToDeadLetterQueueAfterReceives(2)
        .isEmpty();
    assertThat(dlq).singleMessage().hasBody("poison");
    assertThatThrownBy(() -> assertThat(orders).hasMovedToDeadLetterQueue(2))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expecting queue [orders] to have moved 2 messages to its dead-letter queue but it"
                + " moved 1.")
        .hasMessageContaining("MessageMovedToDeadLetterQueue");
    assertThatThrownBy(() -> assertThat(orders).hasMovedToDeadLetterQueueAt(ofSeconds(30)))
        .hasMessageStartingWith(
            "Expecting queue [orders] to have moved messages to its dead-letter queue at"
                + " [t+30.000s] but it moved them at [t+20.000s].");
    assertThatThrownBy(() -> assertThat(orders).hasMovedToDeadLetterQueueAfterReceives(3))
        .hasMessageStartingWith(
            "Expecting queue [orders] to have moved messages to its dead-letter queue after"
                + " 3 receives but their receive counts were [2].");
    assertThatThrownBy(() -> assertThat(orders).hasMovedBodiesToDeadLetterQueue("fine"))
        .hasMessageStartingWith(
            "Expecting queue [orders] to have moved messages with bodies [fine] to its"
                + " dead-letter queue but it moved [poison].");
    assertThatThrownBy(() -> assertThat(dlq).hasMovedToDeadLetterQueueAfterReceives(2))
        .hasMessageContaining("but it moved none.");
  }

  @Test
  void aQueueWithoutFaultsSaysNoneFired() {
    Queue orders = cloud.sqs().createQueue("orders");

    assertThatThrownBy(() -> assertThat(orders).hasSize(1))
        .isInstanceOf(AssertionError.class)
        .hasMessageEndingWith("Faults fired: none");
  }

  @Test
  void isEmptyAndHasSizeCountEveryMessageHeldWhateverItsState() {
    Queue orders = cloud.sqs().createQueue("orders");
    assertThat(orders).isEmpty().hasSize(0);
    orders.send("visible");
    orders.send("in flight");
    orders.send(SendMessageRequest.body("delayed").delay(ofSeconds(30)));
    orders.receive();

    assertThat(orders).hasSize(3).isNotEmpty();
    assertThatThrownBy(() -> assertThat(orders).isEmpty())
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expecting queue [orders] to be empty but it contained 3 messages.\n"
                + "Events of queue [orders]:\n")
        .hasMessageContaining("MessageSent")
        .hasMessageContaining("MessageReceived")
        .hasMessageContaining("Messages held by queue [orders] (oldest first):\n  #1 ")
        .hasMessageContaining(" receiveCount=1 visible\n");
    assertThatThrownBy(() -> assertThat(orders).hasSize(2))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expecting queue [orders] to contain exactly 2 messages but it contained 3.");
    assertThatThrownBy(() -> assertThat(cloud.sqs().createQueue("empty")).isNotEmpty())
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expecting queue [empty] not to be empty but it contained no message.");
  }

  @Test
  void visibleInFlightAndDelayedCountsReadTheApproximateNumbers() {
    Queue orders = cloud.sqs().createQueue("orders");
    orders.send("a");
    orders.send("b");
    orders.send(SendMessageRequest.body("later").delay(ofSeconds(30)));
    orders.receive();

    assertThat(orders).hasVisibleMessages(1).hasInFlightMessages(1).hasDelayedMessages(1);
    assertThatThrownBy(() -> assertThat(orders).hasVisibleMessages(2))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expecting queue [orders] to have 2 messages visible but it had 1 visible.");
    assertThatThrownBy(() -> assertThat(orders).hasInFlightMessages(0))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expecting queue [orders] to have 0 messages in flight but it had 1 in flight.");
    assertThatThrownBy(() -> assertThat(orders).hasDelayedMessages(0))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expecting queue [orders] to have 0 messages delayed but it had 1 delayed.");
  }

  @Test
  void assertingDoesNotReceiveSoReceiveCountsStayAsTheyWere() {
    Queue orders = cloud.sqs().createQueue("orders");
    orders.send("a");

    assertThat(orders).singleMessage().hasReceiveCount(0);
    assertThat(orders).hasVisibleMessages(1).singleMessage().hasReceiveCount(0);
    assertThat(orders.receive()).singleElement().extracting("body").isEqualTo("a");
  }

  @Test
  void containsBodiesLooksForEachBodyInAnyOrder() {
    Queue orders = cloud.sqs().createQueue("orders");
    orders.send("a");
    orders.send("b");
    orders.send("a");

    assertThat(orders).containsBodies("b", "a").containsBodies("a", "a");
    assertThatThrownBy(() -> assertThat(orders).containsBodies("a", "c", "b", "b"))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expecting queue [orders] to contain messages with bodies [a, c, b, b]"
                + " but [c, b] were missing; its bodies were [a, b, a].");
  }

  @Test
  void containsExactlyBodiesWantsEveryBodyOldestFirst() {
    Queue orders = cloud.sqs().createQueue("orders");
    orders.send("a");
    orders.send("b");

    assertThat(orders).containsExactlyBodies("a", "b");
    assertThatThrownBy(() -> assertThat(orders).containsExactlyBodies("b", "a"))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expecting queue [orders] to contain exactly messages with bodies [b, a]"
                + " (oldest first) but its bodies were [a, b].");
  }

  @Test
  void containsJsonBodyComparesJsonSemantically() {
    Queue orders = cloud.sqs().createQueue("orders");
    orders.send("not json");
    orders.send("{\"orderId\":\"o-42\",\"total\":30}");

    assertThat(orders).containsJsonBody("{ \"total\": 30, \"orderId\": \"o-42\" }");
    assertThatThrownBy(() -> assertThat(orders).containsJsonBody("{\"orderId\":\"o-43\"}"))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expecting queue [orders] to contain a message whose body is JSON equal to\n"
                + "  {\"orderId\":\"o-43\"}\n"
                + "but none of its 2 messages matched.");
  }

  @Test
  void messageNavigatesToTheNthMessageOldestFirstCountingFromOne() {
    Queue orders = cloud.sqs().createQueue("orders");
    orders.send("a");
    orders.send("b");
    orders.send("c");

    assertThat(orders).message(2).hasBody("b");
    assertThat(orders).firstMessage().hasBody("a");
    assertThat(orders).lastMessage().hasBody("c");
    assertThat(orders).message(1, m -> m.hasBody("a")).message(3, m -> m.hasBody("c"));
    assertThatThrownBy(() -> assertThat(orders).message(4))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expecting queue [orders] to contain a message 4 but it contained 3.\n"
                + "Events of queue [orders]:");
    assertThatThrownBy(() -> assertThat(orders).message(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Messages are counted from 1, oldest first, as invocations are; got message(0).");
    assertThatThrownBy(() -> assertThat(orders).message(2).hasBody("a"))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("Expecting message 2 of queue [orders] to have body\n  a\n");
  }

  @Test
  void singleMessageFailsUnlessTheQueueHoldsExactlyOne() {
    Queue orders = cloud.sqs().createQueue("orders");
    assertThatThrownBy(() -> assertThat(orders).lastMessage())
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expecting queue [orders] to contain a last message but it contained 0.");
    orders.send("a");

    assertThat(orders).singleMessage(m -> m.hasBody("a")).hasSize(1);
    orders.send("b");
    assertThatThrownBy(() -> assertThat(orders).singleMessage())
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expecting queue [orders] to contain exactly 1 message but it contained 2.");
  }

  @Test
  void aDescriptionGivenToTheQueueCarriesOverToItsMessages() {
    Queue orders = cloud.sqs().createQueue("orders");
    orders.send("a");

    assertThatThrownBy(() -> assertThat(orders).as("after checkout").singleMessage().hasBody("b"))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("[after checkout] Expecting message 1 of queue [orders]");
  }

  @Test
  void aPercentSignInABodyIsTextNotAFormatSpecifier() {
    Queue orders = cloud.sqs().createQueue("orders");
    orders.send("100% sure %s %n");

    assertThatThrownBy(() -> assertThat(orders).containsBodies("b"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("its bodies were [100% sure %s %n].");
  }

  @Test
  void aNullQueueFailsWithAPlainMessage() {
    assertThatThrownBy(() -> assertThat((Queue) null).isEmpty())
        .isInstanceOf(AssertionError.class)
        .hasMessage("Expecting a queue but it was null.");
    assertThatThrownBy(() -> assertThat((Queue) null).singleMessage())
        .isInstanceOf(AssertionError.class)
        .hasMessage("Expecting a queue but it was null.");
  }
}
