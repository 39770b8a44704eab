package dev.cloudless.fakes.apigateway.internal.openapi;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.cloudless.fakes.apigateway.ApiKeySource;
import dev.cloudless.fakes.apigateway.AuthorizerSpec;
import dev.cloudless.fakes.apigateway.AuthorizerType;
import dev.cloudless.fakes.apigateway.Integration;
import dev.cloudless.fakes.apigateway.IntegrationResponse;
import dev.cloudless.fakes.apigateway.IntegrationType;
import dev.cloudless.fakes.apigateway.MethodSpec;
import dev.cloudless.fakes.apigateway.PassthroughBehavior;
import dev.cloudless.fakes.apigateway.RestApiSpec;
import dev.cloudless.fakes.aws.AwsServiceException;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Reads an OpenAPI 3.0 or Swagger 2.0 document (swagger-parser) with API Gateway's extensions into
 * the specs a REST or HTTP API is built from, as {@code ImportRestApi} and {@code ImportApi} do.
 *
 * <p>Extensions read: {@code x-amazon-apigateway-integration} (per operation), {@code -any-method}
 * (per path), {@code -authorizer} (per security scheme), {@code -binary-media-types}, {@code
 * -minimum-compression-size}, {@code -api-key-source}, {@code -request-validators} and {@code
 * -request-validator}. An operation without an integration becomes a mock answering the example of
 * its first 2xx response. Source: API Gateway developer guide, {@code
 * api-gateway-swagger-extensions*.md}; AWS-SEMANTICS 5.9.
 */
@API(status = INTERNAL, since = "0.1")
public final class OpenApiImport {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private OpenApiImport() {}

  /** One method of the imported API. */
  @API(status = INTERNAL, since = "0.1")
  public record ImportedMethod(String method, String path, MethodSpec spec) {}

  /** What the document describes. */
  @API(status = INTERNAL, since = "0.1")
  public record Imported(
      RestApiSpec restSpec, List<AuthorizerSpec> authorizers, List<ImportedMethod> methods) {}

  /** Parses {@code document}; {@code BadRequestException} as AWS answers a document it refuses. */
  public static Imported parse(String document, boolean httpApi) {
    checkVersion(document);
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIParser().readContents(document, null, options);
    OpenAPI api = result.getOpenAPI();
    if (api == null || api.getPaths() == null) {
      throw invalid(result.getMessages());
    }
    Map<String, Object> top = api.getExtensions() == null ? Map.of() : api.getExtensions();
    String title =
        api.getInfo() != null && api.getInfo().getTitle() != null
            ? api.getInfo().getTitle()
            : "imported";
    List<String> binary = strings(top.get("x-amazon-apigateway-binary-media-types"));
    Integer minimumCompression =
        top.get("x-amazon-apigateway-minimum-compression-size") instanceof Number n
            ? n.intValue()
            : null;
    ApiKeySource keySource =
        "AUTHORIZER".equalsIgnoreCase(String.valueOf(top.get("x-amazon-apigateway-api-key-source")))
            ? ApiKeySource.AUTHORIZER
            : ApiKeySource.HEADER;
    RestApiSpec restSpec =
        new RestApiSpec(
            title,
            api.getInfo() == null ? "" : api.getInfo().getDescription(),
            binary,
            minimumCompression,
            keySource);

    Map<String, SecurityScheme> schemes =
        api.getComponents() == null || api.getComponents().getSecuritySchemes() == null
            ? Map.of()
            : api.getComponents().getSecuritySchemes();
    List<AuthorizerSpec> authorizers = new ArrayList<>();
    List<String> apiKeySchemes = new ArrayList<>();
    for (Map.Entry<String, SecurityScheme> s : schemes.entrySet()) {
      Object ext =
          s.getValue().getExtensions() == null
              ? null
              : s.getValue().getExtensions().get("x-amazon-apigateway-authorizer");
      if (ext instanceof Map<?, ?> authorizer) {
        authorizers.add(authorizer(s.getKey(), s.getValue(), authorizer, httpApi));
      } else if (s.getValue().getType() == SecurityScheme.Type.APIKEY
          && "x-api-key".equalsIgnoreCase(s.getValue().getName())) {
        apiKeySchemes.add(s.getKey());
      }
    }
    List<String> authorizerNames = authorizers.stream().map(AuthorizerSpec::name).toList();

    Map<String, Boolean> validators = validators(top.get("x-amazon-apigateway-request-validators"));
    String defaultValidator =
        top.get("x-amazon-apigateway-request-validator") instanceof String v ? v : null;
    List<SecurityRequirement> globalSecurity = api.getSecurity();

    List<ImportedMethod> methods = new ArrayList<>();
    for (Map.Entry<String, PathItem> p : api.getPaths().entrySet()) {
      String path = p.getKey();
      PathItem item = p.getValue();
      for (Map.Entry<PathItem.HttpMethod, Operation> o : item.readOperationsMap().entrySet()) {
        Operation op = o.getValue();
        methods.add(
            new ImportedMethod(
                o.getKey().name(),
                path,
                method(
                    op.getExtensions(),
                    op.getSecurity() != null ? op.getSecurity() : globalSecurity,
                    op.getParameters(),
                    item.getParameters(),
                    op.getResponses(),
                    authorizerNames,
                    apiKeySchemes,
                    validators,
                    defaultValidator,
                    httpApi,
                    path)));
      }
      Object any =
          item.getExtensions() == null
              ? null
              : item.getExtensions().get("x-amazon-apigateway-any-method");
      if (any instanceof Map<?, ?> anyMethod) {
        Operation op = JSON.convertValue(withoutExtensions(anyMethod), Operation.class);
        Map<String, Object> extensions = new LinkedHashMap<>();
        anyMethod.forEach(
            (k, v) -> {
              if (String.valueOf(k).startsWith("x-")) {
                extensions.put(String.valueOf(k), v);
              }
            });
        methods.add(
            new ImportedMethod(
                "ANY",
                path,
                method(
                    extensions,
                    op.getSecurity() != null ? op.getSecurity() : globalSecurity,
                    op.getParameters(),
                    item.getParameters(),
                    op.getResponses(),
                    authorizerNames,
                    apiKeySchemes,
                    validators,
                    defaultValidator,
                    httpApi,
                    path)));
      }
    }
    return new Imported(restSpec, authorizers, methods);
  }

  /** AWS imports OpenAPI 2.0 and 3.0 only; anything else is "Invalid OpenAPI input." */
  private static void checkVersion(String document) {
    JsonNode tree;
    try {
      String trimmed = document.trim();
      tree = trimmed.startsWith("{") ? JSON.readTree(trimmed) : YAML.readTree(trimmed);
    } catch (JsonProcessingException e) {
      throw invalid(List.of("the document is neither JSON nor YAML: " + e.getOriginalMessage()));
    }
    String openapi = tree == null ? "" : tree.path("openapi").asText("");
    String swagger = tree == null ? "" : tree.path("swagger").asText("");
    if (!(swagger.equals("2.0") || openapi.startsWith("3.0."))) {
      throw invalid(
          List.of(
              "API Gateway imports OpenAPI 2.0 and 3.0 definitions; this one is "
                  + (openapi.isEmpty()
                      ? (swagger.isEmpty() ? "unversioned" : "swagger " + swagger)
                      : "openapi " + openapi)));
    }
  }

  private static AwsServiceException invalid(List<String> why) {
    // AWS's whole message is "Invalid OpenAPI input."; the reasons follow it to help people.
    return new AwsServiceException(
        400,
        "BadRequestException",
        "Invalid OpenAPI input."
            + (why == null || why.isEmpty() ? "" : " " + String.join("; ", why)));
  }

  private static Map<String, Object> withoutExtensions(Map<?, ?> raw) {
    Map<String, Object> copy = new LinkedHashMap<>();
    raw.forEach(
        (k, v) -> {
          if (!String.valueOf(k).startsWith("x-")) {
            copy.put(String.valueOf(k), v);
          }
        });
    return copy;
  }

  private static AuthorizerSpec authorizer(
      String name, SecurityScheme scheme, Map<?, ?> ext, boolean httpApi) {
    String type = String.valueOf(ext.get("type")).toLowerCase(Locale.ROOT);
    AuthorizerType kind =
        switch (type) {
          case "token" -> AuthorizerType.TOKEN;
          case "request" -> AuthorizerType.REQUEST;
          default ->
              throw new AwsServiceException(
                  400,
                  "BadRequestException",
                  "Authorizer ["
                      + name
                      + "] has type ["
                      + type
                      + "]; Cloudless imports Lambda"
                      + " authorizers (token, request) only.");
        };
    String source =
        ext.get("identitySource") instanceof String s
            ? s
            : kind == AuthorizerType.TOKEN && scheme.getName() != null
                ? "method.request.header." + scheme.getName()
                : null;
    int ttl =
        ext.get("authorizerResultTtlInSeconds") instanceof Number n
            ? n.intValue()
            : source == null ? 0 : AuthorizerSpec.DEFAULT_TTL_SECONDS;
    return new AuthorizerSpec(
        name,
        kind,
        String.valueOf(ext.get("authorizerUri")),
        source,
        ext.get("identityValidationExpression") instanceof String v ? v : null,
        ttl,
        httpApi && ext.get("authorizerPayloadFormatVersion") != null
            ? String.valueOf(ext.get("authorizerPayloadFormatVersion"))
            : null,
        httpApi && Boolean.TRUE.equals(ext.get("enableSimpleResponses")));
  }

  private static Map<String, Boolean> validators(Object raw) {
    Map<String, Boolean> validators = new LinkedHashMap<>();
    if (raw instanceof Map<?, ?> map) {
      map.forEach(
          (k, v) ->
              validators.put(
                  String.valueOf(k),
                  v instanceof Map<?, ?> m
                      && Boolean.TRUE.equals(m.get("validateRequestParameters"))));
    }
    return validators;
  }

  @SuppressWarnings("unchecked")
  private static MethodSpec method(
      Map<String, Object> extensions,
      List<SecurityRequirement> security,
      List<Parameter> parameters,
      List<Parameter> pathParameters,
      io.swagger.v3.oas.models.responses.ApiResponses responses,
      List<String> authorizerNames,
      List<String> apiKeySchemes,
      Map<String, Boolean> validators,
      String defaultValidator,
      boolean httpApi,
      String path) {
    Object raw = extensions == null ? null : extensions.get("x-amazon-apigateway-integration");
    Integration integration =
        raw instanceof Map<?, ?> map
            ? integration((Map<String, Object>) map, path)
            : exampleMock(responses);
    String authorizer = null;
    boolean apiKey = false;
    if (security != null) {
      for (SecurityRequirement requirement : security) {
        for (String name : requirement.keySet()) {
          if (authorizerNames.contains(name)) {
            authorizer = name;
          } else if (apiKeySchemes.contains(name)) {
            apiKey = true;
          }
        }
      }
    }
    Object validatorName =
        extensions == null
            ? null
            : extensions.getOrDefault("x-amazon-apigateway-request-validator", defaultValidator);
    boolean validate =
        validatorName != null && validators.getOrDefault(String.valueOf(validatorName), false);
    Map<String, Boolean> requestParameters = new LinkedHashMap<>();
    List<Parameter> all = new ArrayList<>();
    if (pathParameters != null) {
      all.addAll(pathParameters);
    }
    if (parameters != null) {
      all.addAll(parameters);
    }
    for (Parameter p : all) {
      String in = p.getIn() == null ? "" : p.getIn();
      String where =
          switch (in) {
            case "query" -> "querystring";
            case "header" -> "header";
            case "path" -> "path";
            default -> null;
          };
      if (where != null) {
        // Without a validator that checks parameters, AWS records them but enforces nothing.
        requestParameters.put(
            "method.request." + where + "." + p.getName(),
            validate && Boolean.TRUE.equals(p.getRequired()));
      }
    }
    MethodSpec spec =
        new MethodSpec(integration, authorizer, apiKey && !httpApi, requestParameters);
    return spec;
  }

  private static Integration integration(Map<String, Object> ext, String path) {
    String type = String.valueOf(ext.get("type")).toUpperCase(Locale.ROOT);
    IntegrationType kind;
    try {
      kind = IntegrationType.valueOf(type);
    } catch (IllegalArgumentException e) {
      throw new AwsServiceException(
          400,
          "BadRequestException",
          "Invalid integration type ["
              + ext.get("type")
              + "] at path "
              + path
              + "; expected aws, aws_proxy, http, http_proxy or mock.");
    }
    String uri = ext.get("uri") instanceof String u ? u : null;
    String httpMethod =
        ext.get("httpMethod") instanceof String m ? m.toUpperCase(Locale.ROOT) : null;
    Map<String, String> requestTemplates = stringMap(ext.get("requestTemplates"));
    Map<String, String> requestParameters = stringMap(ext.get("requestParameters"));
    PassthroughBehavior passthrough =
        ext.get("passthroughBehavior") instanceof String pb
            ? PassthroughBehavior.valueOf(pb.toUpperCase(Locale.ROOT))
            : null;
    Duration timeout =
        ext.get("timeoutInMillis") instanceof Number n ? Duration.ofMillis(n.longValue()) : null;
    List<IntegrationResponse> responses = new ArrayList<>();
    if (ext.get("responses") instanceof Map<?, ?> rs) {
      rs.forEach(
          (pattern, value) -> {
            if (value instanceof Map<?, ?> r) {
              responses.add(
                  new IntegrationResponse(
                      String.valueOf(r.get("statusCode")),
                      "default".equals(pattern) ? null : String.valueOf(pattern),
                      stringMap(r.get("responseTemplates")),
                      stringMap(r.get("responseParameters"))));
            }
          });
    }
    List<String> cacheKeys = strings(ext.get("cacheKeyParameters"));
    String payloadFormat =
        ext.get("payloadFormatVersion") == null
            ? null
            : String.valueOf(ext.get("payloadFormatVersion"));
    return new Integration(
        kind,
        kind == IntegrationType.MOCK ? null : uri,
        kind == IntegrationType.MOCK ? null : httpMethod,
        requestTemplates,
        requestParameters,
        passthrough,
        timeout,
        responses,
        cacheKeys,
        payloadFormat);
  }

  /**
   * A mock answering the example of the operation's first 2xx response (or {@code default}), so a
   * front end can be tested before the backend exists. The example is passed through VTL unparsed
   * ({@code #[[ ]]#}), so a {@code $} or {@code #} in it stays as written.
   */
  private static Integration exampleMock(
      io.swagger.v3.oas.models.responses.ApiResponses responses) {
    String status = "200";
    String contentType = "application/json";
    String example = null;
    if (responses != null) {
      for (Map.Entry<String, ApiResponse> r : responses.entrySet()) {
        String code = r.getKey();
        if (!code.startsWith("2") && !code.equals("default")) {
          continue;
        }
        status = code.equals("default") ? "200" : code;
        Content content = r.getValue().getContent();
        if (content != null && !content.isEmpty()) {
          Map.Entry<String, MediaType> media = content.entrySet().iterator().next();
          contentType = media.getKey();
          example = example(media.getValue());
        }
        break;
      }
    }
    IntegrationResponse response = IntegrationResponse.of(status);
    if (example != null) {
      response = response.template(contentType, "#[[" + example + "]]#");
    }
    return Integration.mock()
        .requestTemplate("application/json", "{\"statusCode\": " + status + "}")
        .response(response);
  }

  private static String example(MediaType media) {
    Object value = media.getExample();
    if (value == null && media.getExamples() != null && !media.getExamples().isEmpty()) {
      value = media.getExamples().values().iterator().next().getValue();
    }
    if (value == null && media.getSchema() != null) {
      value = media.getSchema().getExample();
    }
    if (value == null) {
      return null;
    }
    if (value instanceof String s) {
      return s;
    }
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      return String.valueOf(value);
    }
  }

  private static Map<String, String> stringMap(Object raw) {
    Map<String, String> map = new LinkedHashMap<>();
    if (raw instanceof Map<?, ?> m) {
      m.forEach((k, v) -> map.put(String.valueOf(k), v instanceof String s ? s : toJson(v)));
    }
    return map;
  }

  private static String toJson(Object v) {
    try {
      return JSON.writeValueAsString(v);
    } catch (JsonProcessingException e) {
      return String.valueOf(v);
    }
  }

  private static List<String> strings(Object raw) {
    List<String> list = new ArrayList<>();
    if (raw instanceof List<?> l) {
      l.forEach(v -> list.add(String.valueOf(v)));
    }
    return list;
  }
}
