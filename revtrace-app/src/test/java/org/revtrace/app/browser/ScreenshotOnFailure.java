package org.revtrace.app.browser;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/** Saves a screenshot and the page source under {@code target/} when a browser test fails. */
final class ScreenshotOnFailure implements TestExecutionExceptionHandler {

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    Object test = context.getRequiredTestInstance();
    if (test instanceof HasBrowser owner && owner.browser() != null) {
      try {
        Path file =
            owner
                .browser()
                .screenshot(
                    context.getRequiredTestClass().getSimpleName()
                        + "-"
                        + context.getDisplayName());
        failure.addSuppressed(new AssertionError("screenshot: " + file.toAbsolutePath()));
      } catch (RuntimeException screenshotFailed) {
        failure.addSuppressed(screenshotFailed);
      }
    }
    throw failure;
  }

  /** A test class whose browser the extension photographs. */
  interface HasBrowser {
    Browser browser();
  }
}
