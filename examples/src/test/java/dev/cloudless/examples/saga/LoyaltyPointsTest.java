package dev.cloudless.examples.saga;

import static dev.cloudless.assertions.CloudlessAssertions.assertThat;
import static dev.cloudless.fakes.faults.Faults.onState;

import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.lambda.FunctionSpec;
import dev.cloudless.fakes.sns.SubscribeRequest;
import dev.cloudless.fakes.sns.Topic;
import dev.cloudless.fakes.sqs.Queue;
import dev.cloudless.fakes.stepfunctions.Execution;
import dev.cloudless.fakes.stepfunctions.StateMachineSpec;
import dev.cloudless.fakes.stepfunctions.StateMachineType;
import dev.cloudless.junit.CloudlessTest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The loyalty workflow is Express, so AWS may run its AwardPoints step twice for one order. The
 * fault plan makes that happen on purpose: the first version of the step awarded the points twice;
 * the deployed one awards them once.
 */
@CloudlessTest
class LoyaltyPointsTest {

  static final String DELIVERED =
      "{\"orderId\":\"o-42\",\"customerId\":\"c-7\",\"totalCents\":3000}";

  /** The ledger, in memory. */
  static final class Ledger implements LoyaltyLedger {
    final Map<String, Long> balances = new HashMap<>();
    final Set<String> keys = new HashSet<>();

    @Override
    public long add(String customerId, long points) {
      return balances.merge(customerId, points, Long::sum);
    }

    @Override
    public long addOnce(String idempotencyKey, String customerId, long points) {
      return keys.add(idempotencyKey) ? add(customerId, points) : balances.get(customerId);
    }
  }

  private final Ledger ledger = new Ledger();
  private Queue notifications;

  @BeforeEach
  void deploy(FakeCloud cloud) {
    Topic customerEvents = cloud.sns().createTopic("customer-events");
    notifications = cloud.sqs().createQueue("notifications");
    customerEvents.subscribe(SubscribeRequest.to(notifications).rawMessageDelivery(true));
    cloud
        .stepFunctions()
        .createStateMachine(
            StateMachineSpec.named("loyalty-points")
                .type(StateMachineType.EXPRESS)
                .definition(
                    StateMachines.definition(
                        "loyalty-points.asl.json",
                        Map.of("CustomerEventsTopicArn", customerEvents.arn()))));
  }

  @Test
  void theFirstVersionAwardedThePointsTwiceWhenTheStepRanTwice(FakeCloud cloud) {
    cloud
        .lambda()
        .create(
            FunctionSpec.named("award-points").handler(AwardPointsHandler.firstVersion(ledger)));
    cloud.faults().inject(onState("loyalty-points", "AwardPoints").duplicateExecution().once());

    Execution run = cloud.stepFunctions().startSyncExecution("loyalty-points", DELIVERED);

    assertThat(run).hasSucceeded();
    assertThat(cloud.lambda().function("award-points")).hasInvocations(2);
    // The bug the duplicate run exposes: 30 points earned, 60 awarded.
    assertThat(ledger.balances).containsEntry("c-7", 60L);
  }

  @Test
  void theDeployedStepAwardsThePointsOnceEvenWhenItRunsTwice(FakeCloud cloud) {
    cloud
        .lambda()
        .create(FunctionSpec.named("award-points").handler(new AwardPointsHandler(ledger)));
    cloud.faults().inject(onState("loyalty-points", "AwardPoints").duplicateExecution().once());

    Execution run = cloud.stepFunctions().startSyncExecution("loyalty-points", DELIVERED);

    assertThat(run).hasSucceeded().hasVisitedStates("AwardPoints", "NotifyCustomer");
    assertThat(cloud.lambda().function("award-points")).hasInvocations(2);
    assertThat(ledger.balances).containsEntry("c-7", 30L);
    cloud.runUntilIdle();
    assertThat(notifications).singleMessage().jsonBody().inPath("points.balance").isEqualTo(30);
  }
}
