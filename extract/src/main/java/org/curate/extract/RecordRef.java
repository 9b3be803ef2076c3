package org.curate.extract;

/**
 * Where a record came from: the file, the byte offset of the record (of its gzip member, for
 * per-record gzip files; in the decompressed stream, marked by {@code compressedOffset=false}, for
 * whole-file gzip), and, when it could be read, the WARC record id and target URL.
 */
public record RecordRef(String file, long offset, String recordId, String url) {
  @Override
  public String toString() {
    return file + "@" + offset + (url == null ? "" : " " + url);
  }
}
