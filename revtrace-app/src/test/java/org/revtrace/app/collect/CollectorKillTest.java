package org.revtrace.app.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.revtrace.app.Main;
import org.revtrace.core.model.TrackedEvent;
import org.revtrace.store.EmbeddedDatabase;
import org.revtrace.store.JdbcEventLog;

/**
 * Acknowledged means durable: the server (a separate JVM) takes tracker events from 8 client
 * threads and is killed with SIGKILL mid-load; after a restart of the server (which replays its
 * journal into the store) every event the collector answered 200 for is in the store.
 */
class CollectorKillTest {

  @TempDir Path folder;

  @Test
  void everyAcknowledgedEventSurvivesKillMinus9() throws Exception {
    Path store = folder.resolve("pg");
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Process server = serve(store, port);
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicBoolean sending = new AtomicBoolean(true);
    List<Thread> clients = new ArrayList<>();
    try {
      awaitStarted(server);
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      for (int c = 0; c < 8; c++) {
        Thread client =
            new Thread(() -> send(http, port, sending, acknowledged), "tracker-client-" + c);
        client.start();
        clients.add(client);
      }
      // Kill mid-load once enough events were acknowledged (a loaded machine needs longer).
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (acknowledged.size() < 200 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(acknowledged).as("events acknowledged before the kill").hasSizeGreaterThan(100);
      server.destroyForcibly(); // SIGKILL
      assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      sending.set(false);
      for (Thread client : clients) {
        client.join(10_000);
      }
      server.destroyForcibly();
    }

    // The restarted server copies what the journal holds into the store before it takes events.
    Process restartedServer = serve(store, port);
    try {
      awaitStarted(restartedServer);
    } finally {
      restartedServer.destroy();
      assertThat(restartedServer.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
    try (EmbeddedDatabase restarted = EmbeddedDatabase.start(store)) {
      Set<String> stored =
          new JdbcEventLog(restarted.dataSource())
              .all().stream().map(TrackedEvent::eventId).collect(Collectors.toSet());
      assertThat(stored).containsAll(acknowledged);
    }
  }

  private static Process serve(Path store, int port) throws java.io.IOException {
    return new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx1g",
            "-Drevtrace.import.demo-when-empty=false",
            "-Drevtrace.admin-password=kill-test-password-1",
            "-Drevtrace.collect.events-per-second-per-client=1000000",
            "-Drevtrace.collect.burst-per-client=1000000",
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            "serve",
            "--port",
            Integer.toString(port),
            "--db-dir",
            store.toString())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.PIPE)
        .start();
  }

  private static void send(
      HttpClient http, int port, AtomicBoolean sending, Set<String> acknowledged) {
    while (sending.get()) {
      String id = UUID.randomUUID().toString();
      HttpRequest request =
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/collect"))
              .timeout(Duration.ofSeconds(5))
              .header("Content-Type", "text/plain")
              .header("User-Agent", CollectServletTest.BROWSER)
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      CollectServletTest.body(
                          id, "pageview", "https://www.example.com/?utm_source=kill", null)))
              .build();
      try {
        if (http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
          acknowledged.add(id);
        }
      } catch (Exception e) {
        // the server is gone: not acknowledged, so it need not be there
      }
    }
  }

  private static void awaitStarted(Process server) throws Exception {
    BufferedReader output =
        new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = output.readLine()) != null && !line.startsWith("Open http")) {
      // start-up lines
    }
    assertThat(line).as("the server started").isNotNull();
    Thread drain =
        new Thread(
            () -> {
              try {
                while (output.readLine() != null) {
                  // keep the pipe from filling up
                }
              } catch (java.io.IOException ignored) {
                // the process died
              }
            });
    drain.setDaemon(true);
    drain.start();
  }
}
