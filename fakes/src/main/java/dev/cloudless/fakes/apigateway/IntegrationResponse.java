package dev.cloudless.fakes.apigateway;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apiguardian.api.API;

/**
 * One integration response of a non-proxy integration ({@code AWS}, {@code HTTP}, {@code MOCK}):
 * the status the client gets when {@code selectionPattern} matches, and the templates that shape
 * the body.
 *
 * <p>The pattern is a Java regular expression matched against the whole Lambda {@code errorMessage}
 * (Lambda custom) or the backend's status code (HTTP, mock). The response without a pattern is the
 * default, used when no other pattern matches (so a Lambda error with no matching pattern answers
 * 200, as on AWS).
 *
 * @param statusCode the method response's status, such as {@code "200"}
 * @param selectionPattern the regex, or {@code null} for the default response
 * @param responseTemplates VTL templates by content type
 * @param responseParameters {@code method.response.header.Name} to a value: {@code 'literal'},
 *     {@code integration.response.header.Name} or {@code integration.response.body}
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record IntegrationResponse(
    String statusCode,
    String selectionPattern,
    Map<String, String> responseTemplates,
    Map<String, String> responseParameters) {

  public IntegrationResponse {
    Objects.requireNonNull(statusCode, "statusCode");
    if (!statusCode.matches("[1-5]\\d\\d")) {
      throw new IllegalArgumentException(
          "Integration response status code ["
              + statusCode
              + "] is not an HTTP status; API Gateway accepts 100 to 599.");
    }
    if (selectionPattern != null && !selectionPattern.isEmpty()) {
      try {
        Pattern.compile(selectionPattern);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(
            "Selection pattern ["
                + selectionPattern
                + "] is not a valid Java regular expression: "
                + e.getDescription());
      }
    }
    // AWS stores an empty pattern as "no pattern": both are the default response.
    if (selectionPattern != null && selectionPattern.isEmpty()) {
      selectionPattern = null;
    }
    responseTemplates = Map.copyOf(responseTemplates);
    responseParameters = Map.copyOf(responseParameters);
    for (String name : responseParameters.keySet()) {
      if (!name.startsWith("method.response.header.")) {
        throw new IllegalArgumentException(
            "Response parameter ["
                + name
                + "] must be written method.response.header.<name>, as API Gateway maps them.");
      }
    }
  }

  /** The response for {@code statusCode}, with no pattern (the default) and no template. */
  public static IntegrationResponse of(String statusCode) {
    return new IntegrationResponse(statusCode, null, Map.of(), Map.of());
  }

  /** This response selected by {@code pattern}. */
  public IntegrationResponse selectionPattern(String pattern) {
    return new IntegrationResponse(statusCode, pattern, responseTemplates, responseParameters);
  }

  /** This response with a template for {@code contentType}, such as {@code application/json}. */
  public IntegrationResponse template(String contentType, String template) {
    Map<String, String> more = new LinkedHashMap<>(responseTemplates);
    more.put(contentType, template);
    return new IntegrationResponse(statusCode, selectionPattern, more, responseParameters);
  }

  /** This response setting header {@code name} from {@code expression} (e.g. {@code 'v'}). */
  public IntegrationResponse header(String name, String expression) {
    Map<String, String> more = new LinkedHashMap<>(responseParameters);
    more.put("method.response.header." + name, expression);
    return new IntegrationResponse(statusCode, selectionPattern, responseTemplates, more);
  }
}
