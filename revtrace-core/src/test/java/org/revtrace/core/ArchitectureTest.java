package org.revtrace.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the core framework-free and free of I/O and JDBC (ARCHITECTURE.md decision 2). */
class ArchitectureTest {

  private static final JavaClasses CORE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.revtrace.core");

  @Test
  void coreUsesNoFrameworks() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..",
            "jakarta..",
            "javax..",
            "picocli..",
            "tools.jackson..",
            "com.fasterxml..",
            "de.siegmar..",
            "org.revtrace.ingest..",
            "org.revtrace.app..")
        .check(CORE);
  }

  @Test
  void coreDoesNoIoOrJdbc() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.io..", "java.nio.file..", "java.net..", "java.sql..")
        .because("engines are pure functions over in-memory data; I/O lives in ingest and app")
        .check(CORE);
  }

  @Test
  void coreReadsNoClockImplicitly() {
    noClasses()
        .should()
        .callMethod(java.time.Instant.class, "now")
        .orShould()
        .callMethod(System.class, "currentTimeMillis")
        .because("time is injected (STYLE.md rule 3)")
        .check(CORE);
  }
}
