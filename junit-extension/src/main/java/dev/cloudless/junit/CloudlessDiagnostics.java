package dev.cloudless.junit;

/**
 * Carries a failed test's cloud diagnostics as a suppressed exception of its failure, so that they
 * print wherever the failure prints (Surefire's output and XML, IDEs, the console launcher). It has
 * no stack trace of its own: only its message matters.
 */
final class CloudlessDiagnostics extends RuntimeException {

  private static final long serialVersionUID = 1L;

  CloudlessDiagnostics(String diagnostics) {
    super(diagnostics, null, false, false);
  }
}
