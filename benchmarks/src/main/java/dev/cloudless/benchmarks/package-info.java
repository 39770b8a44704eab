/**
 * JMH benchmarks of the fakes: what a test pays for a {@code FakeCloud}, a warm synchronous Lambda
 * invoke and an SQS send, receive and delete. They are measurements, not tests: nothing here runs
 * during {@code ./mvnw verify}, and no test in the project asserts wall-clock time.
 *
 * <p>Build and run (the method and the figures are in {@code docs/benchmarks.md}):
 *
 * <pre>
 * ./mvnw -q package -pl benchmarks -am -DskipTests
 * java -jar benchmarks/target/benchmarks.jar              # every benchmark, annotated settings
 * java -jar benchmarks/target/benchmarks.jar LambdaInvoke -f 3 -wi 5 -i 5 -prof gc
 * java -jar benchmarks/target/benchmarks.jar -l           # list them
 * </pre>
 */
package dev.cloudless.benchmarks;
