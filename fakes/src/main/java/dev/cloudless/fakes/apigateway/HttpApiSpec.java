package dev.cloudless.fakes.apigateway;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cloudless.fakes.aws.AwsServiceException;
import dev.cloudless.fakes.lambda.Cors;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * An HTTP API's settings ({@code CreateApi} with {@code ProtocolType: HTTP}).
 *
 * @param name the API's name
 * @param cors the CORS configuration API Gateway answers preflights with and adds to responses;
 *     {@link Cors#NONE} for none
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record HttpApiSpec(String name, Cors cors) {

  public HttpApiSpec {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new AwsServiceException(400, "BadRequestException", "API name must not be blank.");
    }
    cors = cors == null ? Cors.NONE : cors;
  }

  public static HttpApiSpec named(String name) {
    return new HttpApiSpec(name, Cors.NONE);
  }

  public HttpApiSpec cors(Cors cors) {
    return new HttpApiSpec(name, cors);
  }
}
