package org.revtrace.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.revtrace.core.port.BatchOutcome;
import org.revtrace.core.testing.CanonicalSamples;

/** Backup of a live store and restore into a second, empty PostgreSQL cluster. */
class StoreBackupIT {

  private static EmbeddedDatabase target;

  @TempDir Path folder;

  @BeforeAll
  static void startTarget() {
    Path directory = Path.of("target", "it-pg-restore");
    SharedDatabaseFiles.delete(directory);
    target = EmbeddedDatabase.start(directory);
  }

  @AfterAll
  static void stopTarget() {
    target.close();
  }

  @Test
  void restoreGivesBackEveryRowAndIdsContinue() {
    DataSource source = SharedDatabase.empty();
    JdbcImportBatches sourceStore = new JdbcImportBatches(source);
    sourceStore.commit(
        "canonical",
        "demo",
        "sha256:1",
        CanonicalSamples.everyFile(),
        CanonicalSamples.twoErrors(),
        CanonicalSamples.twoRejectedFiles());
    sourceStore.commit(
        "canonical", "more", "sha256:2", CanonicalSamples.touchpoints("x", 0, 50), List.of());
    Path zip = folder.resolve("store.zip");

    StoreBackup.Manifest written = StoreBackup.backup(source, zip);
    DataSource restored = emptyTarget();
    StoreBackup.Manifest read = StoreBackup.restore(restored, zip);

    assertThat(read.rows()).isEqualTo(written.rows());
    assertThat(written.rows())
        .containsEntry("batches", 2L)
        .containsEntry("quarantine", 2L)
        .containsEntry("rejected_files", 2L)
        .containsEntry("rejected_rows", 3L)
        .containsEntry("touchpoints", 52L);
    assertThat(new JdbcImportBatches(restored).loadAll())
        .isEqualTo(new JdbcImportBatches(source).loadAll());
    assertThat(new JdbcImportBatches(restored).batches())
        .isEqualTo(new JdbcImportBatches(source).batches());
    assertThat(new JdbcImportBatches(restored).rejectedRows(1))
        .isEqualTo(new JdbcImportBatches(source).rejectedRows(1))
        .hasSize(2);
    BatchOutcome next =
        new JdbcImportBatches(restored)
            .commit(
                "canonical", "new", "sha256:3", CanonicalSamples.touchpoints("y", 0, 1), List.of());
    assertThat(next.batch().id()).isEqualTo(3);
  }

  @Test
  void restoreRefusesAStoreThatHasData() {
    DataSource source = SharedDatabase.empty();
    new JdbcImportBatches(source)
        .commit("canonical", "demo", "sha256:1", CanonicalSamples.everyFile(), List.of());
    Path zip = folder.resolve("store.zip");
    StoreBackup.backup(source, zip);

    assertThatThrownBy(() -> StoreBackup.restore(source, zip))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("restore needs an empty store");
  }

  @Test
  void aDamagedBackupRestoresNothing() throws IOException {
    DataSource source = SharedDatabase.empty();
    new JdbcImportBatches(source)
        .commit("canonical", "demo", "sha256:1", CanonicalSamples.everyFile(), List.of());
    Path zip = folder.resolve("store.zip");
    StoreBackup.backup(source, zip);
    Path damaged = folder.resolve("damaged.zip");
    copyChangingOneRow(zip, damaged, "tables/leads.csv");
    DataSource restored = emptyTarget();

    assertThatThrownBy(() -> StoreBackup.restore(restored, damaged))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("tables/leads.csv does not match the manifest");
    assertThat(SharedDatabase.count(restored, "batches")).isZero();
    assertThat(SharedDatabase.count(restored, "touchpoints")).isZero();
  }

  @Test
  void aFileThatIsNotABackupIsRefused() throws IOException {
    Path notBackup = folder.resolve("other.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(notBackup))) {
      out.putNextEntry(new ZipEntry("readme.txt"));
      out.write("hello".getBytes());
      out.closeEntry();
    }

    assertThatThrownBy(() -> StoreBackup.restore(emptyTarget(), notBackup))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("is not a Revtrace backup");
  }

  @Test
  void versionsCompareNumerically() {
    assertThat(StoreBackup.compareVersions("10", "9")).isPositive();
    assertThat(StoreBackup.compareVersions("2", "2.0")).isZero();
    assertThat(StoreBackup.compareVersions("1.1", "1.2")).isNegative();
  }

  private static DataSource emptyTarget() {
    DataSource dataSource = target.dataSource();
    SharedDatabase.truncateAll(dataSource);
    return dataSource;
  }

  private static void copyChangingOneRow(Path from, Path to, String entryName) throws IOException {
    try (ZipFile in = new ZipFile(from.toFile());
        OutputStream file = Files.newOutputStream(to);
        ZipOutputStream out = new ZipOutputStream(file)) {
      for (ZipEntry entry : in.stream().toList()) {
        out.putNextEntry(new ZipEntry(entry.getName()));
        try (InputStream data = in.getInputStream(entry)) {
          byte[] bytes = data.readAllBytes();
          if (entry.getName().equals(entryName)) {
            String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            bytes =
                text.replaceFirst("\n(.)", "\n9").getBytes(java.nio.charset.StandardCharsets.UTF_8);
          }
          out.write(bytes);
        }
        out.closeEntry();
      }
    }
  }
}
