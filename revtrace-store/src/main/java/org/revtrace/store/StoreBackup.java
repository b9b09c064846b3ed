package org.revtrace.store;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * A logical backup of the store without {@code pg_dump} (the embedded PostgreSQL ships none): every
 * table of the {@code public} schema as CSV from {@code COPY … TO STDOUT}, read in one
 * repeatable-read snapshot, so a backup taken while imports run is consistent. The zip holds {@code
 * manifest.properties} (schema version, row counts and SHA-256 per table) and {@code
 * tables/NAME.csv} with a header row.
 *
 * <p>Restore goes into an empty store of the same or a newer schema version, in one transaction
 * (all tables or nothing), by column name, so columns added by later migrations take their
 * defaults; identity sequences continue after the restored ids.
 */
public final class StoreBackup {

  /** What a backup holds: the schema version and the rows per table, in load order. */
  public record Manifest(String schemaVersion, Instant createdAt, Map<String, Long> rows) {

    /** The rows of every table together. */
    public long totalRows() {
      return rows.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  private static final String MANIFEST = "manifest.properties";
  private static final String FORMAT = "revtrace-backup-1";
  private static final String HISTORY = "flyway_schema_history";

  private StoreBackup() {}

  /** Writes the backup of the store to {@code zip} (via a temporary file, so never half a file). */
  public static Manifest backup(DataSource dataSource, Path zip) {
    Path partial = zip.resolveSibling(zip.getFileName() + ".partial");
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      connection.setReadOnly(true);
      Manifest manifest;
      try (ZipOutputStream out =
          new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(partial)))) {
        manifest = writeTables(connection, out);
      } finally {
        connection.rollback();
      }
      Files.move(partial, zip, StandardCopyOption.REPLACE_EXISTING);
      return manifest;
    } catch (SQLException e) {
      throw new StoreException("cannot back up the store", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + zip, e);
    } finally {
      try {
        Files.deleteIfExists(partial);
      } catch (IOException ignored) {
        // the partial file only matters when the backup failed, and then the error is thrown
      }
    }
  }

  /**
   * Loads the backup in {@code zip} into the store, which must be empty and at the backup's schema
   * version or newer.
   *
   * @throws StoreException when the store is not empty, the backup is newer than this program, or a
   *     table's checksum or row count does not match the manifest (nothing is restored then)
   */
  public static Manifest restore(DataSource dataSource, Path zip) {
    try (ZipFile file = new ZipFile(zip.toFile());
        Connection connection = dataSource.getConnection()) {
      Manifest manifest = readManifest(file);
      verifyChecksums(file, manifest, properties(file));
      connection.setAutoCommit(false);
      try {
        requireRestorable(connection, manifest);
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        for (String table : manifest.rows().keySet()) {
          restoreTable(file, copy, table, manifest);
        }
        restartIdentities(connection);
        connection.commit();
      } catch (SQLException | IOException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
      return manifest;
    } catch (SQLException e) {
      throw new StoreException("cannot restore " + zip, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + zip, e);
    }
  }

  private static Manifest writeTables(Connection connection, ZipOutputStream out)
      throws SQLException, IOException {
    CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
    Map<String, Long> rows = new LinkedHashMap<>();
    Properties manifest = new Properties();
    for (String table : tablesParentsFirst(connection)) {
      out.putNextEntry(new ZipEntry("tables/" + table + ".csv"));
      MessageDigest sha256 = sha256();
      OutputStream entry = new DigestOutputStream(new NonClosing(out), sha256);
      long count =
          copy.copyOut(
              "copy " + quoted(table) + " to stdout with (format csv, header true)", entry);
      entry.flush();
      out.closeEntry();
      rows.put(table, count);
      manifest.setProperty("rows." + table, Long.toString(count));
      manifest.setProperty("sha256." + table, HexFormat.of().formatHex(sha256.digest()));
    }
    String version = schemaVersion(connection);
    Instant createdAt = Instant.now();
    manifest.setProperty("format", FORMAT);
    manifest.setProperty("schema.version", version);
    manifest.setProperty("created.at", createdAt.toString());
    manifest.setProperty("tables", String.join(",", rows.keySet()));
    out.putNextEntry(new ZipEntry(MANIFEST));
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    manifest.store(text, "Revtrace store backup; restore with `revtrace restore --from FILE`");
    out.write(text.toByteArray());
    out.closeEntry();
    return new Manifest(version, createdAt, rows);
  }

  private static void verifyChecksums(ZipFile file, Manifest manifest, Properties checksums)
      throws IOException {
    for (String table : manifest.rows().keySet()) {
      ZipEntry entry = entry(file, table);
      MessageDigest sha256 = sha256();
      try (InputStream in = new DigestInputStream(file.getInputStream(entry), sha256)) {
        in.transferTo(OutputStream.nullOutputStream());
      }
      if (!HexFormat.of()
          .formatHex(sha256.digest())
          .equals(checksums.getProperty("sha256." + table))) {
        throw new StoreException(
            entry.getName()
                + " does not match the manifest's checksum: the backup is damaged;"
                + " nothing was restored",
            null);
      }
    }
  }

  private static void restoreTable(ZipFile file, CopyManager copy, String table, Manifest manifest)
      throws SQLException, IOException {
    ZipEntry entry = entry(file, table);
    String header = firstLine(file, entry);
    if (header.isEmpty()) {
      throw new StoreException(entry.getName() + " has no header row", null);
    }
    long loaded;
    try (InputStream in = file.getInputStream(entry)) {
      loaded =
          copy.copyIn(
              "copy "
                  + quoted(table)
                  + " ("
                  + columns(header)
                  + ") from stdin with (format csv, header true)",
              in);
    }
    if (loaded != manifest.rows().get(table)) {
      throw new StoreException(
          entry.getName()
              + " held "
              + loaded
              + " rows, the manifest says "
              + manifest.rows().get(table)
              + ": nothing was restored",
          null);
    }
  }

  private static ZipEntry entry(ZipFile file, String table) {
    ZipEntry entry = file.getEntry("tables/" + table + ".csv");
    if (entry == null) {
      throw new StoreException("the backup has no data for table " + table, null);
    }
    return entry;
  }

  private static void requireRestorable(Connection connection, Manifest manifest)
      throws SQLException {
    String current = schemaVersion(connection);
    if (compareVersions(manifest.schemaVersion(), current) > 0) {
      throw new StoreException(
          "the backup's schema version "
              + manifest.schemaVersion()
              + " is newer than this program's "
              + current
              + ": restore it with a newer revtrace",
          null);
    }
    List<String> tables = tablesParentsFirst(connection);
    for (String table : manifest.rows().keySet()) {
      if (!tables.contains(table)) {
        throw new StoreException("the store has no table " + table + " to restore into", null);
      }
    }
    for (String table : tables) {
      try (Statement statement = connection.createStatement();
          ResultSet row =
              statement.executeQuery("select exists (select 1 from " + quoted(table) + ")")) {
        row.next();
        if (row.getBoolean(1)) {
          throw new StoreException(
              "restore needs an empty store, but table "
                  + table
                  + " has rows: use a new --db-dir (or an empty database)",
              null);
        }
      }
    }
  }

  /** Tables of the public schema, each after the tables its foreign keys point to. */
  private static List<String> tablesParentsFirst(Connection connection) throws SQLException {
    Map<String, List<String>> parents = new LinkedHashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                    + " where n.nspname = 'public' and c.relkind in ('r', 'p')"
                    + " and c.relname <> '"
                    + HISTORY
                    + "' order by c.relname")) {
      while (rows.next()) {
        parents.put(rows.getString(1), new ArrayList<>());
      }
    }
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "select c.conrelid::regclass::text, c.confrelid::regclass::text from pg_constraint"
                    + " c join pg_namespace n on n.oid = c.connamespace"
                    + " where c.contype = 'f' and n.nspname = 'public'")) {
      while (rows.next()) {
        List<String> own = parents.get(unquoted(rows.getString(1)));
        String parent = unquoted(rows.getString(2));
        if (own != null && !parent.equals(unquoted(rows.getString(1)))) {
          own.add(parent);
        }
      }
    }
    List<String> ordered = new ArrayList<>();
    for (String table : parents.keySet()) {
      visit(table, parents, ordered, new ArrayList<>());
    }
    return ordered;
  }

  private static void visit(
      String table, Map<String, List<String>> parents, List<String> ordered, List<String> path) {
    if (ordered.contains(table) || path.contains(table)) {
      return;
    }
    path.add(table);
    for (String parent : parents.getOrDefault(table, List.of())) {
      visit(parent, parents, ordered, path);
    }
    ordered.add(table);
  }

  private static void restartIdentities(Connection connection) throws SQLException {
    List<String[]> identities = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "select table_name, column_name from information_schema.columns"
                    + " where table_schema = 'public' and is_identity = 'YES'")) {
      while (rows.next()) {
        identities.add(new String[] {rows.getString(1), rows.getString(2)});
      }
    }
    for (String[] identity : identities) {
      try (PreparedStatement restart =
          connection.prepareStatement(
              "select setval(pg_get_serial_sequence(?, ?), coalesce((select max("
                  + quoted(identity[1])
                  + ") from "
                  + quoted(identity[0])
                  + "), 0) + 1, false)")) {
        restart.setString(1, quoted(identity[0]));
        restart.setString(2, identity[1]);
        restart.execute();
      }
    }
  }

  private static String schemaVersion(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery(
                "select version from "
                    + HISTORY
                    + " where success and version is not null order by installed_rank desc"
                    + " limit 1")) {
      return row.next() ? row.getString(1) : "0";
    }
  }

  private static Manifest readManifest(ZipFile file) throws IOException {
    Properties manifest = properties(file);
    if (!FORMAT.equals(manifest.getProperty("format"))) {
      throw new StoreException(
          file.getName() + " is not a Revtrace backup (no " + FORMAT + " manifest)", null);
    }
    Map<String, Long> rows = new LinkedHashMap<>();
    for (String table : manifest.getProperty("tables", "").split(",")) {
      if (!table.isEmpty()) {
        rows.put(table, Long.parseLong(manifest.getProperty("rows." + table, "-1")));
      }
    }
    return new Manifest(
        manifest.getProperty("schema.version"),
        Instant.parse(manifest.getProperty("created.at")),
        rows);
  }

  private static Properties properties(ZipFile file) throws IOException {
    ZipEntry entry = file.getEntry(MANIFEST);
    if (entry == null) {
      throw new StoreException(file.getName() + " is not a Revtrace backup (no manifest)", null);
    }
    Properties manifest = new Properties();
    try (InputStream in = file.getInputStream(entry)) {
      manifest.load(in);
    }
    return manifest;
  }

  private static String firstLine(ZipFile file, ZipEntry entry) throws IOException {
    try (InputStream in = file.getInputStream(entry)) {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
        line.write(b);
      }
      return line.toString(StandardCharsets.UTF_8).strip();
    }
  }

  /** Compares Flyway versions such as {@code 2} and {@code 10} numerically, part by part. */
  static int compareVersions(String a, String b) {
    String[] left = a.split("\\.");
    String[] right = b.split("\\.");
    for (int i = 0; i < Math.max(left.length, right.length); i++) {
      long l = i < left.length ? Long.parseLong(left[i]) : 0;
      long r = i < right.length ? Long.parseLong(right[i]) : 0;
      if (l != r) {
        return Long.compare(l, r);
      }
    }
    return 0;
  }

  private static String columns(String header) {
    List<String> quotedNames = new ArrayList<>();
    for (String name : header.split(",")) {
      quotedNames.add(quoted(name.startsWith("\"") ? unquoted(name) : name));
    }
    return String.join(", ", quotedNames);
  }

  private static String quoted(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  private static String unquoted(String identifier) {
    return identifier.startsWith("\"")
        ? identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"")
        : identifier;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** Lets COPY close its stream without closing the zip around it. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
