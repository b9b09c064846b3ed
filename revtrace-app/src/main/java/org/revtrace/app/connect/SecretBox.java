package org.revtrace.app.connect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.revtrace.app.cli.BadArgument;

/**
 * Encrypts the secrets stored with connections: AES-256-GCM of the JDK with a random 96-bit nonce
 * per value and the connection's name and the secret's key as associated data (a sealed value
 * copied to another connection or key does not open). Sealed text: {@code v1:<key id>:<base64 of
 * nonce ‖ ciphertext ‖ tag>}; the key id is the first 8 hex digits of the key's SHA-256, so a value
 * sealed under another key is named as such instead of failing as "tampered".
 *
 * <p>The key: {@value #KEY_VARIABLE} (base64 of 32 bytes) when set, else the key file ({@code
 * secret.key} beside the database directory), created with owner-only permissions (0600) the first
 * time a secret is sealed. Neither the key nor a secret value ever appears in a message.
 */
public final class SecretBox {

  /** The environment variable holding the key, base64 of 32 bytes. */
  public static final String KEY_VARIABLE = "REVTRACE_SECRET_KEY";

  /** The key file's name, in the folder that holds the database directory. */
  public static final String KEY_FILE = "secret.key";

  private static final String VERSION = "v1";
  private static final int KEY_BYTES = 32;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] configuredKey;
  private final Path keyFile;
  private byte[] key;

  private SecretBox(byte[] configuredKey, Path keyFile) {
    this.configuredKey = configuredKey;
    this.keyFile = keyFile;
  }

  /**
   * The box whose key is {@value #KEY_VARIABLE} in {@code environment}, else {@code keyFile}.
   *
   * @throws BadArgument when the variable is set but is not base64 of 32 bytes
   */
  public static SecretBox of(Map<String, String> environment, Path keyFile) {
    String configured = environment.get(KEY_VARIABLE);
    if (configured == null || configured.isBlank()) {
      return new SecretBox(null, keyFile.toAbsolutePath().normalize());
    }
    return new SecretBox(decodeKey(configured, KEY_VARIABLE), null);
  }

  /** The key file beside the database directory {@code databaseDirectory}. */
  public static Path keyFileBeside(Path databaseDirectory) {
    Path absolute = databaseDirectory.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    return (parent == null ? absolute : parent).resolve(KEY_FILE);
  }

  /** A new random key as {@value #KEY_VARIABLE} takes it (base64 of 32 bytes). */
  public static String newKey() {
    byte[] bytes = new byte[KEY_BYTES];
    RANDOM.nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  /**
   * Seals {@code secret} of connection {@code connection} under {@code key}; creates the key file
   * if neither the variable nor the file exists yet.
   */
  public String seal(String connection, String secretKey, String secret) {
    byte[] current = key(true);
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, current, nonce, connection, secretKey);
      byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[nonce.length + sealed.length];
      System.arraycopy(nonce, 0, out, 0, nonce.length);
      System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
      return VERSION + ":" + keyId(current) + ":" + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-GCM is part of every JVM", e);
    }
  }

  /**
   * Opens a value {@link #seal} made for the same connection and key.
   *
   * @throws BadArgument when there is no key, the value was sealed under another key, or it was
   *     altered (the message names the connection, the key and the key ids, never a value)
   */
  public String open(String connection, String secretKey, String sealed) {
    String[] parts = sealed.split(":", 3);
    if (parts.length != 3 || !parts[0].equals(VERSION)) {
      throw new BadArgument(
          "the stored " + secretKey + " of connection " + connection + " is not a sealed value");
    }
    byte[] current = key(false);
    if (current == null) {
      throw new BadArgument(
          "the stored "
              + secretKey
              + " of connection "
              + connection
              + " cannot be read: no key ("
              + KEY_VARIABLE
              + " is not set and "
              + keyFile
              + " does not exist); restore the key or enter the secret again");
    }
    if (!parts[1].equals(keyId(current))) {
      throw new BadArgument(
          "the stored "
              + secretKey
              + " of connection "
              + connection
              + " was sealed under key "
              + parts[1]
              + ", the current key is "
              + keyId(current)
              + "; restore that key or enter the secret again");
    }
    try {
      byte[] in = Base64.getDecoder().decode(parts[2]);
      if (in.length < NONCE_BYTES + TAG_BITS / 8) {
        throw new BadArgument(
            "the stored " + secretKey + " of connection " + connection + " is truncated");
      }
      byte[] nonce = Arrays.copyOf(in, NONCE_BYTES);
      Cipher cipher = cipher(Cipher.DECRYPT_MODE, current, nonce, connection, secretKey);
      byte[] plain = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (AEADBadTagException | IllegalArgumentException e) {
      throw new BadArgument(
          "the stored "
              + secretKey
              + " of connection "
              + connection
              + " does not open with the current key: it was altered or belongs to another"
              + " connection; enter it again");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-GCM is part of every JVM", e);
    }
  }

  /** The current key's id (first 8 hex digits of its SHA-256), or null when there is none yet. */
  public String currentKeyId() {
    byte[] current = key(false);
    return current == null ? null : keyId(current);
  }

  private static Cipher cipher(
      int mode, byte[] key, byte[] nonce, String connection, String secretKey)
      throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD(
        ("revtrace-connection\u0000" + connection + "\u0000" + secretKey)
            .getBytes(StandardCharsets.UTF_8));
    return cipher;
  }

  private synchronized byte[] key(boolean create) {
    if (configuredKey != null) {
      return configuredKey;
    }
    if (key != null) {
      return key;
    }
    try {
      if (Files.exists(keyFile)) {
        key = decodeKey(Files.readString(keyFile, StandardCharsets.US_ASCII), keyFile.toString());
      } else if (create) {
        key = createKeyFile();
      }
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the secret key file " + keyFile, e);
    }
  }

  private byte[] createKeyFile() throws IOException {
    Files.createDirectories(keyFile.getParent());
    String text = newKey() + "\n";
    Path temporary = keyFile.resolveSibling(KEY_FILE + ".new");
    Files.deleteIfExists(temporary);
    try {
      Files.createFile(
          temporary,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException notPosix) {
      Files.createFile(temporary);
    }
    Files.writeString(temporary, text, StandardCharsets.US_ASCII);
    try {
      // Never replace a key another process created meanwhile: its secrets would not open.
      Files.createLink(keyFile, temporary);
    } catch (FileAlreadyExistsException raced) {
      // fall through: read the winner's key
    } catch (UnsupportedOperationException | IOException noLinks) {
      if (!Files.exists(keyFile)) {
        Files.move(temporary, keyFile);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
    return decodeKey(Files.readString(keyFile, StandardCharsets.US_ASCII), keyFile.toString());
  }

  private static byte[] decodeKey(String text, String where) {
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(text.strip());
    } catch (IllegalArgumentException e) {
      throw new BadArgument(where + " is not base64 (expected 32 random bytes in base64)");
    }
    if (decoded.length != KEY_BYTES) {
      throw new BadArgument(
          where + " holds " + decoded.length + " bytes; an AES-256 key is " + KEY_BYTES);
    }
    return decoded;
  }

  private static String keyId(byte[] key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
