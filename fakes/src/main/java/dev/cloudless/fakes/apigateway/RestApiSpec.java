package dev.cloudless.fakes.apigateway;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cloudless.fakes.aws.AwsServiceException;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A REST API's settings ({@code CreateRestApi}).
 *
 * @param name the API's name
 * @param description free text
 * @param binaryMediaTypes content types treated as binary, such as {@code image/png} or {@code
 *     *}{@code /*}
 * @param minimumCompressionSize responses at least this many bytes are compressed when the client
 *     accepts it: 0 to 10,485,760, or null (compression off)
 * @param apiKeySource where API keys are read from
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record RestApiSpec(
    String name,
    String description,
    List<String> binaryMediaTypes,
    Integer minimumCompressionSize,
    ApiKeySource apiKeySource) {

  /** The largest {@code minimumCompressionSize} API Gateway accepts: 10 MB. */
  public static final int MAX_MINIMUM_COMPRESSION_SIZE = 10_485_760;

  public RestApiSpec {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new AwsServiceException(400, "BadRequestException", "API name must not be blank.");
    }
    description = description == null ? "" : description;
    binaryMediaTypes = List.copyOf(binaryMediaTypes);
    if (minimumCompressionSize != null
        && (minimumCompressionSize < 0 || minimumCompressionSize > MAX_MINIMUM_COMPRESSION_SIZE)) {
      throw new AwsServiceException(
          400,
          "BadRequestException",
          "Invalid minimum compression size, must be between 0 and 10485760; got "
              + minimumCompressionSize
              + ".");
    }
    apiKeySource = apiKeySource == null ? ApiKeySource.HEADER : apiKeySource;
  }

  public static RestApiSpec named(String name) {
    return new RestApiSpec(name, "", List.of(), null, ApiKeySource.HEADER);
  }

  public RestApiSpec description(String description) {
    return new RestApiSpec(
        name, description, binaryMediaTypes, minimumCompressionSize, apiKeySource);
  }

  public RestApiSpec binaryMediaTypes(String... types) {
    return new RestApiSpec(name, description, List.of(types), minimumCompressionSize, apiKeySource);
  }

  public RestApiSpec minimumCompressionSize(Integer bytes) {
    return new RestApiSpec(name, description, binaryMediaTypes, bytes, apiKeySource);
  }

  public RestApiSpec apiKeySource(ApiKeySource source) {
    return new RestApiSpec(name, description, binaryMediaTypes, minimumCompressionSize, source);
  }
}
