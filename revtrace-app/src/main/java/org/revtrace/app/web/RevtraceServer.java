package org.revtrace.app.web;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** The Revtrace web server: dashboard pages, the REST API, security and actuator. */
@SpringBootApplication(
    scanBasePackages = {
      "org.revtrace.app.web",
      "org.revtrace.app.api",
      "org.revtrace.app.security",
      "org.revtrace.app.collect",
      "org.revtrace.app.hooks"
    })
public class RevtraceServer {

  /**
   * Starts the server: {@code defaults} (e.g. {@code server.port}, {@code revtrace.data}) yield to
   * application.yml and environment variables, {@code overrides} win over both.
   */
  public static ConfigurableApplicationContext start(
      Map<String, Object> defaults, Map<String, Object> overrides) {
    SpringApplication application = new SpringApplication(RevtraceServer.class);
    application.setDefaultProperties(defaults);
    return application.run(
        overrides.entrySet().stream()
            .map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
            .toArray(String[]::new));
  }
}
