/**
 * Cloudless for JUnit Jupiter: {@link dev.cloudless.junit.CloudlessTest} and {@link
 * dev.cloudless.junit.CloudlessExtension} give each test a fresh in-process {@link
 * dev.cloudless.fakes.FakeCloud}, inject it and its parts ({@link
 * dev.cloudless.junit.CloudResource} for queues and functions by name), close it afterwards, and
 * describe it when a test fails.
 *
 * <pre>{@code
 * @CloudlessTest
 * class CheckoutTest {
 *
 *   @Test
 *   void chargesOnce(FakeCloud cloud) {
 *     cloud.lambda().create(FunctionSpec.named("charge").handler(new ChargeHandler()));
 *     cloud.lambda().invokeAsync("charge", "{\"orderId\":\"o-42\"}");
 *     cloud.runUntilIdle();
 *     ...
 *   }
 * }
 * }</pre>
 *
 * <p>Configuration parameters, read from {@code junit-platform.properties}, system properties or
 * the launcher, for whatever neither the builder nor {@code @CloudlessTest} sets:
 *
 * <table>
 *   <caption>Configuration parameters</caption>
 *   <tr><th>key</th><th>values</th><th>default</th></tr>
 *   <tr><td>{@code cloudless.region}</td><td>an AWS region name</td><td>{@code us-east-1}</td></tr>
 *   <tr><td>{@code cloudless.account-id}</td><td>twelve digits</td><td>{@code 000000000000}</td></tr>
 *   <tr><td>{@code cloudless.seed}</td><td>a {@code long}, or {@code random} for a fresh seed per
 *       cloud, printed when a test fails</td><td>{@code 0}</td></tr>
 *   <tr><td>{@code cloudless.time-mode}</td><td>{@code virtual} or {@code real}, in any
 *       case</td><td>{@code virtual}</td></tr>
 *   <tr><td>{@code cloudless.reports-dir}</td><td>where failure reports are written (also read as
 *       a system property)</td><td>{@code target/cloudless-reports}</td></tr>
 * </table>
 */
package dev.cloudless.junit;
