package dev.cloudless.fakes.stepfunctions.internal.asl;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/** The two query languages of ASL, per state machine and per state. */
@API(status = INTERNAL, since = "0.1")
public enum QueryLanguage {
  JSONPATH("JSONPath"),
  JSONATA("JSONata");

  private final String awsName;

  QueryLanguage(String awsName) {
    this.awsName = awsName;
  }

  public String awsName() {
    return awsName;
  }

  /** The language named {@code name}, or null. */
  public static QueryLanguage of(String name) {
    for (QueryLanguage q : values()) {
      if (q.awsName.equals(name)) {
        return q;
      }
    }
    return null;
  }
}
