package org.revtrace.ingest.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.revtrace.core.model.Lead;

/** Hashed personal data keeps the e-mail's domain; leads keep their click id. */
class PersonalDataTest {

  private static String sha256(String text) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void anEmailIsItsSaltedHashFollowedByItsDomain() throws Exception {
    PersonalData personal = new PersonalData("pepper");

    assertThat(personal.hashEmail("  Anna@Example.COM "))
        .isEqualTo(sha256("pepperanna@example.com") + "@example.com");
    assertThat(personal.hashEmail("no-domain")).isEqualTo(sha256("pepperno-domain"));
    assertThat(personal.hashEmail("trailing@")).isEqualTo(sha256("peppertrailing@"));
    assertThat(personal.hashEmail(" ")).isNull();
    assertThat(personal.hashPhone("8 (916) 123-45-67")).isEqualTo(sha256("pepper79161234567"));
  }

  @Test
  void aLeadKeepsItsClickId(@TempDir Path dir) {
    Path file =
        TestFiles.write(
            dir,
            "leads.csv",
            "lead_id,created_at,email,click_id\n"
                + "L1,2025-03-01T10:00:00+03:00,anna@acme.ru,Cj0KCQiA\n"
                + "L2,2025-03-01T11:00:00+03:00,,\n");

    ImportResult result =
        new CanonicalImporter().importFile(file, CanonicalFile.LEADS, ImportOptions.defaults());

    assertThat(result.data().leads()).extracting(Lead::clickId).containsExactly("Cj0KCQiA", null);
    assertThat(result.data().leads().get(0).email()).endsWith("@acme.ru").hasSize(64 + 8);
  }
}
