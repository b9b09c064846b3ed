package org.revtrace.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.revtrace.app.web.RevtraceServer;
import org.revtrace.core.model.TouchType;
import org.revtrace.core.model.TrackedEvent;
import org.revtrace.store.JdbcEventLog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * tracker.js in a real browser on a site of another origin: the page view arrives with its UTM
 * tags, the form gets the visitor id from the HTTP-only cookie's owner, and the submit is tracked.
 */
@SpringBootTest(
    classes = RevtraceServer.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(ScreenshotOnFailure.class)
class TrackerBrowserTest implements ScreenshotOnFailure.HasBrowser {

  private static final String AGENT =
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0"
          + " Safari/537.36";
  private static HttpServer site;
  private static final AtomicReference<String> thanksQuery = new AtomicReference<>();
  private static int revtracePort;

  @LocalServerPort int port;
  @Autowired DataSource dataSource;

  private Browser browser;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws IOException {
    site = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    site.createContext("/landing", exchange -> respond(exchange, landingPage()));
    site.createContext(
        "/thanks",
        exchange -> {
          thanksQuery.set(exchange.getRequestURI().getRawQuery());
          respond(exchange, "<html><body><p id='thanks'>Thanks</p></body></html>");
        });
    site.start();
    String store = Files.createTempDirectory("revtrace-tracker-test").resolve("pg").toString();
    registry.add("revtrace.db-dir", () -> store);
    registry.add("revtrace.import.demo-when-empty", () -> "false");
    registry.add("revtrace.admin-password", () -> "tracker-password-0123");
    registry.add(
        "revtrace.collect.allowed-origins",
        () -> "http://localhost:" + site.getAddress().getPort());
  }

  @AfterAll
  static void stopSite() {
    site.stop(0);
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
  void aVisitAndAFormSubmitAreTrackedUnderOneVisitor() {
    revtracePort = port;
    browser = Browser.start("en-US", AGENT);
    WebDriver page = browser.driver();
    page.get(
        "http://localhost:"
            + site.getAddress().getPort()
            + "/landing?utm_source=yandex&utm_medium=cpc&utm_campaign=browser-test&yclid=42");

    String visitor =
        new WebDriverWait(page, Duration.ofSeconds(15))
            .until(
                driver -> {
                  List<org.openqa.selenium.WebElement> fields =
                      driver.findElements(By.name("revtrace_visitor_id"));
                  return fields.isEmpty() || fields.get(0).getDomProperty("value").isEmpty()
                      ? null
                      : fields.get(0).getDomProperty("value");
                });
    TrackedEvent view = awaitEvent(visitor, TouchType.VISIT);
    assertThat(view.utm().campaign()).isEqualTo("browser-test");
    assertThat(view.clickIdKind()).isEqualTo("yclid");

    page.findElement(By.name("email")).sendKeys("buyer@example.com");
    page.findElement(By.cssSelector("button[type=submit]")).click();
    new WebDriverWait(page, Duration.ofSeconds(15))
        .until(driver -> !driver.findElements(By.id("thanks")).isEmpty());

    assertThat(thanksQuery.get()).contains("revtrace_visitor_id=" + visitor);
    assertThat(awaitEvent(visitor, TouchType.FORM).url()).contains("/landing");
  }

  private TrackedEvent awaitEvent(String visitor, TouchType type) {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (System.nanoTime() < deadline) {
      for (TrackedEvent event : new JdbcEventLog(dataSource).all()) {
        if (event.visitorId().equals(visitor) && event.type() == type) {
          return event;
        }
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new AssertionError("no " + type + " event of visitor " + visitor);
  }

  private static String landingPage() {
    return "<!DOCTYPE html><html><head><title>Landing</title></head><body>"
        + "<form action='/thanks' method='get'><input name='email'>"
        + "<button type='submit'>Request a demo</button></form>"
        + "<script src='http://localhost:"
        + revtracePort
        + "/t.js' async></script></body></html>";
  }

  private static void respond(com.sun.net.httpserver.HttpExchange exchange, String html)
      throws IOException {
    byte[] body = html.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
