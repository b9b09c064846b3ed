package org.revtrace.app.web.settings;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.revtrace.app.connect.ConnectorSource;
import org.revtrace.app.connect.StoredConnections;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/connections}: the connections and their sync history (analysts), test and sync
 * (analysts), add, change and delete (admins). Secret values are accepted, never answered: each
 * secret shows as {@code stored}, {@code environment} or {@code not_set}.
 */
@RestController
@RequestMapping("/api/v1/connections")
@Tag(
    name = "Connections",
    description = "Connections to CRMs and ad platforms, their syncs and history.")
class ConnectionsApiController {

  /**
   * A connection to store.
   *
   * @param source the connector ({@code bitrix24}, {@code amocrm}, …)
   * @param settings the source's settings; a secret's {@code *_env} names its variable
   * @param secrets secret values to store encrypted, by key ({@code token}); absent: kept
   * @param enabled false: scheduled syncs skip it (default true)
   * @param syncEveryMinutes minutes between scheduled syncs (default 60; 0: none)
   */
  record ConnectionBody(
      String source,
      Map<String, String> settings,
      Map<String, String> secrets,
      Boolean enabled,
      @JsonProperty("sync_every_minutes") Integer syncEveryMinutes) {}

  private final ConnectionService service;

  ConnectionsApiController(ConnectionService service) {
    this.service = service;
  }

  @Operation(summary = "Every connection with its secrets' states and last run, by name.")
  @GetMapping
  List<Map<String, Object>> list() {
    return service.rows().stream().map(ConnectionViews::json).toList();
  }

  @Operation(summary = "One connection with its newest runs.")
  @GetMapping("/{name}")
  ResponseEntity<Map<String, Object>> one(@PathVariable("name") String name) {
    return service
        .row(name)
        .map(
            row -> {
              Map<String, Object> body = new LinkedHashMap<>(ConnectionViews.json(row));
              body.put(
                  "runs",
                  service.history(name, ConnectionService.HISTORY).stream()
                      .map(ConnectionViews::json)
                      .toList());
              return ResponseEntity.ok(body);
            })
        .orElseGet(() -> ResponseEntity.notFound().build());
  }

  @Operation(summary = "The newest runs of a connection, newest first (at most 50).")
  @GetMapping("/{name}/runs")
  ResponseEntity<List<Map<String, Object>>> runs(
      @PathVariable("name") String name,
      @RequestParam(name = "limit", defaultValue = "20") int limit) {
    if (service.row(name).isEmpty()) {
      return ResponseEntity.notFound().build();
    }
    return ResponseEntity.ok(
        service.history(name, limit).stream().map(ConnectionViews::json).toList());
  }

  @Operation(
      summary =
          "Add or replace a connection (admins). Secrets given are stored encrypted; a secret"
              + " not given keeps its stored value unless its *_env setting is given.")
  @PutMapping("/{name}")
  ResponseEntity<Map<String, Object>> put(
      @PathVariable("name") String name, @RequestBody ConnectionBody body, Principal admin) {
    boolean exists = service.row(name).isPresent();
    ConnectionViews.Row saved =
        service.save(
            new StoredConnections.Edit(
                name,
                ConnectorSource.of(body.source()),
                body.settings() == null ? Map.of() : body.settings(),
                body.secrets() == null ? Map.of() : body.secrets(),
                body.enabled() == null || body.enabled(),
                body.syncEveryMinutes() == null
                    ? StoredConnections.DEFAULT_SYNC_EVERY_MINUTES
                    : body.syncEveryMinutes()),
            false,
            admin.getName());
    return ResponseEntity.status(exists ? HttpStatus.OK : HttpStatus.CREATED)
        .body(ConnectionViews.json(saved));
  }

  @Operation(summary = "Delete a connection and its history (admins); its batches stay.")
  @DeleteMapping("/{name}")
  ResponseEntity<Void> delete(@PathVariable("name") String name) {
    return service.delete(name)
        ? ResponseEntity.noContent().build()
        : ResponseEntity.notFound().build();
  }

  @Operation(summary = "Send the source one cheap request: ok, or the error without secrets.")
  @PostMapping("/{name}/test")
  ResponseEntity<Map<String, Object>> test(@PathVariable("name") String name) {
    if (service.row(name).isEmpty()) {
      return ResponseEntity.notFound().build();
    }
    ConnectionService.TestResult result = service.test(name);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("ok", result.ok());
    body.put("message", result.message());
    return ResponseEntity.ok(body);
  }

  @Operation(
      summary =
          "Start a sync in the background: 202, or 409 when one of this connection is running."
              + " Its run appears in /runs when it ends.")
  @PostMapping("/{name}/sync")
  ResponseEntity<Map<String, Object>> sync(@PathVariable("name") String name, Principal user) {
    if (service.row(name).isEmpty()) {
      return ResponseEntity.notFound().build();
    }
    boolean started = service.startSync(name, user.getName());
    return ResponseEntity.status(started ? HttpStatus.ACCEPTED : HttpStatus.CONFLICT)
        .body(Map.of("status", started ? "started" : "running"));
  }
}
