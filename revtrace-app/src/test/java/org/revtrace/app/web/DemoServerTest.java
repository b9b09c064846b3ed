package org.revtrace.app.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.revtrace.app.demo.DemoGenerator;
import org.revtrace.app.demo.DemoSpec;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The server over a clean demo data set with hostile campaign names added to the spend of {@value
 * #CHANNEL}: a script tag and the spreadsheet formulas of the OWASP CSV-injection list. Subclasses
 * share one Spring context.
 */
@SpringBootTest(classes = RevtraceServer.class)
@AutoConfigureMockMvc
public abstract class DemoServerTest {

  public static final String CHANNEL = "vk_ads";
  public static final String SCRIPT = "<script>alert(1)</script>";
  public static final String ESCAPED_SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;";
  public static final List<String> FORMULAS =
      List.of("=HYPERLINK(\"http://evil.example\",\"x\")", "+cmd", "@SUM(A1)", "-2+3");

  protected static Path data;

  @DynamicPropertySource
  static void demoData(DynamicPropertyRegistry registry) throws IOException {
    data = Files.createTempDirectory("revtrace-dashboard-test");
    deleteAtExit(data);
    DemoGenerator.generate(DemoSpec.defaults().withDirty(false).scaledTo(20_000), data);
    StringBuilder rows = new StringBuilder();
    rows.append(spendRow(SCRIPT, "1000.00"));
    FORMULAS.forEach(name -> rows.append(spendRow(name, "10.00")));
    Files.writeString(
        data.resolve("spend.csv"), rows, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    registry.add("revtrace.data", data::toString);
    registry.add("revtrace.admin-password", () -> "test-password-0123");
    registry.add("revtrace.api-token", () -> "rt_test-token-0123456789abcdef");
  }

  /** A spend row of {@value #CHANNEL} in spend.csv's column order, the campaign quoted. */
  private static String spendRow(String campaign, String cost) {
    return String.join(
            ",",
            "2025-06-02",
            CHANNEL,
            cost,
            "vk",
            "cpc",
            "\"" + campaign.replace("\"", "\"\"") + "\"",
            "100",
            "3",
            "RUB")
        + "\n";
  }

  /**
   * The context outlives each test class (and may load another currency late), so the JVM's end.
   */
  private static void deleteAtExit(Path folder) {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try (Stream<Path> files = Files.walk(folder)) {
                    files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
                  } catch (IOException e) {
                    // a temporary folder left behind is harmless
                  }
                }));
  }
}
