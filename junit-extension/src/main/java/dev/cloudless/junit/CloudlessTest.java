package dev.cloudless.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cloudless.fakes.clock.TimeMode;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives each test a fresh in-process {@link dev.cloudless.fakes.FakeCloud}, injected as a
 * parameter, closed after the test, and described in the report when the test fails.
 *
 * <pre>{@code
 * @CloudlessTest(region = "eu-west-1", seed = 42)
 * class CheckoutTest {
 *
 *   @Test
 *   void poisonMessageEndsInDlq(FakeCloud cloud, FakeSqs sqs) {
 *     Queue payments = sqs.createQueue("payments");
 *     ...
 *   }
 * }
 * }</pre>
 *
 * <p>On a method, next to {@code @Test}, it sets up the cloud for that test only, and its
 * attributes override those of the class. An attribute left at its default is not set: the
 * configuration parameter named in its description applies (from {@code junit-platform.properties},
 * a system property or the launcher), and failing that {@code FakeCloud}'s default.
 *
 * <p>For set-up code shared by a class, or one cloud per class, register the extension in a field
 * instead: see {@link CloudlessExtension#builder()}. Both can be combined; the builder's values
 * win.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(CloudlessExtension.class)
@API(status = EXPERIMENTAL, since = "0.1")
public @interface CloudlessTest {

  /**
   * The region, such as {@code "eu-west-1"}; otherwise {@code cloudless.region}, otherwise {@code
   * us-east-1}.
   */
  String region() default "";

  /**
   * The twelve-digit account id; otherwise {@code cloudless.account-id}, otherwise {@code
   * 000000000000}.
   */
  String accountId() default "";

  /**
   * The seed of every random choice, such as {@code seed = 42}; otherwise {@code cloudless.seed}
   * (which may be {@code random}: a fresh seed per cloud, printed when a test fails), otherwise
   * {@code 0}. Give at most one value: it is an array only so that "not set" differs from every
   * real seed.
   */
  long[] seed() default {};

  /**
   * How the clock moves, such as {@code timeMode = TimeMode.REAL}; otherwise {@code
   * cloudless.time-mode}, otherwise {@link TimeMode#VIRTUAL}. Give at most one value: it is an
   * array only so that it can be left unset.
   */
  TimeMode[] timeMode() default {};
}
