package org.revtrace.ingest.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Importing the same folder twice gives equal data and byte-identical quarantine files. */
class IdempotenceTest {

  @Test
  void importingTwiceGivesTheSameDataAndQuarantine(@TempDir Path first, @TempDir Path second)
      throws IOException {
    Path golden = TestFiles.resource("canonical/golden");
    CanonicalImporter importer = new CanonicalImporter();

    ImportResult once = importer.importFolder(golden, ImportOptions.defaults());
    ImportResult twice = importer.importFolder(golden, ImportOptions.defaults());
    new QuarantineWriter().write(once, first);
    new QuarantineWriter().write(twice, second);
    new QuarantineWriter().write(twice, second);

    assertThat(twice.data()).isEqualTo(once.data());
    assertThat(twice.errors()).isEqualTo(once.errors());
    List<Path> files;
    try (var listing = Files.list(first)) {
      files = listing.sorted().toList();
    }
    assertThat(files).isNotEmpty();
    for (Path file : files) {
      assertThat(Files.readAllBytes(second.resolve(file.getFileName())))
          .isEqualTo(Files.readAllBytes(file));
    }
  }
}
