package dev.cloudless.junit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Adds a failed test's cloud diagnostics (the seed, the faults that fired, the journal and the
 * trace timeline) to everything a person might look at: a suppressed exception on the failure, a
 * JUnit report entry, and a file under the reports directory.
 */
final class FailureReport {

  /** Where report files go: a configuration parameter or a system property of that name. */
  static final String REPORTS_DIR_KEY = "cloudless.reports-dir";

  static final String DEFAULT_REPORTS_DIR = "target/cloudless-reports";

  static final String SEED_ENTRY = "cloudless.seed";
  static final String DIAGNOSTICS_ENTRY = "cloudless.diagnostics";
  static final String REPORT_FILE_ENTRY = "cloudless.report-file";

  private static final Pattern INVOCATION_INDEX = Pattern.compile("#(\\d+)]$");

  private FailureReport() {}

  /**
   * Describes {@code cloud} on {@code failure}. Never throws: a report that cannot be written must
   * not hide the failure it reports.
   *
   * @param fileStem the report file's name without {@code .txt}, such as the test method's name
   */
  static void attach(
      ExtensionContext context, StoredCloud stored, Throwable failure, String fileStem) {
    if (hasDiagnostics(failure)) {
      return;
    }
    String diagnostics;
    try {
      diagnostics = stored.cloud().diagnostics();
    } catch (RuntimeException e) {
      diagnostics =
          "Cloudless seed: " + stored.cloud().seed() + "\n(diagnostics failed: " + e + ")\n";
    }
    if (stored.randomSeed()) {
      diagnostics +=
          "The seed was drawn at random ("
              + CloudSettings.SEED_KEY
              + "="
              + CloudSettings.RANDOM_SEED
              + "); replay this run with "
              + CloudSettings.SEED_KEY
              + "="
              + stored.cloud().seed()
              + " or @CloudlessTest(seed = "
              + stored.cloud().seed()
              + "L).\n";
    }

    Map<String, String> entries = new LinkedHashMap<>();
    entries.put(SEED_ENTRY, Long.toString(stored.cloud().seed()));
    entries.put(DIAGNOSTICS_ENTRY, diagnostics);

    String header = "Cloudless diagnostics for [" + context.getDisplayName() + "]\n";
    Path directory = null;
    try {
      directory = reportsDirectory(context).resolve(className(context));
      Path file = directory.resolve(fileStem + ".txt");
      Files.createDirectories(directory);
      Files.writeString(file, header + diagnostics, StandardCharsets.UTF_8);
      String path = file.toAbsolutePath().toString();
      header += "Report file: " + path + "\n";
      entries.put(REPORT_FILE_ENTRY, path);
    } catch (IOException | RuntimeException e) {
      header +=
          "Report file not written"
              + (directory != null ? " to " + directory.toAbsolutePath() : "")
              + ": "
              + e
              + "\n";
    }

    failure.addSuppressed(new CloudlessDiagnostics(header + diagnostics));
    try {
      context.publishReportEntry(entries);
    } catch (RuntimeException e) {
      // A listener that fails on a report entry must not replace the test's own failure.
      failure.addSuppressed(e);
    }
  }

  /** The file name of a test's report: its method name, with the invocation for repeated ones. */
  static String testFileStem(ExtensionContext context) {
    String method = context.getTestMethod().map(m -> m.getName()).orElse("test");
    boolean invocation = context.getParent().flatMap(ExtensionContext::getTestMethod).isPresent();
    if (!invocation) {
      return method;
    }
    Matcher index = INVOCATION_INDEX.matcher(context.getUniqueId());
    return method
        + "["
        + (index.find() ? index.group(1) : context.getDisplayName().replaceAll("[^\\w.-]", "_"))
        + "]";
  }

  private static boolean hasDiagnostics(Throwable failure) {
    for (Throwable suppressed : failure.getSuppressed()) {
      if (suppressed instanceof CloudlessDiagnostics) {
        return true;
      }
    }
    return false;
  }

  private static Path reportsDirectory(ExtensionContext context) {
    // Surefire and the console launcher pass system properties as configuration parameters too;
    // the explicit fallback covers launchers that do not (EngineTestKit, some IDE runners).
    String directory =
        context
            .getConfigurationParameter(REPORTS_DIR_KEY)
            .or(() -> Optional.ofNullable(System.getProperty(REPORTS_DIR_KEY)))
            .map(String::trim)
            .filter(value -> !value.isEmpty())
            .orElse(DEFAULT_REPORTS_DIR);
    return Paths.get(directory);
  }

  private static String className(ExtensionContext context) {
    return context.getTestClass().map(Class::getName).orElse("unknown-class");
  }
}
