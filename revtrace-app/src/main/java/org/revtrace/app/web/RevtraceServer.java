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
      "org.revtrace.app.security"
    })
public class RevtraceServer {

  /** Starts the server with these properties (e.g. {@code server.port}, {@code revtrace.data}). */
  public static ConfigurableApplicationContext start(Map<String, Object> properties) {
    SpringApplication application = new SpringApplication(RevtraceServer.class);
    application.setDefaultProperties(properties);
    return application.run();
  }
}
