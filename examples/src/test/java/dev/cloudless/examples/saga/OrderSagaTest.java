package dev.cloudless.examples.saga;

import static dev.cloudless.assertions.CloudlessAssertions.assertThat;
import static dev.cloudless.fakes.faults.Faults.onFunction;
import static java.time.Duration.ofSeconds;

import dev.cloudless.examples.orders.ChargePaymentHandler;
import dev.cloudless.examples.orders.Order;
import dev.cloudless.examples.orders.PaymentGateway;
import dev.cloudless.examples.orders.PaymentGateway.PaymentTimeout;
import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.lambda.FunctionSpec;
import dev.cloudless.fakes.sqs.Queue;
import dev.cloudless.fakes.stepfunctions.Execution;
import dev.cloudless.fakes.stepfunctions.StateMachineSpec;
import dev.cloudless.junit.CloudlessTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The order saga: reserve stock, charge the card (retried when the provider times out), ship; a
 * card that cannot be charged releases the stock again. Runs the definition the project deploys.
 */
@CloudlessTest
class OrderSagaTest {

  static final String ORDER =
      """
      {"orderId": "o-42", "customerId": "c-7",
       "items": [{"sku": "mug", "quantity": 2, "unitPriceCents": 1500}],
       "totalCents": 3000}
      """;

  /** The warehouse, in memory: what is reserved and what was released. */
  static final class Warehouse implements Inventory {
    final List<String> reserved = new ArrayList<>();
    final List<String> released = new ArrayList<>();

    @Override
    public String reserve(String orderId, List<Order.Item> items) {
      reserved.add("r-" + orderId);
      return "r-" + orderId;
    }

    @Override
    public void release(String reservationId) {
      released.add(reservationId);
    }
  }

  private final Warehouse warehouse = new Warehouse();
  private PaymentGateway gateway = (customer, amount) -> "pay-1";
  private Queue shipments;

  @BeforeEach
  void deploy(FakeCloud cloud) {
    shipments = cloud.sqs().createQueue("shipments");
    cloud
        .lambda()
        .create(FunctionSpec.named("reserve-stock").handler(new ReserveStockHandler(warehouse)));
    cloud
        .lambda()
        .create(
            FunctionSpec.named("charge")
                .handler(
                    new ChargePaymentHandler(
                        (customer, amount) -> gateway.charge(customer, amount))));
    cloud
        .lambda()
        .create(FunctionSpec.named("release-stock").handler(new ReleaseStockHandler(warehouse)));
    cloud
        .stepFunctions()
        .createStateMachine(
            StateMachineSpec.named("order-saga")
                .definition(
                    StateMachines.definition(
                        "order-saga.asl.json", Map.of("ShipmentsQueueUrl", shipments.url()))));
  }

  @Test
  void aPaidOrderIsShipped(FakeCloud cloud) {
    Execution run = cloud.stepFunctions().startExecution("order-saga", ORDER).awaitCompletion();

    assertThat(run)
        .hasSucceeded()
        .hasVisitedStates("ReserveStock", "ChargePayment", "ShipOrder")
        .outputJson()
        .inPath("payment")
        .isEqualTo("{\"paymentId\":\"pay-1\"}");
    assertThat(shipments)
        .singleMessage()
        .jsonBody()
        .inPath("reservation.reservationId")
        .isEqualTo("r-o-42");
    assertThat(warehouse.released).isEmpty();
  }

  @Test
  void aProviderTimeoutIsRetriedWithBackOffAndTheOrderStillShips(FakeCloud cloud) {
    cloud.faults().inject(onFunction("charge").throwing(new PaymentTimeout("psp slow")).times(2));

    Execution run = cloud.stepFunctions().startExecution("order-saga", ORDER).awaitCompletion();

    assertThat(run).hasSucceeded();
    assertThat(run)
        .state("ChargePayment")
        .hasRetries(2)
        .hasRetryDelays(ofSeconds(30), ofSeconds(60))
        .hasAttemptErrors(PaymentTimeout.class.getName(), PaymentTimeout.class.getName());
    assertThat(cloud.lambda().function("charge")).hasInvocations(3);
    assertThat(shipments).hasSize(1);
  }

  @Test
  void aDeclinedCardReleasesTheStockAndFailsTheOrder(FakeCloud cloud) {
    gateway =
        (customer, amount) -> {
          throw new IllegalStateException("card declined");
        };

    Execution run = cloud.stepFunctions().startExecution("order-saga", ORDER).awaitCompletion();

    assertThat(run)
        .hasFailed()
        .hasError("PaymentFailed")
        .hasVisitedStates("ReserveStock", "ChargePayment", "ReleaseStock", "OrderFailed")
        .hasNotVisited("ShipOrder");
    assertThat(run).state("ChargePayment").hasRetries(0);
    assertThat(run)
        .state("ReleaseStock")
        .hasInputJson(
            """
            {"orderId": "o-42", "customerId": "c-7",
             "items": [{"sku": "mug", "quantity": 2, "unitPriceCents": 1500}],
             "totalCents": 3000,
             "reservation": {"reservationId": "r-o-42"},
             "failure": {"Error": "java.lang.IllegalStateException",
                         "Cause": "${json-unit.any-string}"}}
            """);
    assertThat(warehouse.released).containsExactly("r-o-42");
    assertThat(shipments).isEmpty();
  }

  @Test
  void aProviderThatNeverAnswersIsCompensatedAfterTheRetries(FakeCloud cloud) {
    cloud.faults().inject(onFunction("charge").throwing(new PaymentTimeout("psp down")).always());

    Execution run = cloud.stepFunctions().startExecution("order-saga", ORDER).awaitCompletion();

    assertThat(run).hasFailed().hasError("PaymentFailed").hasVisited("ReleaseStock");
    assertThat(run)
        .state("ChargePayment")
        .hasRetries(2)
        .hasRetryDelays(ofSeconds(30), ofSeconds(60));
    assertThat(warehouse.released).containsExactly("r-o-42");
  }
}
