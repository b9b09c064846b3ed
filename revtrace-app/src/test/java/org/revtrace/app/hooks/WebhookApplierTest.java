package org.revtrace.app.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.revtrace.store.JdbcWebhookEvents.Pending;

/** When a connection's pending events are due, and how long a failed sync waits. */
class WebhookApplierTest {

  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
  private static final WebhookApplier.Settings SETTINGS =
      new WebhookApplier.Settings(
          Duration.ofSeconds(3),
          Duration.ofSeconds(60),
          Duration.ofSeconds(30),
          Duration.ofMinutes(60),
          Duration.ofSeconds(1),
          2);

  private static Pending pending(Instant first, Instant last, Instant nextAttempt) {
    return new Pending("crm", 2, 9, first, last, nextAttempt, nextAttempt == null ? 0 : 1, false);
  }

  @Test
  void dueOnceQuietForTheDebounce() {
    Pending burst = pending(T0, T0.plusSeconds(2), null);
    assertThat(WebhookApplier.isDue(burst, T0.plusSeconds(4), SETTINGS)).isFalse();
    assertThat(WebhookApplier.isDue(burst, T0.plusSeconds(5), SETTINGS)).isTrue();
  }

  @Test
  void aSteadyStreamIsDueAfterTheMaximumDelay() {
    Pending stream = pending(T0, T0.plusSeconds(59), null);
    assertThat(WebhookApplier.isDue(stream, T0.plusSeconds(59), SETTINGS)).isFalse();
    assertThat(WebhookApplier.isDue(stream, T0.plusSeconds(60), SETTINGS)).isTrue();
  }

  @Test
  void notBeforeTheNextTryAfterAFailure() {
    Pending failed = pending(T0, T0, T0.plusSeconds(30));
    assertThat(WebhookApplier.isDue(failed, T0.plusSeconds(29), SETTINGS)).isFalse();
    assertThat(WebhookApplier.isDue(failed, T0.plusSeconds(30), SETTINGS)).isTrue();
  }

  @Test
  void theWaitDoublesPerFailureUpToTheMaximum() {
    assertThat(WebhookApplier.retryAfter(1, SETTINGS)).isEqualTo(Duration.ofSeconds(30));
    assertThat(WebhookApplier.retryAfter(2, SETTINGS)).isEqualTo(Duration.ofSeconds(60));
    assertThat(WebhookApplier.retryAfter(4, SETTINGS)).isEqualTo(Duration.ofSeconds(240));
    assertThat(WebhookApplier.retryAfter(8, SETTINGS)).isEqualTo(Duration.ofMinutes(60));
    assertThat(WebhookApplier.retryAfter(1000, SETTINGS)).isEqualTo(Duration.ofMinutes(60));
  }

  @Test
  void secretsCompareByValueAndTheAccountByTheUrlsFirstLabel() {
    assertThat(HookServlet.sameSecret("abc", "abc")).isTrue();
    assertThat(HookServlet.sameSecret("abc", "abd")).isFalse();
    assertThat(HookServlet.sameSecret("abc", "abcd")).isFalse();
    assertThat(HookServlet.subdomain("https://Example.amocrm.ru")).isEqualTo("example");
    assertThat(HookServlet.subdomain("https://example.kommo.com/")).isEqualTo("example");
    assertThat(HookServlet.subdomain("not a url")).isEmpty();
  }
}
