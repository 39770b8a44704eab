package dev.cloudless.examples.orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The orders API's TOKEN authorizer. A token is {@code Bearer <customerId>} (a stand-in for a
 * signed JWT): it allows the whole stage for that customer, so that API Gateway can cache one
 * decision per token for every route. Suspended customers are denied; a token the shop does not
 * know is answered "Unauthorized", which API Gateway turns into 401.
 */
public final class OrdersAuthorizerHandler
    implements RequestHandler<APIGatewayCustomAuthorizerEvent, Map<String, Object>> {

  private final Set<String> suspended;

  public OrdersAuthorizerHandler(Set<String> suspendedCustomers) {
    this.suspended = Set.copyOf(suspendedCustomers);
  }

  @Override
  public Map<String, Object> handleRequest(APIGatewayCustomAuthorizerEvent event, Context context) {
    String customerId = event.getAuthorizationToken().substring("Bearer ".length());
    if (customerId.startsWith("expired-")) {
      // AWS's convention: exactly this message means 401.
      throw new IllegalStateException("Unauthorized");
    }
    String effect = suspended.contains(customerId) ? "Deny" : "Allow";
    // arn:aws:execute-api:region:account:apiId/stage/VERB/path -> .../apiId/stage/*
    String[] arn = event.getMethodArn().split("/");
    String wholeStage = arn[0] + "/" + arn[1] + "/*";
    return Map.of(
        "principalId",
        customerId,
        "policyDocument",
        Map.of(
            "Version",
            "2012-10-17",
            "Statement",
            List.of(
                Map.of("Action", "execute-api:Invoke", "Effect", effect, "Resource", wholeStage))),
        "context",
        Map.of("tier", customerId.startsWith("vip-") ? "vip" : "standard"));
  }
}
