package org.revtrace.app.hooks;

import java.util.Optional;

/**
 * Where the webhook endpoints and the applier find a connection by name. Read from the connections
 * file for now ({@link FileHookConnections}); a store of connections can take its place.
 */
public interface HookConnections {

  /**
   * The connection named {@code name} if it exists and has a webhook secret set up (its {@code
   * webhook_token_env} names a variable that holds one); empty otherwise.
   *
   * @throws RuntimeException when the connections cannot be read (the endpoint answers 503 and the
   *     vendor retries)
   */
  Optional<HookConnection> find(String name);
}
