package org.revtrace.app.connect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.revtrace.app.cli.BadArgument;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The connections file ({@code revtrace-data/connections.yaml}): a list {@code connections} of
 * entries with {@code name}, {@code source} and the source's settings; no secrets (see {@link
 * ConnectionSettings}).
 */
public final class ConnectionsFile {

  /** Where the file is unless {@code --config} says otherwise. */
  public static final Path DEFAULT = Path.of("revtrace-data", "connections.yaml");

  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  private ConnectionsFile() {}

  /**
   * The connections of {@code file} in file order; none when it does not exist.
   *
   * @throws BadArgument when the file is not valid, names a connection twice or holds a secret
   */
  public static List<ConnectionSettings> load(Path file) throws IOException {
    if (!Files.exists(file)) {
      return List.of();
    }
    JsonNode root;
    try {
      root = YAML.readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (JacksonException e) {
      throw new BadArgument(file + ": not valid YAML: " + e.getOriginalMessage());
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return List.of();
    }
    JsonNode entries = root.path("connections");
    if (!entries.isArray()) {
      throw new BadArgument(file + ": expected a list under 'connections'");
    }
    List<ConnectionSettings> connections = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (JsonNode entry : entries) {
      if (!entry.isObject()) {
        throw new BadArgument(file + ": each connection is an object with name and source");
      }
      Map<String, String> settings = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> field : entry.properties()) {
        if (!field.getValue().isValueNode()) {
          throw new BadArgument(file + ": setting '" + field.getKey() + "' must be a plain value");
        }
        settings.put(field.getKey(), field.getValue().asString());
      }
      String name = settings.remove("name");
      String sourceCode = settings.remove("source");
      if (sourceCode == null) {
        throw new BadArgument(file + ": connection " + name + " has no source");
      }
      ConnectorSource source = ConnectorSource.of(sourceCode);
      try {
        ConnectionSettings connection = new ConnectionSettings(name, source, settings);
        if (!names.add(connection.name())) {
          throw new BadArgument("connection " + name + " is named twice");
        }
        connections.add(connection);
      } catch (BadArgument e) {
        throw new BadArgument(file + ": " + e.getMessage());
      }
    }
    return connections;
  }

  /**
   * Writes {@code connection} into {@code file}: replaces the entry of the same name, else appends
   * it; creates the file and its folder when needed.
   */
  public static void upsert(Path file, ConnectionSettings connection) throws IOException {
    List<ConnectionSettings> connections = new ArrayList<>(load(file));
    connections.removeIf(existing -> existing.name().equals(connection.name()));
    connections.add(connection);
    List<Map<String, String>> entries = new ArrayList<>();
    for (ConnectionSettings each : connections) {
      Map<String, String> entry = new LinkedHashMap<>();
      entry.put("name", each.name());
      entry.put("source", each.source().code());
      entry.putAll(each.settings());
      entries.add(entry);
    }
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    String text =
        "# Revtrace connections (docs/connectors/crm.md, \"Running connectors\")."
            + " Secrets live in environment variables named by *_env, never here.\n"
            + YAML.writeValueAsString(Map.of("connections", entries));
    Path temporary = Files.createTempFile(parent, ".connections", ".yaml");
    Files.writeString(temporary, text, StandardCharsets.UTF_8);
    Files.move(
        temporary,
        file,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }
}
