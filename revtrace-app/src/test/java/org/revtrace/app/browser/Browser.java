package org.revtrace.app.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium driven by its chromedriver (both from apt: {@code .ci/run} installs
 * them). The paths are given explicitly so Selenium Manager never tries to download a browser.
 * Without Chromium the browser tests are skipped on a developer machine and fail in CI ({@code
 * REVTRACE_BROWSER_TESTS=required}).
 */
final class Browser implements AutoCloseable {

  static final Path CHROMIUM =
      Path.of(System.getProperty("revtrace.chromium", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER =
      Path.of(System.getProperty("revtrace.chromedriver", "/usr/bin/chromedriver"));

  private final Path profile;
  final ChromeDriver driver;

  private Browser(Path profile, ChromeDriver driver) {
    this.profile = profile;
    this.driver = driver;
  }

  /** Starts a fresh browser with an empty profile, in {@code language} (e.g. "en-US"). */
  static Browser start(String language) {
    return start(language, null);
  }

  /** As {@link #start(String)}, presenting {@code userAgent} (null: Chromium's own). */
  static Browser start(String language, String userAgent) {
    requireChromium();
    try {
      Path profile = Files.createTempDirectory("revtrace-chromium");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM.toFile());
      options.addArguments(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--disable-extensions",
          "--window-size=1400,1000",
          "--lang=" + language,
          "--user-data-dir=" + profile);
      if (userAgent != null) {
        // Headless Chromium says "HeadlessChrome", which the tracker's collector drops as a bot.
        options.addArguments("--user-agent=" + userAgent);
      }
      options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
      ChromeDriverService service =
          new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
      return new Browser(profile, driver);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Saves what the browser shows to {@code target/browser-screenshots/NAME.png}. */
  Path screenshot(String name) {
    try {
      Path folder = Path.of("target", "browser-screenshots");
      Files.createDirectories(folder);
      Path file = folder.resolve(name.replaceAll("[^A-Za-z0-9_.-]", "_") + ".png");
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      Files.writeString(
          folder.resolve(file.getFileName().toString().replace(".png", ".html")),
          driver.getPageSource());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  WebDriver driver() {
    return driver;
  }

  @Override
  public void close() {
    driver.quit();
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    } catch (IOException ignored) {
      // a leftover temporary profile is harmless
    }
  }

  private static void requireChromium() {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if ("required".equals(System.getenv("REVTRACE_BROWSER_TESTS"))) {
      if (!present) {
        throw new IllegalStateException(
            "browser tests are required but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing");
      }
      return;
    }
    Assumptions.assumeTrue(
        present,
        "Chromium and chromedriver not installed (apt-get install chromium chromium-driver)");
  }
}
