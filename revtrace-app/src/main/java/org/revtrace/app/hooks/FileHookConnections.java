package org.revtrace.app.hooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.revtrace.app.connect.ConnectionSettings;
import org.revtrace.app.connect.ConnectionsFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connections from the connections file ({@link ConnectionsFile}), re-read when the file changes;
 * secrets from the variables its {@code *_env} settings name. A connection takes webhooks when its
 * {@code webhook_token_env} names a variable holding at least {@link #MIN_SECRET_LENGTH}
 * characters.
 */
public final class FileHookConnections implements HookConnections {

  /** Shorter webhook secrets are refused: the secret is the only thing between a forger and us. */
  public static final int MIN_SECRET_LENGTH = 16;

  private static final Logger LOG = LoggerFactory.getLogger(FileHookConnections.class);

  private final Path file;
  private final Function<String, String> variables;
  private FileTime loadedVersion;
  private List<ConnectionSettings> loaded = List.of();
  // Warned once per connection and file version: a caller hammering a hook must not flood the log.
  private final java.util.Set<String> warned = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /**
   * @param file the connections file
   * @param variables a variable's value by name (the process environment), null when unset
   */
  public FileHookConnections(Path file, Function<String, String> variables) {
    this.file = file;
    this.variables = variables;
  }

  @Override
  public Optional<HookConnection> find(String name) {
    Optional<ConnectionSettings> found =
        connections().stream().filter(c -> c.name().equals(name)).findFirst();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    ConnectionSettings connection = found.get();
    String variable = connection.settings().get("webhook_token_env");
    String secret = variable == null ? null : variables.apply(variable);
    if (secret == null || secret.strip().length() < MIN_SECRET_LENGTH) {
      if (!warned.add(name)) {
        return Optional.empty();
      }
      LOG.warn(
          "connection {} takes no webhooks: {}",
          name,
          variable == null
              ? "no webhook_token_env setting"
              : "the variable " + variable + " is unset or shorter than " + MIN_SECRET_LENGTH);
      return Optional.empty();
    }
    Map<String, String> environment = new HashMap<>();
    connection
        .settings()
        .forEach(
            (key, value) -> {
              if (key.endsWith("_env")) {
                String secretValue = variables.apply(value);
                if (secretValue != null) {
                  environment.put(value, secretValue);
                }
              }
            });
    return Optional.of(new HookConnection(connection, secret.strip(), environment));
  }

  private synchronized List<ConnectionSettings> connections() {
    try {
      FileTime version = Files.exists(file) ? Files.getLastModifiedTime(file) : null;
      if (version == null) {
        loaded = List.of();
      } else if (!version.equals(loadedVersion)) {
        loaded = ConnectionsFile.load(file);
        warned.clear();
      }
      loadedVersion = version;
      return loaded;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the connections file " + file, e);
    }
  }
}
