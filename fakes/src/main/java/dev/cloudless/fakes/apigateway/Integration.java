package dev.cloudless.fakes.apigateway;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cloudless.fakes.aws.AwsServiceException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * How a method or route reaches its backend ({@code PutIntegration}): a Lambda function as proxy or
 * with templates, an HTTP URL, or a mock.
 *
 * <pre>{@code
 * Integration.lambdaProxy("orders");                       // REST v1 event, or 2.0 on HTTP APIs
 * Integration.lambda("orders")                              // Lambda custom, with VTL
 *     .requestTemplate("application/json", "{\"id\": \"$input.params('id')\"}")
 *     .response(IntegrationResponse.of("200"))
 *     .response(IntegrationResponse.of("400").selectionPattern(".*not found.*"));
 * Integration.mock().requestTemplate("application/json", "{\"statusCode\": 200}")
 *     .response(IntegrationResponse.of("200").template("application/json", "{\"ok\": true}"));
 * Integration.httpProxy("http://localhost:8089/{proxy}");
 * }</pre>
 *
 * <p>For Lambda the {@code uri} may be a function name, a function ARN (optionally qualified), or
 * API Gateway's invocation URI {@code
 * arn:aws:apigateway:<region>:lambda:path/2015-03-31/functions/<function-arn>/invocations}; any of
 * them may use {@code ${stageVariables.name}}.
 *
 * @param type the integration type
 * @param uri the function or URL; null for {@code MOCK}
 * @param httpMethod the method the backend is called with; API Gateway always calls Lambda with
 *     POST; null for HTTP integrations means the client's method
 * @param requestTemplates VTL templates by content type (non-proxy types)
 * @param requestParameters {@code integration.request.header|querystring|path.Name} to {@code
 *     method.request.header|querystring|path.Name}, {@code 'literal'}, {@code stageVariables.name}
 *     or {@code context.name}
 * @param passthroughBehavior what an unmatched content type does (non-proxy types)
 * @param timeout 50 ms to 29 s (REST) or 30 s (HTTP APIs); default 29 s
 * @param responses the integration responses (non-proxy types)
 * @param cacheKeyParameters the method parameters that make up the cache key, such as {@code
 *     method.request.querystring.type}
 * @param payloadFormatVersion {@code 1.0} or {@code 2.0}: the event a Lambda proxy integration of
 *     an HTTP API sends; null for the API's default (2.0 on HTTP APIs, 1.0 on REST APIs)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Integration(
    IntegrationType type,
    String uri,
    String httpMethod,
    Map<String, String> requestTemplates,
    Map<String, String> requestParameters,
    PassthroughBehavior passthroughBehavior,
    Duration timeout,
    List<IntegrationResponse> responses,
    List<String> cacheKeyParameters,
    String payloadFormatVersion) {

  /** API Gateway's default and maximum integration timeout for REST APIs. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(29);

  /** The shortest integration timeout API Gateway accepts. */
  public static final Duration MIN_TIMEOUT = Duration.ofMillis(50);

  private static final Pattern REQUEST_PARAMETER =
      Pattern.compile("integration\\.request\\.(header|querystring|path)\\.[^.]+");

  private static final Pattern LAMBDA_PATH =
      Pattern.compile(
          "arn:aws[a-z-]*:apigateway:[^:]+:lambda:path/2015-03-31/functions/(.+)/invocations");

  public Integration {
    Objects.requireNonNull(type, "type");
    requestTemplates = Map.copyOf(requestTemplates);
    requestParameters = Map.copyOf(requestParameters);
    responses = List.copyOf(responses);
    cacheKeyParameters = List.copyOf(cacheKeyParameters);
    if (passthroughBehavior == null) {
      passthroughBehavior = PassthroughBehavior.WHEN_NO_MATCH;
    }
    if (timeout == null) {
      timeout = DEFAULT_TIMEOUT;
    }
    if (timeout.compareTo(MIN_TIMEOUT) < 0 || timeout.compareTo(Duration.ofSeconds(30)) > 0) {
      throw badRequest(
          "Timeout should be between 50 ms and 29000 ms (30000 ms for HTTP APIs); got "
              + timeout.toMillis()
              + " ms.");
    }
    if (payloadFormatVersion != null
        && !payloadFormatVersion.equals("1.0")
        && !payloadFormatVersion.equals("2.0")) {
      throw badRequest(
          "payloadFormatVersion must be 1.0 or 2.0; got [" + payloadFormatVersion + "].");
    }
    for (String name : requestParameters.keySet()) {
      if (!REQUEST_PARAMETER.matcher(name).matches()) {
        throw badRequest(
            "Invalid mapping expression specified: Validation Result: warnings : [], errors :"
                + " [Invalid mapping expression parameter specified: "
                + name
                + "]");
      }
    }
    switch (type) {
      case MOCK -> {
        if (uri != null) {
          throw badRequest("A MOCK integration has no uri; got [" + uri + "].");
        }
      }
      case AWS, AWS_PROXY -> {
        Objects.requireNonNull(uri, "uri");
        checkLambdaUri(type, uri);
        if (httpMethod != null && !httpMethod.equals("POST")) {
          // API Gateway calls Lambda's Invoke, which is a POST; AWS refuses other methods.
          throw badRequest(
              "Integration httpMethod for Lambda must be POST; got [" + httpMethod + "].");
        }
        httpMethod = "POST";
      }
      case HTTP, HTTP_PROXY -> {
        Objects.requireNonNull(uri, "uri");
        if (!uri.startsWith("http://") && !uri.startsWith("https://")) {
          throw badRequest("Invalid HTTP endpoint specified for URI");
        }
        try {
          URI.create(uri.replaceAll("\\{[^}]+}", "x"));
        } catch (IllegalArgumentException e) {
          throw badRequest("Invalid HTTP endpoint specified for URI");
        }
      }
    }
  }

  private static AwsServiceException badRequest(String message) {
    return new AwsServiceException(400, "BadRequestException", message);
  }

  /**
   * AWS's checks of a Lambda integration URI, with its messages (recorded,
   * test_put_integration_aws_proxy_uri).
   */
  private static void checkLambdaUri(IntegrationType type, String uri) {
    if (!uri.startsWith("arn:")) {
      return; // a function name, resolved when the integration runs
    }
    String[] parts = uri.split(":", 6);
    if (parts.length < 6 || parts[2].isEmpty()) {
      throw badRequest("Invalid ARN specified in the request");
    }
    if (parts[2].equals("lambda")) {
      return; // a function ARN
    }
    if (!parts[2].equals("apigateway")) {
      throw badRequest("Invalid ARN specified in the request");
    }
    String resource = parts[5];
    if (!resource.startsWith("path/") && !resource.startsWith("action/")) {
      throw badRequest("AWS ARN for integration must contain path or action");
    }
    boolean lambdaService = parts[4].equals("lambda");
    if (!lambdaService || !LAMBDA_PATH.matcher(uri).matches()) {
      if (type == IntegrationType.AWS_PROXY) {
        throw badRequest(
            "Integrations of type 'AWS_PROXY' currently only supports Lambda function and Firehose"
                + " stream invocations.");
      }
      throw badRequest(
          "Cloudless runs Lambda integrations only; ["
              + uri
              + "] names another AWS service, which Cloudless does not fake.");
    }
  }

  /** A Lambda proxy integration ({@code AWS_PROXY}) to {@code function}. */
  public static Integration lambdaProxy(String function) {
    return bare(IntegrationType.AWS_PROXY, function, "POST");
  }

  /**
   * A Lambda custom integration ({@code AWS}) to {@code function}: give it templates and
   * integration responses.
   */
  public static Integration lambda(String function) {
    return bare(IntegrationType.AWS, function, "POST");
  }

  /** A mock integration: API Gateway answers from the templates, no backend. */
  public static Integration mock() {
    return bare(IntegrationType.MOCK, null, null);
  }

  /**
   * An HTTP proxy integration to {@code url}, which may use {@code {proxy}} and path parameters.
   */
  public static Integration httpProxy(String url) {
    return bare(IntegrationType.HTTP_PROXY, url, null);
  }

  /** An HTTP integration with templates, calling {@code url} with {@code method}. */
  public static Integration http(String method, String url) {
    return bare(IntegrationType.HTTP, url, method);
  }

  /** This integration with a request template for {@code contentType}. */
  public Integration requestTemplate(String contentType, String template) {
    Map<String, String> more = new LinkedHashMap<>(requestTemplates);
    more.put(contentType, template);
    return new Integration(
        type,
        uri,
        httpMethod,
        more,
        requestParameters,
        passthroughBehavior,
        timeout,
        responses,
        cacheKeyParameters,
        payloadFormatVersion);
  }

  /** This integration mapping {@code integrationParameter} from {@code source}. */
  public Integration requestParameter(String integrationParameter, String source) {
    Map<String, String> more = new LinkedHashMap<>(requestParameters);
    more.put(integrationParameter, source);
    return new Integration(
        type,
        uri,
        httpMethod,
        requestTemplates,
        more,
        passthroughBehavior,
        timeout,
        responses,
        cacheKeyParameters,
        payloadFormatVersion);
  }

  /** This integration with one more integration response. */
  public Integration response(IntegrationResponse response) {
    List<IntegrationResponse> more = new ArrayList<>(responses);
    more.add(response);
    return new Integration(
        type,
        uri,
        httpMethod,
        requestTemplates,
        requestParameters,
        passthroughBehavior,
        timeout,
        more,
        cacheKeyParameters,
        payloadFormatVersion);
  }

  public Integration passthroughBehavior(PassthroughBehavior behavior) {
    return new Integration(
        type,
        uri,
        httpMethod,
        requestTemplates,
        requestParameters,
        behavior,
        timeout,
        responses,
        cacheKeyParameters,
        payloadFormatVersion);
  }

  /** This integration with {@code timeout} instead of 29 s. */
  public Integration timeout(Duration timeout) {
    return new Integration(
        type,
        uri,
        httpMethod,
        requestTemplates,
        requestParameters,
        passthroughBehavior,
        timeout,
        responses,
        cacheKeyParameters,
        payloadFormatVersion);
  }

  /** This integration caching by these method parameters. */
  public Integration cacheKeyParameters(String... parameters) {
    return new Integration(
        type,
        uri,
        httpMethod,
        requestTemplates,
        requestParameters,
        passthroughBehavior,
        timeout,
        responses,
        List.of(parameters),
        payloadFormatVersion);
  }

  /** This Lambda proxy integration sending payload format {@code version} (HTTP APIs). */
  public Integration payloadFormatVersion(String version) {
    return new Integration(
        type,
        uri,
        httpMethod,
        requestTemplates,
        requestParameters,
        passthroughBehavior,
        timeout,
        responses,
        cacheKeyParameters,
        version);
  }

  /** An integration of {@code type} with no templates, parameters or responses yet. */
  private static Integration bare(IntegrationType type, String uri, String httpMethod) {
    return new Integration(
        type, uri, httpMethod, Map.of(), Map.of(), null, null, List.of(), List.of(), null);
  }
}
