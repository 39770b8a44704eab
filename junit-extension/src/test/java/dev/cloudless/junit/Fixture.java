package dev.cloudless.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Marks a test class that exists to be run by {@link TestKit}, from the test that encloses it. Run
 * any other way (an IDE running a whole package, say) it is skipped: it may fail on purpose.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@EnabledIf(
    value = "dev.cloudless.junit.TestKit#runByTestKit",
    disabledReason = "a fixture, run through EngineTestKit by the test that encloses it")
@interface Fixture {}
