package org.revtrace.ingest.paths;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Reads the byte range {@code [from, to)} of a file by positional reads, so ranges can be read in
 * parallel.
 */
final class RangeInputStream extends InputStream {
  private final FileChannel channel;
  private final long end;
  private long position;

  RangeInputStream(FileChannel channel, long from, long to) {
    this.channel = channel;
    this.position = from;
    this.end = to;
  }

  @Override
  public int read(byte[] bytes, int offset, int length) throws IOException {
    if (position >= end) {
      return -1;
    }
    int wanted = (int) Math.min(length, end - position);
    int read = channel.read(ByteBuffer.wrap(bytes, offset, wanted), position);
    if (read < 0) {
      return -1;
    }
    position += read;
    return read;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }
}
