package org.revtrace.app.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.revtrace.app.demo.DemoGenerator;
import org.revtrace.app.demo.DemoSpec;
import org.revtrace.app.web.RevtraceServer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A real browser against the running server: sign in, import a file, the channel table and charts
 * render, switch the model and the language, drill down; nothing from the data runs as script.
 */
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
  void importThenReadTheDashboardSwitchModelAndLanguage() throws IOException {
    signIn();

    // Import: a touchpoints file with one good row carrying a hostile campaign, one bad row.
    Path upload = Files.createTempDirectory("revtrace-upload").resolve("touchpoints.csv");
    Files.writeString(
        upload,
        "touchpoint_id,occurred_at,channel,contact_id,campaign\n"
            + "browser-1,2025-03-02T10:00:00+03:00,vk,browser-contact,<script>alert(1)</script>\n"
            + "browser-2,not-a-date,vk,browser-contact,spring\n");
    page.get(url("/imports"));
    page.findElement(By.id("upload-files")).sendKeys(upload.toString());
    page.findElement(By.cssSelector("#upload-form button[type=submit]")).click();
    WebElement result =
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("import-result")));
    assertThat(result.getText()).contains("touchpoints.csv");
    assertThat(page.findElement(By.id("import-errors")).getText())
        .contains("not-a-date")
        .contains("occurred_at");
    assertNoScriptRan();

    // Dashboard: table and charts.
    page.get(url("/"));
    WebElement table = page.findElement(By.id("channel-table"));
    assertThat(table.findElements(By.cssSelector("tbody tr"))).hasSizeGreaterThan(3);
    for (String chart : new String[] {"chart-channels", "chart-funnel", "chart-cac-romi"}) {
      waitFor().until(ExpectedConditions.attributeToBe(By.id(chart), "data-rendered", "true"));
      assertThat(page.findElements(By.cssSelector("#" + chart + " canvas"))).isNotEmpty();
    }
    waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#models table")));

    // Model switch: the table is swapped by htmx with other numbers, and the URL keeps the filter.
    String linearTable = page.findElement(By.id("channel-table")).getText();
    new Select(page.findElement(By.id("model"))).selectByValue("first_touch");
    waitFor().until(ExpectedConditions.urlContains("model=first_touch"));
    waitFor()
        .until(driver -> !driver.findElement(By.id("channel-table")).getText().equals(linearTable));
    waitFor()
        .until(ExpectedConditions.attributeToBe(By.id("chart-channels"), "data-rendered", "true"));

    browser.screenshot("dashboard-first_touch");

    // Drill-down: a channel row opens its campaigns.
    page.findElement(By.cssSelector("#channel-table tbody tr[hx-get*='channel=google_ads']"))
        .click();
    waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr.campaign-row")));

    // Language: Russian headings, then back.
    page.findElement(By.id("lang-ru")).click();
    waitFor()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("header.topbar nav"), "Дашборд"));
    browser.screenshot("dashboard-ru");
    assertThat(page.findElement(By.id("channel-table")).getText()).containsPattern("\\d \\d{3}");
    page.findElement(By.id("lang-en")).click();
    waitFor()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("header.topbar nav"), "Dashboard"));
    assertNoScriptRan();
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

  private void assertNoScriptRan() {
    assertThatThrownBy(() -> page.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
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
