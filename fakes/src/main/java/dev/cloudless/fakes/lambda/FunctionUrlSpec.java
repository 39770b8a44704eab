package dev.cloudless.fakes.lambda;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cloudless.fakes.aws.AwsServiceException;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What {@code CreateFunctionUrlConfig} and {@code UpdateFunctionUrlConfig} take: the auth type and
 * the CORS settings.
 *
 * <pre>{@code
 * cloud.lambda().createFunctionUrlConfig("orders", null,
 *     FunctionUrlSpec.of(FunctionUrlAuthType.NONE).cors(Cors.allowingOrigins("*")));
 * }</pre>
 *
 * @param authType {@link FunctionUrlAuthType#NONE} or {@link FunctionUrlAuthType#AWS_IAM}
 * @param cors the CORS settings; {@link Cors#NONE} for none
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record FunctionUrlSpec(FunctionUrlAuthType authType, Cors cors) {

  public FunctionUrlSpec {
    if (authType == null) {
      throw new AwsServiceException(
          400,
          "ValidationException",
          "1 validation error detected: Value null at 'authType' failed to satisfy constraint:"
              + " Member must not be null (AWS allows NONE or AWS_IAM)");
    }
    cors = Objects.requireNonNullElse(cors, Cors.NONE);
  }

  /** A URL with this auth type and no CORS settings. */
  public static FunctionUrlSpec of(FunctionUrlAuthType authType) {
    return new FunctionUrlSpec(authType, Cors.NONE);
  }

  public FunctionUrlSpec authType(FunctionUrlAuthType authType) {
    return new FunctionUrlSpec(authType, cors);
  }

  public FunctionUrlSpec cors(Cors cors) {
    return new FunctionUrlSpec(authType, cors);
  }
}
