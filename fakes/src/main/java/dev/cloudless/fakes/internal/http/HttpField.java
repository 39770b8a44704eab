package dev.cloudless.fakes.internal.http;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Objects;
import org.apiguardian.api.API;

/** One header line, with the name as the client or the service wrote it. */
@API(status = INTERNAL, since = "0.1")
public record HttpField(String name, String value) {

  public HttpField {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }
}
