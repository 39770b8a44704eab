package dev.cloudless.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Injects a resource that already exists in the test's cloud, looked up by name: a {@link
 * dev.cloudless.fakes.sqs.Queue}, a {@link dev.cloudless.fakes.sns.Topic}, a {@link
 * dev.cloudless.fakes.stepfunctions.StateMachine}, a {@link
 * dev.cloudless.fakes.lambda.LambdaFunction}, or an API ({@link
 * dev.cloudless.fakes.apigateway.RestApi}, {@link dev.cloudless.fakes.apigateway.HttpApi}, {@link
 * dev.cloudless.fakes.apigateway.WebSocketApi}) by its name or id.
 *
 * <pre>{@code
 * @RegisterExtension
 * static CloudlessExtension cloudless = CloudlessExtension.builder()
 *     .setUp(cloud -> {
 *       cloud.sqs().createQueue("orders");
 *       cloud.lambda().create(FunctionSpec.named("charge").handler(new ChargeHandler()));
 *     })
 *     .build();
 *
 * @Test
 * void chargesEachOrder(@CloudResource("orders") Queue orders,
 *                       @CloudResource("charge") LambdaFunction charge) { ... }
 * }</pre>
 *
 * <p>The resource must exist when the parameter is resolved: create it in the extension's {@code
 * setUp}, or in a {@code @BeforeEach} method for a test method's parameters. A missing resource
 * fails the test with an {@link org.junit.jupiter.api.extension.ExtensionConfigurationException}
 * that lists the resources which do exist.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@API(status = EXPERIMENTAL, since = "0.1")
public @interface CloudResource {

  /**
   * The resource's name (a queue's URL or ARN and a function's ARN work too). Left empty, the
   * parameter's name is used, which needs the test compiled with {@code -parameters}.
   */
  String value() default "";
}
