package org.revtrace.ingest.mapping;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.revtrace.ingest.canonical.CanonicalFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads and checks a mapping file (YAML, or JSON, which YAML includes). */
public final class MappingFile {

  private MappingFile() {}

  /** Thrown with every problem found in a mapping file; the importer turns it into BAD_MAPPING. */
  public static final class InvalidMappingException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidMappingException(String message) {
      super(message);
    }
  }

  /** Loads {@code file}; the source name defaults to {@code sourceFileName}. */
  public static ColumnMapping load(Path file, String sourceFileName)
      throws InvalidMappingException {
    JsonNode root;
    try {
      root = YAMLMapper.builder().build().readTree(file.toFile());
    } catch (JacksonException e) {
      throw new InvalidMappingException("not valid YAML: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new InvalidMappingException("the mapping must be a YAML object");
    }
    List<String> problems = new ArrayList<>();
    CanonicalFile target = CanonicalFile.byName(text(root, "target")).orElse(null);
    if (target == null) {
      problems.add("target must name a canonical file such as leads or deals");
    }
    String source = text(root, "source");
    String delimiterText = text(root, "delimiter");
    char delimiter = ',';
    if (delimiterText != null) {
      String unescaped = delimiterText.equals("\\t") ? "\t" : delimiterText;
      if (unescaped.length() != 1) {
        problems.add("delimiter must be one character: '" + delimiterText + "'");
      } else {
        delimiter = unescaped.charAt(0);
      }
    }
    ZoneId zone = null;
    String zoneText = text(root, "timezone");
    if (zoneText != null) {
      try {
        zone = ZoneId.of(zoneText);
      } catch (DateTimeException e) {
        problems.add("unknown timezone '" + zoneText + "'");
      }
    }
    Map<String, ColumnMapping.FieldRule> fields = new LinkedHashMap<>();
    JsonNode columns = root.path("columns");
    if (!columns.isObject()) {
      problems.add("columns must map canonical fields to source columns");
    } else {
      for (Map.Entry<String, JsonNode> entry : columns.properties()) {
        fields.put(entry.getKey(), rule(entry.getKey(), entry.getValue(), problems));
      }
    }
    Map<String, String> constants = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : root.path("constants").properties()) {
      constants.put(entry.getKey(), entry.getValue().asString());
    }
    if (target != null) {
      checkFields(target, fields, constants, problems);
    }
    if (!problems.isEmpty()) {
      throw new InvalidMappingException(String.join("; ", problems));
    }
    return new ColumnMapping(
        target, source == null ? sourceFileName : source, delimiter, zone, fields, constants);
  }

  private static ColumnMapping.FieldRule rule(String field, JsonNode node, List<String> problems) {
    if (node.isValueNode()) {
      return new ColumnMapping.FieldRule(node.asString(), null, Map.of(), null, null);
    }
    String column = text(node, "column");
    if (column == null) {
      problems.add(field + ": 'column' is required");
      column = "";
    }
    String format = text(node, "format");
    if (format != null) {
      try {
        DateTimeFormatter.ofPattern(format, Locale.ROOT);
      } catch (IllegalArgumentException e) {
        problems.add(field + ": bad format '" + format + "': " + e.getMessage());
      }
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : node.path("map").properties()) {
      values.put(entry.getKey().trim(), entry.getValue().asString());
    }
    JsonNode defaultNode = node.get("default");
    String defaultValue =
        defaultNode == null || defaultNode.isNull() ? null : defaultNode.asString();
    return new ColumnMapping.FieldRule(column, format, values, defaultValue, text(node, "others"));
  }

  private static void checkFields(
      CanonicalFile target,
      Map<String, ColumnMapping.FieldRule> fields,
      Map<String, String> constants,
      List<String> problems) {
    for (String field : fields.keySet()) {
      if (target.indexOf(field) < 0) {
        problems.add(target.fileName() + " has no column '" + field + "'");
      }
    }
    for (String field : constants.keySet()) {
      if (target.indexOf(field) < 0) {
        problems.add(target.fileName() + " has no column '" + field + "' (constants)");
      }
    }
    for (String required : target.requiredColumns()) {
      if (!fields.containsKey(required) && !constants.containsKey(required)) {
        problems.add("required column '" + required + "' is neither mapped nor constant");
      }
    }
  }

  private static String text(JsonNode node, String name) {
    JsonNode value = node.get(name);
    return value == null || value.isNull() ? null : value.asString();
  }
}
