package org.revtrace.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.revtrace.app.demo.DemoGenerator;
import org.revtrace.app.demo.DemoSpec;
import org.revtrace.app.web.RevtraceServer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A real browser against the running server: sign in, the dashboard, language switch. */
@SpringBootTest(
    classes = RevtraceServer.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(ScreenshotOnFailure.class)
class DashboardBrowserTest implements ScreenshotOnFailure.HasBrowser {

  private static final String PASSWORD = "browser-password-0123";

  @LocalServerPort int port;

  private Browser browser;
  private WebDriver page;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws IOException {
    Path data = Files.createTempDirectory("revtrace-browser-test");
    DemoGenerator.generate(DemoSpec.defaults().scaledTo(5_000), data);
    registry.add("revtrace.data", data::toString);
    registry.add(
        "revtrace.db-dir", () -> data.resolveSibling(data.getFileName() + "-pg").toString());
    registry.add("revtrace.admin-password", () -> PASSWORD);
  }

  @BeforeEach
  void openBrowser() {
    browser = Browser.start("en-US");
    page = browser.driver();
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Override
  public Browser browser() {
    return browser;
  }

  @Test
  void signInAndSwitchTheLanguage() {
    signIn();

    assertThat(page.findElement(By.cssSelector("header.topbar nav")).getText())
        .contains("Dashboard");
    page.findElement(By.id("lang-ru")).click();
    waitFor()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("header.topbar nav"), "Дашборд"));
    page.findElement(By.id("lang-en")).click();
    waitFor()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("header.topbar nav"), "Dashboard"));
  }

  @Test
  void aWrongPasswordStaysOnTheLoginPage() {
    page.get(url("/"));
    page.findElement(By.name("username")).sendKeys("admin");
    page.findElement(By.name("password")).sendKeys("wrong-password");
    page.findElement(By.cssSelector("form button[type=submit]")).click();

    waitFor().until(ExpectedConditions.urlContains("/login?error"));
    assertThat(page.findElement(By.cssSelector(".error")).getText()).isNotBlank();
  }

  private void signIn() {
    page.get(url("/"));
    waitFor().until(ExpectedConditions.urlContains("/login"));
    page.findElement(By.name("username")).sendKeys("admin");
    page.findElement(By.name("password")).sendKeys(PASSWORD);
    page.findElement(By.cssSelector("form button[type=submit]")).click();
    waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("header.topbar")));
  }

  private WebDriverWait waitFor() {
    return new WebDriverWait(page, Duration.ofSeconds(15));
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
