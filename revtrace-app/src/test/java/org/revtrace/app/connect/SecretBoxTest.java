package org.revtrace.app.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.revtrace.app.cli.BadArgument;

class SecretBoxTest {

  private static final String SECRET = "q7xk2secrettoken9";

  @TempDir Path dir;

  private SecretBox withKey(String key) {
    return SecretBox.of(Map.of(SecretBox.KEY_VARIABLE, key), dir.resolve("unused.key"));
  }

  @Test
  void aSealedSecretOpensForItsConnectionAndKeyOnly() {
    SecretBox box = withKey(SecretBox.newKey());
    String sealed = box.seal("crm", "token", SECRET);

    assertThat(sealed).startsWith("v1:" + box.currentKeyId() + ":").doesNotContain(SECRET);
    assertThat(box.open("crm", "token", sealed)).isEqualTo(SECRET);
    assertThat(box.seal("crm", "token", SECRET)).as("a fresh nonce each time").isNotEqualTo(sealed);
    assertThatThrownBy(() -> box.open("other", "token", sealed))
        .isInstanceOf(BadArgument.class)
        .hasMessageContaining("belongs to another connection")
        .hasMessageNotContaining(SECRET);
    assertThatThrownBy(() -> box.open("crm", "client_secret", sealed))
        .isInstanceOf(BadArgument.class);
  }

  @Test
  void anAlteredValueOrAnotherKeyIsNamedWithoutTheValue() {
    SecretBox box = withKey(SecretBox.newKey());
    String sealed = box.seal("crm", "token", SECRET);
    String[] parts = sealed.split(":");
    byte[] bytes = Base64.getDecoder().decode(parts[2]);
    bytes[bytes.length - 1] ^= 1;
    String altered = parts[0] + ":" + parts[1] + ":" + Base64.getEncoder().encodeToString(bytes);
    assertThatThrownBy(() -> box.open("crm", "token", altered))
        .isInstanceOf(BadArgument.class)
        .hasMessageContaining("altered");

    SecretBox rotated = withKey(SecretBox.newKey());
    assertThatThrownBy(() -> rotated.open("crm", "token", sealed))
        .isInstanceOf(BadArgument.class)
        .hasMessageContaining("sealed under key " + box.currentKeyId())
        .hasMessageContaining("the current key is " + rotated.currentKeyId());
  }

  @Test
  void theKeyFileIsCreatedOwnerOnlyOnTheFirstSealAndReadAfterwards() throws Exception {
    Path keyFile = SecretBox.keyFileBeside(dir.resolve("data").resolve("pg"));
    assertThat(keyFile).isEqualTo(dir.resolve("data").resolve("secret.key").toAbsolutePath());
    SecretBox box = SecretBox.of(Map.of(), keyFile);
    assertThat(box.currentKeyId()).isNull();
    assertThat(keyFile).doesNotExist();

    String sealed = box.seal("crm", "token", SECRET);
    assertThat(keyFile).exists();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
        .isEqualTo("rw-------");
    assertThat(Base64.getDecoder().decode(Files.readString(keyFile).strip())).hasSize(32);
    assertThat(SecretBox.of(Map.of(), keyFile).open("crm", "token", sealed)).isEqualTo(SECRET);
    assertThat(Files.readString(keyFile)).doesNotContain(SECRET);
  }

  @Test
  void withoutAnyKeyAStoredSecretCannotBeOpened() {
    String sealed = withKey(SecretBox.newKey()).seal("crm", "token", SECRET);
    SecretBox none = SecretBox.of(Map.of(), dir.resolve("missing.key"));
    assertThatThrownBy(() -> none.open("crm", "token", sealed))
        .isInstanceOf(BadArgument.class)
        .hasMessageContaining("no key")
        .hasMessageContaining(SecretBox.KEY_VARIABLE);
    assertThat(dir.resolve("missing.key")).as("opening never creates a key").doesNotExist();
  }

  @Test
  void aKeyThatIsNot32BytesOfBase64IsRefusedWithoutEchoingIt() {
    assertThatThrownBy(() -> withKey("c2hvcnQ="))
        .isInstanceOf(BadArgument.class)
        .hasMessageContaining("5 bytes")
        .hasMessageNotContaining("c2hvcnQ=");
    assertThatThrownBy(() -> withKey("not base64 at all!"))
        .isInstanceOf(BadArgument.class)
        .hasMessageContaining("not base64");
  }
}
