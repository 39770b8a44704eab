package dev.cloudless.junit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * The rules of the module graph (DESIGN.md, section 1; STYLE.md, points 2, 3, 6 and 7), checked on
 * the main code of every published module. It lives here because this module sees them all.
 */
@AnalyzeClasses(packages = "dev.cloudless", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final String[] CORE = {"dev.cloudless.fakes..", "dev.cloudless.trace.."};

  /**
   * Real time is read only where REAL mode needs it, and where a handler's real duration is
   * measured: everything else reads the VirtualClock.
   */
  private static final Map<String, Set<String>> WALL_CLOCK_ALLOWED =
      Map.of(
          "dev.cloudless.fakes.FakeCloud",
              Set.of("java.time.Instant.now", "java.lang.System.nanoTime"),
          "dev.cloudless.fakes.internal.Scheduler",
              Set.of("java.time.Instant.now", "java.lang.System.nanoTime"),
          "dev.cloudless.fakes.lambda.internal.InvocationEngine",
              Set.of("java.lang.System.nanoTime"));

  @ArchTest static final ArchRule coreKnowsNoTestFramework = knowNoTestFramework(CORE);

  @ArchTest
  static final ArchRule publicApiExposesNoInternalType = exposeNoInternalTypeInPublicApi();

  @ArchTest
  static final ArchRule packagesAreFreeOfCycles =
      slices().matching("dev.cloudless.(**)").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule coreReadsTimeOnlyFromTheVirtualClock =
      readTimeOnlyFromTheVirtualClock(CORE);

  @ArchTest
  static final ArchRule extensionTypesAreMarkedAsExperimentalApi =
      classes()
          .that()
          .resideInAPackage("dev.cloudless.junit")
          .and()
          .arePublic()
          .should()
          .beAnnotatedWith(API.class);

  @ArchTest
  static final ArchRule extensionClassesAreFinal =
      classes()
          .that()
          .resideInAPackage("dev.cloudless.junit")
          .and()
          .arePublic()
          .and()
          .areNotInterfaces()
          .and()
          .areNotEnums()
          .and()
          .areNotRecords()
          .should()
          .haveModifier(JavaModifier.FINAL);

  /** Classes in {@code packages} depend on no test framework. */
  static ArchRule knowNoTestFramework(String... packages) {
    return noClasses()
        .that()
        .resideInAnyPackage(packages)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.junit..", "org.assertj..", "org.opentest4j..")
        .because("a FakeCloud must work in a plain main, in TestNG and in Spock");
  }

  /**
   * No public signature of a public class outside {@code ..internal..} mentions an internal type.
   */
  static ArchRule exposeNoInternalTypeInPublicApi() {
    return classes()
        .that(arePublicApi())
        .should(exposeNoInternalType())
        .because("public signatures never mention an internal type");
  }

  /** Classes in {@code packages} read no real clock and never sleep, but where allowed. */
  static ArchRule readTimeOnlyFromTheVirtualClock(String... packages) {
    return noClasses()
        .that()
        .resideInAnyPackage(packages)
        .should()
        .accessTargetWhere(readsTheWallClockOutsideAllowedPlaces())
        .because("time comes from the VirtualClock, so that runs replay event for event");
  }

  private static DescribedPredicate<JavaClass> arePublicApi() {
    return DescribedPredicate.describe(
        "are public and outside ..internal..",
        type -> effectivelyPublic(type) && !isInternal(type));
  }

  private static boolean effectivelyPublic(JavaClass type) {
    for (JavaClass t = type; t != null; t = t.getEnclosingClass().orElse(null)) {
      if (!t.getModifiers().contains(JavaModifier.PUBLIC)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isInternal(JavaClass type) {
    return Arrays.asList(type.getPackageName().split("\\.")).contains("internal");
  }

  /**
   * Checks every type a public class shows its users, generic arguments and bounds included: its
   * supertypes, and the fields, parameters, return types, type parameters and thrown exceptions of
   * its public members (and protected ones, where the class can be extended).
   */
  private static ArchCondition<JavaClass> exposeNoInternalType() {
    return new ArchCondition<>(
        "expose no type from an ..internal.. package in a public signature") {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        type.getRawSuperclass()
            .ifPresent(
                superclass -> {
                  if (!type.isEnum() && !type.isRecord()) {
                    type.getSuperclass()
                        .ifPresent(s -> report(events, type, type.getName() + " extends", s));
                  }
                });
        for (JavaType anInterface : type.getInterfaces()) {
          report(events, type, type.getName() + " implements", anInterface);
        }
        for (JavaMember member : type.getMembers()) {
          if (!visible(type, member)) {
            continue;
          }
          if (member instanceof JavaField field) {
            report(events, member, "field " + field.getFullName(), field.getType());
          } else if (member instanceof JavaCodeUnit unit) {
            List<JavaType> parameters = unit.getParameterTypes();
            for (int i = 0; i < parameters.size(); i++) {
              report(
                  events,
                  member,
                  "parameter " + i + " of " + unit.getFullName(),
                  parameters.get(i));
            }
            report(events, member, "return type of " + unit.getFullName(), unit.getReturnType());
            for (JavaType variable : unit.getTypeParameters()) {
              report(events, member, "type parameter of " + unit.getFullName(), variable);
            }
            unit.getThrowsClause()
                .getTypes()
                .forEach(
                    thrown ->
                        report(events, member, "throws clause of " + unit.getFullName(), thrown));
          }
        }
        for (JavaType variable : type.getTypeParameters()) {
          report(events, type, "type parameter of " + type.getName(), variable);
        }
      }
    };
  }

  private static boolean visible(JavaClass type, JavaMember member) {
    Set<JavaModifier> modifiers = member.getModifiers();
    if (modifiers.contains(JavaModifier.SYNTHETIC) || modifiers.contains(JavaModifier.BRIDGE)) {
      return false;
    }
    return modifiers.contains(JavaModifier.PUBLIC)
        || (modifiers.contains(JavaModifier.PROTECTED)
            && !type.getModifiers().contains(JavaModifier.FINAL));
  }

  private static void report(ConditionEvents events, Object owner, String where, JavaType type) {
    List<String> internal = new ArrayList<>();
    for (JavaClass involved : type.getAllInvolvedRawTypes()) {
      if (isInternal(involved)) {
        internal.add(involved.getName());
      }
    }
    if (!internal.isEmpty()) {
      events.add(
          SimpleConditionEvent.violated(
              owner, where + " exposes internal " + String.join(", ", internal)));
    }
  }

  private static DescribedPredicate<JavaAccess<?>> readsTheWallClockOutsideAllowedPlaces() {
    return DescribedPredicate.describe(
        "read the wall clock or sleep (System.currentTimeMillis/nanoTime, Thread.sleep,"
            + " TimeUnit.sleep, Instant.now(), Clock.system*, java.time now() without a Clock,"
            + " new Date()) outside "
            + new TreeSet<>(WALL_CLOCK_ALLOWED.keySet()),
        access -> {
          String target = wallClockTarget(access.getTarget());
          if (target == null) {
            return false;
          }
          String origin = access.getOriginOwner().getName();
          return WALL_CLOCK_ALLOWED.entrySet().stream()
              .noneMatch(
                  allowed ->
                      (origin.equals(allowed.getKey()) || origin.startsWith(allowed.getKey() + "$"))
                          && allowed.getValue().contains(target));
        });
  }

  /** {@code java.lang.System.nanoTime} for a target that reads real time, otherwise null. */
  private static String wallClockTarget(AccessTarget target) {
    String owner = target.getOwner().getName();
    String name = target.getName();
    List<String> parameters =
        target instanceof AccessTarget.CodeUnitAccessTarget unit
            ? unit.getRawParameterTypes().stream().map(JavaClass::getName).toList()
            : List.of();
    boolean readsRealTime =
        switch (owner) {
          case "java.lang.System" -> name.equals("currentTimeMillis") || name.equals("nanoTime");
          case "java.lang.Thread" -> name.equals("sleep");
          case "java.util.concurrent.TimeUnit" -> name.equals("sleep");
          case "java.time.Clock" -> name.startsWith("system");
          case "java.util.Date" -> name.equals("<init>") && parameters.isEmpty();
          default ->
              owner.startsWith("java.time.")
                  && name.equals("now")
                  && !parameters.contains("java.time.Clock");
        };
    return readsRealTime ? owner + "." + name : null;
  }
}
