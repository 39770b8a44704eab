package dev.cloudless.fakes.lambda;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** Lambda's {@code LogType}: whether a synchronous invoke returns the tail of its log. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum LogType {
  /** No log in the response. */
  NONE,
  /** The last 4 KB of the invocation's log, base64-encoded, in {@code LogResult}. */
  TAIL
}
