/**
 * Fluent AssertJ assertions on the fakes: functions, invocations, invoke results, queues and
 * messages. Start from {@link dev.cloudless.assertions.CloudlessAssertions}, or {@link
 * dev.cloudless.assertions.CloudlessSoftAssertions} to collect every failure.
 *
 * <p>Assertions read the cloud's journal and never change the cloud: a queue is peeked, not
 * received from. A failure names its subject in brackets and ends with what the journal knows about
 * it and the faults that fired.
 */
package dev.cloudless.assertions;
