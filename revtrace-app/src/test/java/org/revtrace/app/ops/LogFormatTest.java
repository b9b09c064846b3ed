package org.revtrace.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The log format switch: readable text by default, one JSON object per line on request. */
class LogFormatTest {

  private final PrintStream originalErr = System.err;

  @AfterEach
  void restore() throws Exception {
    System.setErr(originalErr);
    System.clearProperty("revtrace.log.format");
    configure();
  }

  @Test
  void jsonFormatWritesOneParsableObjectPerLineToStderr() throws Exception {
    System.setProperty("revtrace.log.format", "json");
    String logged = logOneLine("imported batch 7: 1200 rows, \"quoted\" <b>");

    JsonNode line = new ObjectMapper().readTree(logged.lines().findFirst().orElseThrow());
    assertThat(line.get("level").asString()).isEqualTo("INFO");
    assertThat(line.get("loggerName").asString()).isEqualTo("org.revtrace.app.ops.Probe");
    assertThat(line.get("formattedMessage").asString())
        .isEqualTo("imported batch 7: 1200 rows, \"quoted\" <b>");
  }

  @Test
  void textFormatIsTheDefault() throws Exception {
    String logged = logOneLine("imported batch 7");

    assertThat(logged)
        .contains(" INFO  [")
        .contains("org.revtrace.app.ops.Probe - imported batch 7");
  }

  private String logOneLine(String message) throws Exception {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    configure();
    LoggerFactory.getLogger("org.revtrace.app.ops.Probe").info(message);
    return captured.toString(StandardCharsets.UTF_8);
  }

  private static void configure() throws Exception {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(LogFormatTest.class.getResource("/logback.xml"));
  }
}
