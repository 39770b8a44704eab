package dev.cloudless.fakes.internal.http;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.net.URI;
import org.apiguardian.api.API;

/** One port of an {@link HttpHost}, serving one handler until it is closed. */
@API(status = INTERNAL, since = "0.1")
public interface HttpEndpoint extends AutoCloseable {

  /** The local port, chosen by the operating system. */
  int port();

  /** {@code http://127.0.0.1:<port>/}. */
  default URI uri() {
    return URI.create("http://" + HttpHost.LOOPBACK + ":" + port() + "/");
  }

  /** Stops listening: connections to the port are refused afterwards. */
  @Override
  void close();
}
