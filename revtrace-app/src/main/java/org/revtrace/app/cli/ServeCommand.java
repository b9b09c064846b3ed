package org.revtrace.app.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.revtrace.app.demo.DemoGenerator;
import org.revtrace.app.demo.DemoSpec;
import org.revtrace.app.web.RevtraceServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code revtrace serve}: the web server over a data folder loaded into memory at start. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Start the web server: REST API under /api/v1, login page, health and metrics.",
      "Without --data the demo data set is generated into ./demo-data (if absent) and served."
    })
public final class ServeCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--port",
      description = "HTTP port (default: 8080, or SERVER_PORT; 0 picks a free one).")
  Integer port;

  @Option(names = "--data", description = "Folder of canonical CSV files (default: ./demo-data).")
  Path data;

  @Option(
      names = "--from-store",
      description =
          "Serve everything imported into the store (import --into-store) instead of a folder.")
  boolean fromStore;

  @picocli.CommandLine.Mixin StoreOptions store = new StoreOptions();

  @Option(
      names = "--currency",
      description = "Reporting currency loaded at start (default: RUB, or REVTRACE_CURRENCY).")
  String currency;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (port != null && (port < 0 || port > 65_535)) {
      throw new BadArgument("--port must be 0 to 65535");
    }
    if (fromStore && data != null) {
      throw new BadArgument("--from-store serves the store only: drop --data");
    }
    Path folder = data != null ? data : Path.of("demo-data");
    if (data != null && !Files.isDirectory(data)) {
      throw new BadArgument("data folder not found: " + data);
    }
    Map<String, Object> overrides = new LinkedHashMap<>();
    if (port != null) {
      overrides.put("server.port", port);
    }
    if (data != null) {
      overrides.put("revtrace.data", folder.toAbsolutePath().normalize());
    }
    if (currency != null) {
      overrides.put("revtrace.currency", Formats.currency(currency));
    }
    if (fromStore) {
      overrides.put("revtrace.store-dir", store.directory.toAbsolutePath().normalize().toString());
    }
    if (!fromStore
        && data == null
        && System.getenv("REVTRACE_DATA") == null
        && !Files.isDirectory(folder)) {
      out.println("Generating the demo data into " + folder.toAbsolutePath().normalize());
      out.flush();
      DemoGenerator.generate(DemoSpec.defaults(), folder);
    }
    ConfigurableApplicationContext context =
        RevtraceServer.start(
            Map.of(
                "server.port",
                8080,
                "revtrace.data",
                folder.toAbsolutePath().normalize().toString(),
                "revtrace.currency",
                "RUB"),
            overrides);
    CountDownLatch closed = new CountDownLatch(1);
    context.addApplicationListener(
        event -> {
          if (event instanceof ContextClosedEvent) {
            closed.countDown();
          }
        });
    int actualPort = ((WebServerApplicationContext) context).getWebServer().getPort();
    double seconds =
        (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1e3;
    out.printf(
        Locale.ROOT,
        "Started in %.1f s, serving %s%n",
        seconds,
        fromStore
            ? "the store (" + store.directory + ")"
            : context.getEnvironment().getProperty("revtrace.data"));
    out.printf(Locale.ROOT, "Open http://localhost:%d/ (Ctrl+C stops the server)%n", actualPort);
    out.flush();
    closed.await();
    return ExitCodes.OK;
  }
}
