package org.revtrace.ingest.canonical;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.LongConsumer;

/**
 * Decodes UTF-8 strictly, remembering the physical line of every invalid byte sequence instead of
 * failing the whole file; bad sequences become U+FFFD so the CSV parser can go on, and the rows
 * touching those lines are quarantined as BAD_ENCODING. Drops a leading byte-order mark and reports
 * the bytes read to a progress listener.
 */
final class CheckedUtf8Reader extends Reader {

  private static final int BUFFER = 1 << 16;

  private final InputStream in;
  private final LongConsumer progress;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER).flip();
  private final CharBuffer chars = CharBuffer.allocate(BUFFER).flip();
  private final LineSet badLines = new LineSet();
  private long line = 1;
  private long quotes;
  private char lastVisible;
  private boolean lastWasCarriageReturn;
  private boolean endOfInput;
  private boolean flushed;
  private boolean started;
  private boolean carriedCarriageReturn;

  CheckedUtf8Reader(InputStream in, LongConsumer progress) {
    this.in = in;
    this.progress = progress;
  }

  /** Physical lines (1-based) that held invalid UTF-8, in increasing order. */
  LineSet badLines() {
    return badLines;
  }

  /**
   * True when the text read so far holds an odd number of {@code "}: at the end of the file this
   * means a quoted field was never closed (or a stray quote sits in an unquoted field).
   */
  boolean oddQuotes() {
    return (quotes & 1) == 1;
  }

  /**
   * True when, at the end of the file, a quoted field looks unclosed: the quotes are odd in number
   * and the text does not end with a quote (ignoring line breaks). A stray quote in an unquoted
   * field also makes the quotes odd, so the caller confirms with the last record (FileImport: its
   * last field must span lines).
   */
  boolean endsInsideQuotes() {
    return oddQuotes() && lastVisible != '"';
  }

  @Override
  public int read(char[] target, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (!chars.hasRemaining() && !fill()) {
      return -1;
    }
    int count = Math.min(length, chars.remaining());
    chars.get(target, offset, count);
    return count;
  }

  private boolean fill() throws IOException {
    chars.clear();
    int floor = 0;
    if (carriedCarriageReturn) {
      chars.put('\r');
      carriedCarriageReturn = false;
      floor = 1;
    }
    while (chars.position() == floor) {
      int start = chars.position();
      CoderResult result = decoder.decode(bytes, chars, endOfInput);
      countLines(start, chars.position());
      if (result.isError()) {
        badLines.add(line);
        bytes.position(bytes.position() + result.length());
        if (chars.hasRemaining()) {
          chars.put('\uFFFD');
        }
      } else if (result.isOverflow()) {
        break;
      } else if (endOfInput) {
        if (!flushed) {
          decoder.flush(chars);
          flushed = true;
        }
        break;
      } else {
        readMore();
      }
    }
    rewriteLoneCarriageReturns();
    chars.flip();
    if (!started && chars.hasRemaining()) {
      started = true;
      if (chars.get(chars.position()) == '\uFEFF') {
        chars.get();
      }
    }
    return chars.hasRemaining() || !(endOfInput && flushed) && fill();
  }

  /**
   * Turns a lone CR (old Mac line end) into LF. FastCSV 4.0.0 loses the quote state after a lone CR
   * inside a quoted field and merges the following rows; outside quotes CR and LF both end a line,
   * so only the text of such quoted fields changes. A CR at the end of the buffer waits for the
   * next character.
   */
  private void rewriteLoneCarriageReturns() {
    char[] array = chars.array();
    int end = chars.position();
    for (int i = 0; i < end - 1; i++) {
      if (array[i] == '\r' && array[i + 1] != '\n') {
        array[i] = '\n';
      }
    }
    if (end > 0 && array[end - 1] == '\r') {
      if (endOfInput && flushed) {
        array[end - 1] = '\n';
      } else {
        carriedCarriageReturn = true;
        chars.position(end - 1);
      }
    }
  }

  private void readMore() throws IOException {
    bytes.compact();
    int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
    if (read < 0) {
      endOfInput = true;
    } else {
      bytes.position(bytes.position() + read);
      progress.accept(read);
    }
    bytes.flip();
  }

  /** Advances the line counter over newly decoded characters; CR, LF and CRLF each end a line. */
  private void countLines(int from, int to) {
    char[] array = chars.array();
    for (int i = from; i < to; i++) {
      char c = array[i];
      if (c != '\n' && c != '\r') {
        lastVisible = c;
      }
      if (c == '"') {
        quotes++;
        lastWasCarriageReturn = false;
      } else if (c == '\n') {
        if (!lastWasCarriageReturn) {
          line++;
        }
        lastWasCarriageReturn = false;
      } else if (c == '\r') {
        line++;
        lastWasCarriageReturn = true;
      } else {
        lastWasCarriageReturn = false;
      }
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
