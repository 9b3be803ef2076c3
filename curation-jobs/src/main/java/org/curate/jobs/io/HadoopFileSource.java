package org.curate.jobs.io;

import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.curate.extract.ByteSource;

/** A crawl file on any Hadoop filesystem (file:, hdfs:, s3a:), opened at any offset by seeking. */
public final class HadoopFileSource implements ByteSource {
  private final Path path;
  private final Configuration conf;

  public HadoopFileSource(String uri, Configuration conf) {
    this.path = new Path(uri);
    this.conf = conf;
  }

  @Override
  public String name() {
    return path.toString();
  }

  @Override
  public long length() throws IOException {
    return path.getFileSystem(conf).getFileStatus(path).getLen();
  }

  @Override
  public InputStream openAt(long offset) throws IOException {
    FileSystem fs = path.getFileSystem(conf);
    FSDataInputStream in = fs.open(path);
    if (offset > 0) {
      in.seek(offset);
    }
    return in;
  }
}
