package org.curate.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A {@link ByteSource} over a local file. */
public final class LocalFileSource implements ByteSource {
  private final Path path;

  public LocalFileSource(Path path) {
    this.path = path;
  }

  @Override
  public String name() {
    return path.toString();
  }

  @Override
  public long length() throws IOException {
    return Files.size(path);
  }

  @Override
  public InputStream openAt(long offset) throws IOException {
    FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
    channel.position(offset);
    return Channels.newInputStream(channel);
  }
}
