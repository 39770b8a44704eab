package dev.cloudless.assertions;

/**
 * Puts a failure message together: the expectation about the subject, then its story. One shape for
 * every assert class: {@code Expecting <subject> <sentence>} on the first line, what the journal
 * knows below.
 */
final class FailureText {

  private FailureText() {}

  /**
   * The message, escaped for AssertJ's {@code failure(String, Object...)}, which passes it through
   * {@link String#format}: a {@code %} in a body or an error message must not be read as a format
   * specifier.
   */
  static String of(String subject, String sentence, String story) {
    String text = "Expecting " + subject + " " + sentence + (story.isEmpty() ? "" : "\n" + story);
    return text.stripTrailing().replace("%", "%%");
  }

  /** {@code 1 message}, {@code 2 messages}: messages people read should not say "1 messages". */
  static String count(int n, String singular, String plural) {
    return n + " " + (n == 1 ? singular : plural);
  }
}
