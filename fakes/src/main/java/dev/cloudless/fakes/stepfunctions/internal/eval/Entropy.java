package dev.cloudless.fakes.stepfunctions.internal.eval;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Random;
import org.apiguardian.api.API;

/**
 * Where {@code States.UUID}, {@code States.MathRandom}, {@code $uuid()} and {@code $random()} draw
 * from: the cloud's seeded streams, so that the same seed gives the same run.
 */
@API(status = INTERNAL, since = "0.1")
public interface Entropy {

  /** A version 4 UUID, as text. */
  String uuid();

  /** The random source for numbers. */
  Random random();
}
