package dev.cloudless.fakes.apigateway.internal.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/** The three kinds of API, which route, fail and answer differently. */
@API(status = INTERNAL, since = "0.1")
public enum ApiKind {
  REST("REST"),
  HTTP("HTTP"),
  WEBSOCKET("WEBSOCKET");

  private final String protocol;

  ApiKind(String protocol) {
    this.protocol = protocol;
  }

  /** AWS's {@code ProtocolType} (REST for v1 APIs). */
  public String protocol() {
    return protocol;
  }
}
