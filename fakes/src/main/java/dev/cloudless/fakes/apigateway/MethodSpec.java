package dev.cloudless.fakes.apigateway;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A method of a REST API resource, or a route of an HTTP API: its integration, its authorizer (by
 * name) and whether it needs an API key ({@code PutMethod} plus {@code PutIntegration}).
 *
 * <pre>{@code
 * MethodSpec.of(Integration.lambdaProxy("orders")).authorizer("token-auth").apiKeyRequired(true);
 * }</pre>
 *
 * @param integration how the method reaches its backend
 * @param authorizer the name of the API's Lambda authorizer, or null for none ({@code NONE})
 * @param apiKeyRequired whether callers must send an API key of a usage plan of the stage (REST)
 * @param requestParameters declared method request parameters ({@code
 *     method.request.querystring.type}) and whether each is required: a required one missing gives
 *     400 before the integration runs
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record MethodSpec(
    Integration integration,
    String authorizer,
    boolean apiKeyRequired,
    Map<String, Boolean> requestParameters) {

  public MethodSpec {
    Objects.requireNonNull(integration, "integration");
    requestParameters = Map.copyOf(requestParameters);
    for (String name : requestParameters.keySet()) {
      if (!name.matches(
          "method\\.request\\.(header|querystring|path|multivaluequerystring|multivalueheader)\\.[^.]+")) {
        throw new dev.cloudless.fakes.aws.AwsServiceException(
            400,
            "BadRequestException",
            "Invalid method request parameter ["
                + name
                + "]; write method.request.header|querystring|path.<name>.");
      }
    }
  }

  /** A method with {@code integration}, no authorizer and no API key. */
  public static MethodSpec of(Integration integration) {
    return new MethodSpec(integration, null, false, Map.of());
  }

  /** This method guarded by the API's authorizer named {@code name}. */
  public MethodSpec authorizer(String name) {
    return new MethodSpec(integration, name, apiKeyRequired, requestParameters);
  }

  public MethodSpec apiKeyRequired(boolean required) {
    return new MethodSpec(integration, authorizer, required, requestParameters);
  }

  /** This method declaring {@code parameter} (e.g. {@code method.request.querystring.type}). */
  public MethodSpec requestParameter(String parameter, boolean required) {
    Map<String, Boolean> more = new LinkedHashMap<>(requestParameters);
    more.put(parameter, required);
    return new MethodSpec(integration, authorizer, apiKeyRequired, more);
  }
}
