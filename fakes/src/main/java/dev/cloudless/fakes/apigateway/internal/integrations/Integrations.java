package dev.cloudless.fakes.apigateway.internal.integrations;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudless.fakes.apigateway.ApiResponse;
import dev.cloudless.fakes.apigateway.Header;
import dev.cloudless.fakes.apigateway.Integration;
import dev.cloudless.fakes.apigateway.IntegrationResponse;
import dev.cloudless.fakes.apigateway.IntegrationType;
import dev.cloudless.fakes.apigateway.PassthroughBehavior;
import dev.cloudless.fakes.apigateway.internal.model.ApiKind;
import dev.cloudless.fakes.apigateway.internal.model.Exchange;
import dev.cloudless.fakes.apigateway.internal.model.FunctionRefs;
import dev.cloudless.fakes.apigateway.internal.model.Replies;
import dev.cloudless.fakes.apigateway.internal.model.RequestParts;
import dev.cloudless.fakes.apigateway.internal.vtl.InputVariable;
import dev.cloudless.fakes.apigateway.internal.vtl.JsonPaths;
import dev.cloudless.fakes.apigateway.internal.vtl.Templates;
import dev.cloudless.fakes.aws.AwsServiceException;
import dev.cloudless.fakes.internal.CloudContext;
import dev.cloudless.fakes.internal.FunctionInvoker.ServiceInvocation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Runs a method's integration: Lambda proxy, Lambda custom (VTL), mock, HTTP and HTTP proxy. The
 * integration's timeout is kept on the virtual clock: a function that ends later than the timeout
 * answers the client with AWS's timeout response at the timeout's instant.
 */
@API(status = INTERNAL, since = "0.1")
public final class Integrations {

  private final CloudContext cloud;
  private final Templates templates;
  private HttpBackend http;

  public Integrations(CloudContext cloud) {
    this.cloud = cloud;
    this.templates = new Templates(cloud.json());
  }

  /** The template engine, shared with the WebSocket and mock paths. */
  public Templates templates() {
    return templates;
  }

  public IntegrationResult run(Exchange ex, Integration integration) {
    return switch (integration.type()) {
      case AWS_PROXY -> lambdaProxy(ex, integration);
      case AWS -> lambdaCustom(ex, integration);
      case MOCK -> mock(ex, integration);
      case HTTP, HTTP_PROXY -> httpBackend().run(ex, integration, this);
    };
  }

  private synchronized HttpBackend httpBackend() {
    if (http == null) {
      http = new HttpBackend();
    }
    return http;
  }

  // ---- Lambda ----------------------------------------------------------------------------------

  /** How a Lambda call ended: its result, or Lambda's refusal, or the integration's timeout. */
  record Call(ServiceInvocation result, AwsServiceException refusal, boolean timedOut) {}

  Call invoke(Exchange ex, Integration integration, String payload) {
    String function = FunctionRefs.function(integration.uri(), ex.stageVariables());
    Instant start = ex.now();
    Instant deadline = start.plus(integration.timeout());
    ServiceInvocation result;
    try {
      result =
          cloud
              .resources()
              .functions()
              .invoke(function, null, "RequestResponse", payload, ex.traceToIntegration());
    } catch (AwsServiceException e) {
      return new Call(null, e, false);
    }
    if (result.endedAt().isAfter(deadline)) {
      // The function goes on in Lambda; API Gateway stops waiting at the timeout.
      ex.continueAt(deadline);
      return new Call(result, null, true);
    }
    ex.continueAt(result.endedAt());
    return new Call(result, null, false);
  }

  private IntegrationResult lambdaProxy(Exchange ex, Integration integration) {
    ObjectMapper json = cloud.json();
    String version =
        integration.payloadFormatVersion() != null
            ? integration.payloadFormatVersion()
            : ex.kind() == ApiKind.HTTP ? "2.0" : "1.0";
    String event;
    try {
      event =
          json.writeValueAsString(
              version.equals("2.0") ? ProxyEvents.v2(json, ex) : ProxyEvents.v1(json, ex));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("An event tree always serializes", e);
    }
    Call call = invoke(ex, integration, event);
    if (call.refusal() != null) {
      return lambdaRefused(ex, call.refusal());
    }
    if (call.timedOut()) {
      return new IntegrationResult(Replies.integrationTimeout(ex.kind()), "integration timeout");
    }
    ServiceInvocation result = call.result();
    if (result.functionError() != null) {
      // Recorded: a function error on a proxy integration is 502 Internal server error (HTTP: 500).
      return new IntegrationResult(
          Replies.internalServerError(ex.kind()),
          "function error: " + errorField(result.payload(), "errorType"));
    }
    try {
      ApiResponse response =
          version.equals("2.0")
              ? ProxyResponses.v2(json, result.payload())
              : ProxyResponses.v1(
                  json,
                  result.payload(),
                  ex.kind() == ApiKind.HTTP,
                  ex.api().binaryMediaTypes(),
                  ex.header("Accept"));
      return new IntegrationResult(response, "integration");
    } catch (ProxyResponses.Malformed e) {
      return new IntegrationResult(
          Replies.internalServerError(ex.kind()),
          "malformed Lambda proxy response: " + e.getMessage());
    }
  }

  /**
   * Lambda refused the call (throttle, missing function): the client gets 500 Internal server
   * error, as API Gateway reports any integration failure it does not map.
   */
  private IntegrationResult lambdaRefused(Exchange ex, AwsServiceException refusal) {
    return new IntegrationResult(
        Replies.configurationError(ex.kind()),
        "Lambda refused the invoke: " + refusal.errorCode() + ": " + refusal.getMessage());
  }

  private IntegrationResult lambdaCustom(Exchange ex, Integration integration) {
    String body = new String(ex.request().body(), StandardCharsets.UTF_8);
    Mapped request = mapRequest(ex, integration, body);
    if (request.refused() != null) {
      return new IntegrationResult(request.refused(), "no request template for the content type");
    }
    Call call = invoke(ex, integration, request.body());
    if (call.refusal() != null) {
      return lambdaRefused(ex, call.refusal());
    }
    if (call.timedOut()) {
      return new IntegrationResult(Replies.integrationTimeout(ex.kind()), "integration timeout");
    }
    ServiceInvocation result = call.result();
    String errorMessage =
        result.functionError() != null ? errorField(result.payload(), "errorMessage") : null;
    // The selection pattern is tested against the error message; a success has none, tested as ""
    // (AWS-SEMANTICS 5.8: ".*" matches everything, a success included).
    IntegrationResponse chosen =
        select(integration.responses(), errorMessage == null ? "" : errorMessage);
    if (chosen == null) {
      return new IntegrationResult(
          Replies.configurationError(ex.kind()),
          "no integration response matches and there is no default");
    }
    return new IntegrationResult(
        mapResponse(ex, chosen, result.payload(), List.of()),
        result.functionError() != null
            ? "function error mapped to " + chosen.statusCode()
            : "integration");
  }

  // ---- mock ------------------------------------------------------------------------------------

  private IntegrationResult mock(Exchange ex, Integration integration) {
    String body = new String(ex.request().body(), StandardCharsets.UTF_8);
    Mapped request = mapRequest(ex, integration, body);
    if (request.refused() != null) {
      return new IntegrationResult(request.refused(), "no request template for the content type");
    }
    int status = 200;
    if (request.templated() && !request.body().isBlank()) {
      try {
        JsonNode parsed = cloud.json().readTree(request.body());
        JsonNode code = parsed == null ? null : parsed.get("statusCode");
        if (code != null && code.canConvertToInt()) {
          status = code.asInt();
        }
      } catch (JsonProcessingException e) {
        return new IntegrationResult(
            Replies.configurationError(ex.kind()),
            "the mock request template did not produce JSON with a statusCode");
      }
    }
    IntegrationResponse chosen = select(integration.responses(), Integer.toString(status));
    if (chosen == null) {
      return new IntegrationResult(
          Replies.configurationError(ex.kind()),
          "mock status " + status + " matches no integration response and there is no default");
    }
    return new IntegrationResult(mapResponse(ex, chosen, "", List.of()), "mock " + status);
  }

  // ---- templates -------------------------------------------------------------------------------

  /**
   * What the request template made of the body, or the 415 that passthrough behaviour gives.
   *
   * @param templated whether a template produced {@code body}
   */
  record Mapped(String body, boolean templated, ApiResponse refused) {}

  Mapped mapRequest(Exchange ex, Integration integration, String body) {
    Map<String, String> requestTemplates = integration.requestTemplates();
    String media = RequestParts.mediaType(ex.header("Content-Type"));
    // Without a Content-Type, API Gateway takes the body as application/json.
    String key = media == null ? "application/json" : media;
    String template = null;
    for (Map.Entry<String, String> t : requestTemplates.entrySet()) {
      if (t.getKey().equalsIgnoreCase(key)) {
        template = t.getValue();
      }
    }
    if (template == null) {
      PassthroughBehavior behavior = integration.passthroughBehavior();
      boolean refuse =
          behavior == PassthroughBehavior.NEVER
              || (behavior == PassthroughBehavior.WHEN_NO_TEMPLATES && !requestTemplates.isEmpty());
      if (refuse) {
        return new Mapped(null, false, Replies.unsupportedMediaType());
      }
      return new Mapped(body, false, null);
    }
    Templates.Rendered rendered =
        templates.render(
            template,
            TemplateContext.input(ex, body),
            TemplateContext.context(ex),
            ex.stageVariables());
    return new Mapped(rendered.output(), true, null);
  }

  /**
   * The integration response whose pattern matches {@code subject}, else the default, else null.
   */
  static IntegrationResponse select(List<IntegrationResponse> responses, String subject) {
    IntegrationResponse fallback = null;
    for (IntegrationResponse r : responses) {
      if (r.selectionPattern() == null) {
        if (fallback == null) {
          fallback = r;
        }
      } else if (Pattern.compile(r.selectionPattern(), Pattern.DOTALL).matcher(subject).matches()) {
        return r;
      }
    }
    return fallback;
  }

  /**
   * The client's response from an integration response: the template for the client's Accept (else
   * {@code application/json}, else the first) renders the backend's body; without templates the
   * body passes through. {@code $context.responseOverride} may change status and headers.
   */
  ApiResponse mapResponse(
      Exchange ex, IntegrationResponse chosen, String backendBody, List<Header> backendHeaders) {
    Map<String, String> responseTemplates = chosen.responseTemplates();
    String contentType = "application/json";
    String template = null;
    String accept = RequestParts.mediaType(ex.header("Accept"));
    if (!responseTemplates.isEmpty()) {
      if (accept != null && responseTemplates.containsKey(accept)) {
        contentType = accept;
      } else if (!responseTemplates.containsKey("application/json")) {
        contentType = responseTemplates.keySet().iterator().next();
      }
      template = responseTemplates.get(contentType);
    }
    int status = Integer.parseInt(chosen.statusCode());
    String body = backendBody;
    List<Header> headers = new ArrayList<>();
    Map<String, String> overrides = Map.of();
    if (template != null) {
      InputVariable input = TemplateContext.input(ex, backendBody);
      Templates.Rendered rendered =
          templates.render(template, input, TemplateContext.context(ex), ex.stageVariables());
      body = rendered.output();
      if (rendered.statusOverride() != null) {
        status = rendered.statusOverride();
      }
      overrides = rendered.headerOverrides();
    }
    headers.add(new Header("Content-Type", contentType));
    for (Map.Entry<String, String> p : chosen.responseParameters().entrySet()) {
      String name = p.getKey().substring("method.response.header.".length());
      String value = responseValue(ex, p.getValue(), backendBody, backendHeaders);
      if (value != null) {
        headers.removeIf(h -> h.name().equalsIgnoreCase(name));
        headers.add(new Header(name, value));
      }
    }
    for (Map.Entry<String, String> o : overrides.entrySet()) {
      headers.removeIf(h -> h.name().equalsIgnoreCase(o.getKey()));
      headers.add(new Header(o.getKey(), o.getValue()));
    }
    return new ApiResponse(status, headers, body.getBytes(StandardCharsets.UTF_8));
  }

  private String responseValue(
      Exchange ex, String expression, String backendBody, List<Header> backendHeaders) {
    String e = expression.trim();
    if (e.startsWith("integration.response.header.")) {
      String name = e.substring("integration.response.header.".length());
      for (Header h : backendHeaders) {
        if (h.name().equalsIgnoreCase(name)) {
          return h.value();
        }
      }
      return null;
    }
    if (e.equals("integration.response.body")) {
      return backendBody;
    }
    if (e.startsWith("integration.response.body.")) {
      try {
        JsonNode node =
            JsonPaths.select(
                cloud.json().readTree(backendBody),
                "$." + e.substring("integration.response.body.".length()));
        return node.isMissingNode() || node.isNull()
            ? null
            : node.isTextual() ? node.asText() : node.toString();
      } catch (JsonProcessingException ex2) {
        return null;
      }
    }
    return TemplateContext.source(ex, e);
  }

  private String errorField(String payload, String field) {
    try {
      JsonNode node = cloud.json().readTree(payload);
      return node == null ? "" : node.path(field).asText("");
    } catch (JsonProcessingException e) {
      return "";
    }
  }

  /** The integration type, for messages. */
  static String name(IntegrationType type) {
    return type.name();
  }
}
