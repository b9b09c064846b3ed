package org.revtrace.store;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.postgresql.copy.CopyIn;
import org.postgresql.util.ByteStreamWriter;

/** A hand-written {@link CopyIn} that keeps the bytes it is sent, for format tests. */
final class RecordingCopyIn implements CopyIn {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private boolean active = true;
  private int writes;

  String text() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  int writes() {
    return writes;
  }

  @Override
  public void writeToCopy(byte[] buffer, int offset, int length) {
    bytes.write(buffer, offset, length);
    writes++;
  }

  @Override
  public void writeToCopy(ByteStreamWriter from) {
    throw new UnsupportedOperationException("CopyRows writes byte arrays");
  }

  @Override
  public void flushCopy() {}

  @Override
  public long endCopy() {
    active = false;
    return text().lines().count();
  }

  @Override
  public int getFieldCount() {
    return 0;
  }

  @Override
  public int getFormat() {
    return 0;
  }

  @Override
  public int getFieldFormat(int field) {
    return 0;
  }

  @Override
  public boolean isActive() {
    return active;
  }

  @Override
  public void cancelCopy() {
    active = false;
  }

  @Override
  public long getHandledRowCount() {
    return -1;
  }
}
