package org.revtrace.app.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.revtrace.core.model.TouchType;
import org.revtrace.core.model.TrackedEvent;
import org.revtrace.core.model.Utm;

class EventJournalTest {

  @TempDir Path folder;

  static TrackedEvent event(int i) {
    return new TrackedEvent(
        "event-" + i + "-0123456789abcdef",
        Instant.parse("2026-11-23T10:00:00.123456789Z").plusSeconds(i),
        "visitor-" + (i % 3) + "-0123456789",
        i % 2 == 0 ? TouchType.VISIT : TouchType.FORM,
        "https://www.example.com/ценa?utm_source=yandex&i=" + i,
        i % 2 == 0 ? null : "https://ya.ru/search?text=crm",
        new Utm("yandex", "cpc", "осень-" + i, null, i % 2 == 0 ? "crm" : null),
        i % 3 == 0 ? "click-" + i : null,
        i % 3 == 0 ? "yclid" : null);
  }

  static List<TrackedEvent> events(int from, int to) {
    List<TrackedEvent> events = new ArrayList<>();
    for (int i = from; i < to; i++) {
      events.add(event(i));
    }
    return events;
  }

  @Test
  void whatWasAppendedIsReplayedAfterACrashInOrderAndInChunks() throws IOException {
    try (EventJournal journal = new EventJournal(folder)) {
      journal.append(events(0, 3));
      journal.append(events(3, 7));
      // no close(true): the process "dies" with the events only in the journal
    }
    List<List<TrackedEvent>> chunks = new ArrayList<>();
    try (EventJournal reopened = new EventJournal(folder)) {
      assertThat(reopened.replay(chunks::add, 3)).isEqualTo(7);
    }
    assertThat(chunks).extracting(List::size).containsExactly(3, 3, 1);
    assertThat(chunks.stream().flatMap(List::stream).toList()).isEqualTo(events(0, 7));
    try (EventJournal again = new EventJournal(folder)) {
      assertThat(again.replay(chunk -> {}, 3)).as("replayed segments are gone").isZero();
    }
  }

  @Test
  void aTornOrDamagedLastRecordIsIgnoredAndTheRestReplayed() throws IOException {
    try (EventJournal journal = new EventJournal(folder)) {
      journal.append(events(0, 5));
    }
    Path segment = onlySegment();
    long size = Files.size(segment);
    try (FileChannel file = FileChannel.open(segment, StandardOpenOption.WRITE)) {
      file.truncate(size - 7); // the crash cut the last record
    }
    List<TrackedEvent> replayed = new ArrayList<>();
    try (EventJournal reopened = new EventJournal(folder)) {
      reopened.replay(replayed::addAll, 100);
    }
    assertThat(replayed).isEqualTo(events(0, 4));

    try (EventJournal journal = new EventJournal(folder)) {
      journal.append(events(0, 2));
    }
    segment = onlySegment();
    byte[] bytes = Files.readAllBytes(segment);
    bytes[bytes.length - 3] ^= 0x5A; // a flipped byte in the last record's payload
    Files.write(segment, bytes);
    replayed.clear();
    try (EventJournal reopened = new EventJournal(folder)) {
      reopened.replay(replayed::addAll, 100);
    }
    assertThat(replayed).isEqualTo(events(0, 1));
  }

  @Test
  void segmentsRotateAndAreDeletedOnceStored() throws IOException {
    try (EventJournal journal = new EventJournal(folder, 2_000)) {
      long first = journal.append(events(0, 5));
      long later = first;
      for (int i = 5; i < 40; i += 5) {
        later = journal.append(events(i, i + 5));
      }
      assertThat(later).isGreaterThan(first);
      assertThat(segments()).hasSizeGreaterThan(1);
      journal.release(later);
      assertThat(segments()).hasSize(1);
      journal.close(true);
    }
    assertThat(segments()).isEmpty();
  }

  @Test
  void aSecondJournalOnTheSameFolderIsRefused() throws IOException {
    try (EventJournal journal = new EventJournal(folder)) {
      assertThatThrownBy(() -> new EventJournal(folder))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("in use");
    }
  }

  private Path onlySegment() throws IOException {
    List<Path> segments = segments();
    assertThat(segments).hasSize(1);
    return segments.get(0);
  }

  private List<Path> segments() throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".journal")).sorted().toList();
    }
  }
}
