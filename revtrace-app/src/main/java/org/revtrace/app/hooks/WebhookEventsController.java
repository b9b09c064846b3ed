package org.revtrace.app.hooks;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import org.revtrace.store.JdbcWebhookEvents;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/webhooks/events}: the newest recorded webhook events with their state
 * (pending, failed with the error and the next try, applied with the outcome), e.g. the deletions
 * the store does not apply. Viewers may read it (the security chain's rule for GET {@code
 * /api/**}).
 */
@RestController
class WebhookEventsController {

  static final int MAX_LIMIT = 1000;

  private final JdbcWebhookEvents events;

  WebhookEventsController(JdbcWebhookEvents events) {
    this.events = events;
  }

  /** One event as the API shows it (snake_case; no secrets are stored, so none are shown). */
  record EventView(
      long id,
      String source,
      String connection,
      String entity,
      String entity_id,
      String action,
      String vendor_event,
      String occurred_at,
      String received_at,
      String state,
      int attempts,
      String next_attempt_at,
      String last_error,
      String applied_at,
      Long batch_id,
      String outcome) {

    static EventView of(JdbcWebhookEvents.StoredEvent event) {
      return new EventView(
          event.id(),
          event.source(),
          event.connection(),
          event.entity(),
          event.entityId(),
          event.action(),
          event.vendorEvent(),
          text(event.occurredAt()),
          text(event.receivedAt()),
          event.state(),
          event.attempts(),
          text(event.nextAttemptAt()),
          event.lastError(),
          text(event.appliedAt()),
          event.batchId(),
          event.outcome());
    }

    private static String text(java.time.Instant instant) {
      return instant == null ? null : instant.toString();
    }
  }

  @Operation(summary = "The newest webhook events, newest first.")
  @GetMapping(path = "/api/v1/webhooks/events", produces = MediaType.APPLICATION_JSON_VALUE)
  List<EventView> events(
      @Parameter(description = "Only this connection's events.") @RequestParam(required = false)
          String connection,
      @Parameter(description = "Only deletions (which the store does not apply).")
          @RequestParam(defaultValue = "false")
          boolean deletions,
      @Parameter(description = "At most this many (1-1000, default 100).")
          @RequestParam(defaultValue = "100")
          int limit) {
    int bounded = Math.max(1, Math.min(MAX_LIMIT, limit));
    return events.recent(connection, deletions, bounded).stream().map(EventView::of).toList();
  }
}
