package org.revtrace.app.collect;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.revtrace.core.model.TouchType;
import org.revtrace.core.model.TrackedEvent;
import org.revtrace.core.model.Utm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The collector's write-ahead journal: a group of tracker events is appended to a segment file and
 * forced to disk ({@code fdatasync}) before the collector acknowledges it; the events reach the
 * store later in large batches, and a segment is deleted once every event in it is in the store.
 * After a crash the segments left over are replayed into the store (which ignores event ids it
 * already has) before the collector takes new events.
 *
 * <p>A record is {@code [int length][int CRC-32C][payload]}; a record cut short by a crash, or
 * whose checksum does not match, ends its segment: it was never forced, so never acknowledged.
 * Segments are {@code events-<n>.journal}, rotated at {@value #SEGMENT_BYTES} bytes. A lock file
 * keeps a second server off the same directory.
 */
final class EventJournal implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EventJournal.class);
  static final long SEGMENT_BYTES = 64L << 20;
  private static final Pattern SEGMENT = Pattern.compile("events-(\\d{12})\\.journal");
  private static final int HEADER = 8;

  private final Path directory;
  private final long segmentBytes;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private FileChannel active;
  private long activeNumber;
  private long activeSize;
  private ByteBuffer buffer = ByteBuffer.allocate(1 << 16);

  /**
   * Opens the journal in {@code directory} (created when missing).
   *
   * @throws IllegalStateException when another process holds the directory
   */
  EventJournal(Path directory) throws IOException {
    this(directory, SEGMENT_BYTES);
  }

  /** A journal whose segments rotate at {@code segmentBytes} (tests use small ones). */
  EventJournal(Path directory, long segmentBytes) throws IOException {
    this.directory = directory;
    this.segmentBytes = segmentBytes;
    Files.createDirectories(directory);
    lockChannel =
        FileChannel.open(
            directory.resolve("journal.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock held;
    try {
      held = lockChannel.tryLock();
    } catch (OverlappingFileLockException e) {
      held = null; // this JVM holds it already
    }
    lock = held;
    if (lock == null) {
      lockChannel.close();
      throw new IllegalStateException(
          "the tracker journal "
              + directory.toAbsolutePath()
              + " is in use by another Revtrace process");
    }
    List<Long> existing = segments();
    activeNumber = existing.isEmpty() ? 1 : existing.get(existing.size() - 1) + 1;
  }

  /** Where the segments are. */
  Path directory() {
    return directory;
  }

  /**
   * Hands every event of the segments an earlier run left behind to {@code store}, in order and in
   * chunks of at most {@code chunk}, then deletes those segments. Call once, before {@link
   * #append}.
   *
   * @return how many events were replayed
   * @throws RuntimeException what {@code store} throws; the segments stay for the next start then
   */
  long replay(Consumer<List<TrackedEvent>> store, int chunk) throws IOException {
    long replayed = 0;
    List<Long> left = segments();
    for (long number : left) {
      if (number >= activeNumber) {
        continue;
      }
      Path file = segment(number);
      ByteBuffer content = ByteBuffer.wrap(Files.readAllBytes(file));
      List<TrackedEvent> events = new ArrayList<>(chunk);
      while (content.remaining() >= HEADER) {
        int start = content.position();
        TrackedEvent event = readRecord(content);
        if (event == null) {
          LOG.warn(
              "tracker journal {}: {} bytes after offset {} are an incomplete or damaged record"
                  + " (never acknowledged); ignored",
              file.getFileName(),
              content.limit() - start,
              start);
          break;
        }
        events.add(event);
        if (events.size() == chunk) {
          store.accept(List.copyOf(events));
          replayed += events.size();
          events.clear();
        }
      }
      if (!events.isEmpty()) {
        store.accept(List.copyOf(events));
        replayed += events.size();
      }
    }
    for (long number : left) {
      if (number < activeNumber) {
        Files.deleteIfExists(segment(number));
      }
    }
    return replayed;
  }

  /**
   * Appends {@code events} and forces them to disk.
   *
   * @return the number of the segment they are in (for {@link #release})
   */
  long append(List<TrackedEvent> events) throws IOException {
    buffer.clear();
    for (TrackedEvent event : events) {
      writeRecord(event);
    }
    buffer.flip();
    if (active == null || activeSize + buffer.remaining() > segmentBytes && activeSize > 0) {
      rotate();
    }
    while (buffer.hasRemaining()) {
      activeSize += active.write(buffer);
    }
    active.force(false);
    return activeNumber;
  }

  /**
   * Deletes the segments before {@code segment}: every event in them is in the store. Safe to call
   * from another thread than {@link #append}'s (it only deletes closed segments).
   */
  void release(long segment) {
    try {
      for (long number : segments()) {
        if (number < segment) {
          Files.deleteIfExists(segment(number));
        }
      }
    } catch (IOException e) {
      LOG.warn("could not delete stored tracker journal segments: {}", e.getMessage());
    }
  }

  /** Closes the journal (once); with {@code allStored} its segments are deleted too. */
  void close(boolean allStored) throws IOException {
    if (!lockChannel.isOpen()) {
      return;
    }
    if (active != null) {
      active.close();
      active = null;
    }
    if (allStored) {
      for (long number : segments()) {
        Files.deleteIfExists(segment(number));
      }
    }
    lock.release();
    lockChannel.close();
  }

  @Override
  public void close() throws IOException {
    close(false);
  }

  private void rotate() throws IOException {
    if (active != null) {
      active.close();
      activeNumber++;
    }
    active =
        FileChannel.open(
            segment(activeNumber), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    activeSize = 0;
    // The new file's directory entry must survive a crash too.
    try (FileChannel folder = FileChannel.open(directory, StandardOpenOption.READ)) {
      folder.force(true);
    } catch (IOException e) {
      // some file systems cannot open a directory; the file's own force still holds its data
    }
  }

  private List<Long> segments() throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .map(file -> SEGMENT.matcher(file.getFileName().toString()))
          .filter(Matcher::matches)
          .map(match -> Long.parseLong(match.group(1)))
          .sorted()
          .toList();
    }
  }

  private Path segment(long number) {
    return directory.resolve(String.format("events-%012d.journal", number));
  }

  private void writeRecord(TrackedEvent event) {
    ensure(HEADER + 12 + 13 * 4 + 4 * textLength(event));
    int start = buffer.position();
    buffer.position(start + HEADER);
    buffer.putLong(event.receivedAt().getEpochSecond());
    buffer.putInt(event.receivedAt().getNano());
    putText(event.eventId());
    putText(event.visitorId());
    putText(event.type().code());
    putText(event.url());
    putText(event.referrer());
    putText(event.utm().source());
    putText(event.utm().medium());
    putText(event.utm().campaign());
    putText(event.utm().content());
    putText(event.utm().term());
    putText(event.clickId());
    putText(event.clickIdKind());
    int end = buffer.position();
    CRC32C crc = new CRC32C();
    crc.update(buffer.array(), start + HEADER, end - start - HEADER);
    buffer.putInt(start, end - start - HEADER);
    buffer.putInt(start + 4, (int) crc.getValue());
  }

  /** The record at the buffer's position, or null when it is incomplete or damaged. */
  private static TrackedEvent readRecord(ByteBuffer content) {
    int length = content.getInt();
    int expected = content.getInt();
    if (length <= 0 || length > content.remaining()) {
      return null;
    }
    CRC32C crc = new CRC32C();
    crc.update(content.array(), content.position(), length);
    if ((int) crc.getValue() != expected) {
      return null;
    }
    ByteBuffer payload = content.slice(content.position(), length);
    content.position(content.position() + length);
    try {
      Instant receivedAt = Instant.ofEpochSecond(payload.getLong(), payload.getInt());
      String eventId = getText(payload);
      String visitorId = getText(payload);
      TouchType type = TouchType.parse(getText(payload)).orElse(TouchType.OTHER);
      String url = getText(payload);
      String referrer = getText(payload);
      Utm utm =
          new Utm(
              getText(payload),
              getText(payload),
              getText(payload),
              getText(payload),
              getText(payload));
      return new TrackedEvent(
          eventId,
          receivedAt,
          visitorId,
          type,
          url,
          referrer,
          utm,
          getText(payload),
          getText(payload));
    } catch (BufferUnderflowException | IllegalArgumentException e) {
      return null;
    }
  }

  private static int textLength(TrackedEvent event) {
    return length(event.eventId())
        + length(event.visitorId())
        + length(event.url())
        + length(event.referrer())
        + length(event.utm().source())
        + length(event.utm().medium())
        + length(event.utm().campaign())
        + length(event.utm().content())
        + length(event.utm().term())
        + length(event.clickId())
        + length(event.clickIdKind())
        + 16;
  }

  private static int length(String text) {
    return text == null ? 0 : text.length();
  }

  private void ensure(int bytes) {
    if (buffer.remaining() < bytes) {
      ByteBuffer bigger =
          ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + bytes));
      buffer.flip();
      bigger.put(buffer);
      buffer = bigger;
    }
  }

  private void putText(String text) {
    if (text == null) {
      buffer.putInt(-1);
      return;
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    buffer.putInt(bytes.length);
    buffer.put(bytes);
  }

  private static String getText(ByteBuffer payload) {
    int length = payload.getInt();
    if (length < 0) {
      return null;
    }
    byte[] bytes = new byte[length];
    payload.get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
