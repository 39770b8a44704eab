package dev.cloudless.junit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.cloudless.junit.archfixture.ExposesInternals;
import dev.cloudless.junit.archfixture.UsesATestFramework;
import dev.cloudless.junit.archfixture.internal.Hidden;
import org.junit.jupiter.api.Test;

/**
 * Shows that the hand-written rules of {@link ArchitectureTest} catch what they are meant to, on
 * classes written to break them; a rule that cannot fail would pass whatever the code did.
 */
class ArchitectureRulesTest {

  private static final String FIXTURES = "dev.cloudless.junit.archfixture..";

  private final JavaClasses fixtures =
      new ClassFileImporter().importPackages("dev.cloudless.junit.archfixture");

  @Test
  void publicApiRuleNamesEachMemberThatExposesAnInternalType() {
    String exposes = ExposesInternals.class.getName();
    String hidden = Hidden.class.getName();

    assertThatThrownBy(() -> ArchitectureTest.exposeNoInternalTypeInPublicApi().check(fixtures))
        .hasMessageContaining(exposes + " extends exposes internal " + hidden)
        .hasMessageContaining("field " + exposes + ".field exposes internal " + hidden)
        .hasMessageContaining(
            "return type of " + exposes + ".returnsInGenerics() exposes internal " + hidden)
        .hasMessageContaining(
            "parameter 0 of "
                + exposes
                + ".takes(java.util.function.Supplier) exposes internal "
                + hidden)
        .hasMessageContaining("protectedInExtensibleClass")
        .hasMessageNotContaining("packagePrivateIsFine")
        .hasMessageNotContaining("privateIsFine");
  }

  @Test
  void virtualTimeRuleNamesEachRealClockReadButNotAGivenClock() {
    assertThatThrownBy(
            () -> ArchitectureTest.readTimeOnlyFromTheVirtualClock(FIXTURES).check(fixtures))
        .hasMessageContaining(
            "ReadsTheWallClock.millis()> calls method <java.lang.System.currentTimeMillis()>")
        .hasMessageContaining("ReadsTheWallClock.now()> calls method <java.time.Instant.now()>")
        .hasMessageContaining("ReadsTheWallClock.today()> calls method <java.time.LocalDate.now()>")
        .hasMessageContaining(
            "ReadsTheWallClock.nanos()> references method <java.lang.System.nanoTime()>")
        .hasMessageContaining(
            "ReadsTheWallClock.sleep()> calls method <java.lang.Thread.sleep(long)>")
        .hasMessageNotContaining("fromAGivenClockIsFine");
  }

  @Test
  void testFrameworkRuleNamesTheDependency() {
    assertThatThrownBy(() -> ArchitectureTest.knowNoTestFramework(FIXTURES).check(fixtures))
        .hasMessageContaining(UsesATestFramework.class.getName())
        .hasMessageContaining("org.opentest4j.AssertionFailedError");
  }
}
