package dev.cloudless.fakes.apigateway;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One HTTP header line, with its name as written: API Gateway keeps the client's casing in REST
 * events and the integration's casing in responses.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Header(String name, String value) {

  public Header {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }
}
