package org.curate.extract.warc;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.curate.extract.ByteSource;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;

/**
 * Reads the records of a WARC/ARC file with jwarc and keeps going where jwarc gives up: after a
 * broken record it reports one failure, looks for the next place a record can start (the next gzip
 * member, or the next header line in uncompressed data) and reopens jwarc there. Every resync
 * starts strictly after the last record handed out, so reading always ends.
 *
 * <p>Three layouts: uncompressed; one gzip member per record (offsets are those of the members);
 * one gzip stream for the whole file (offsets are in the decompressed stream, and reading stops at
 * a decompression error since nothing after it can be inflated).
 */
public final class LenientWarcReader implements Closeable {
  private static final System.Logger LOG = System.getLogger(LenientWarcReader.class.getName());
  private static final int MAX_PROBES_PER_RESYNC = 10_000;
  private static final Pattern HEADER_START = Pattern.compile("^(WARC/|[A-Za-z][A-Za-z0-9+.-]*:\\S+ )");

  /** One unit of a crawl file: a record, or a stretch that could not be read. */
  public sealed interface Unit permits RecordUnit, FailureUnit {
    long offset();
  }

  /** A record jwarc read; its content must be consumed (or abandoned) before the next call. */
  public record RecordUnit(WarcRecord record, long offset) implements Unit {}

  /** Bytes that could not be read as a record. */
  public record FailureUnit(String reason, long offset, String detail) implements Unit {}

  private enum Layout { PLAIN, PER_RECORD_GZIP, WHOLE_FILE_GZIP }

  private record Resync(boolean found, boolean lost) {}

  private final ByteSource file;
  private final ByteSource view;
  private final Layout layout;
  private final long trailingGarbageAt;
  private final Deque<Unit> pending = new ArrayDeque<>();
  private WarcReader reader;
  private long base;
  private long lastStart = -1;
  private boolean finished;

  private LenientWarcReader(ByteSource file, ByteSource view, Layout layout, long trailingGarbageAt) throws IOException {
    this.file = file;
    this.view = view;
    this.layout = layout;
    this.trailingGarbageAt = trailingGarbageAt;
    this.reader = newReader(view.openAt(0));
  }

  /** Opens {@code source}; IOExceptions mean the file itself cannot be read at all. */
  public static LenientWarcReader open(ByteSource source) throws IOException {
    long length = source.length();
    if (length >= 2 && GzipMembers.startsWithMagic(source, 0)) {
      OptionalLong end = GzipMembers.firstMemberEnd(source);
      boolean moreMembers = end.isPresent() && end.getAsLong() < length && GzipMembers.startsWithMagic(source, end.getAsLong());
      if (!moreMembers) {
        long trailing = end.isPresent() && end.getAsLong() < length
            && !ResyncScanner.onlyPaddingFrom(source, end.getAsLong()) ? end.getAsLong() : -1;
        return new LenientWarcReader(source, new WholeFileGzipSource(source), Layout.WHOLE_FILE_GZIP, trailing);
      }
      return new LenientWarcReader(source, source, Layout.PER_RECORD_GZIP, -1);
    }
    return new LenientWarcReader(source, source, Layout.PLAIN, -1);
  }

  /** Whether offsets are in the decompressed stream (whole-file gzip) rather than in the file. */
  public boolean offsetsAreDecompressed() {
    return layout == Layout.WHOLE_FILE_GZIP;
  }

  /** The next unit, or empty at the end of the file. Never throws for bad data. */
  public Optional<Unit> next() {
    if (!pending.isEmpty()) {
      return Optional.of(pending.poll());
    }
    if (finished) {
      return Optional.empty();
    }
    try {
      Optional<WarcRecord> record = reader.next();
      if (record.isEmpty()) {
        finish();
        if (trailingGarbageAt >= 0) {
          return Optional.of(failure(ReadFailures.TRAILING_GARBAGE, trailingGarbageAt,
              "bytes after the gzip stream are not gzip"));
        }
        return Optional.empty();
      }
      return Optional.of(handOut(unfoldedIfFolded(record.get(), base), base));
    } catch (IOException | RuntimeException e) {
      return recoverBetweenRecords(e);
    }
  }

  /**
   * Called when reading the content of the last record failed on a stream error: that record is
   * lost (the caller reports it), and reading resumes after it without another failure.
   */
  public void abandonCurrent(Throwable cause) {
    LOG.log(Level.DEBUG, () -> file.name() + "@" + lastStart + ": abandoning record: " + cause);
    if (layout == Layout.WHOLE_FILE_GZIP && !ReadFailures.BAD_CONTENT_LENGTH.equals(ReadFailures.ofStreamError(cause))) {
      finish(); // the compressed stream itself broke: nothing after this point can be inflated
      return;
    }
    // plain data, or a record that declared more bytes than the (intact) stream holds: a record
    // header may still follow inside the bytes the broken record claimed
    resyncFrom(lastStart + 1);
  }

  private Optional<Unit> recoverBetweenRecords(Exception error) {
    long failedAt = Math.max(base + safePosition(), lastStart + 1);
    boolean streamError = ReadFailures.isStreamError(error);
    boolean headerLike = layout == Layout.PER_RECORD_GZIP ? !streamError : looksLikeHeaderAt(failedAt);
    Resync resync = layout == Layout.WHOLE_FILE_GZIP && streamError
        ? stop()
        : resyncFrom(failedAt);
    if (!resync.lost()) {
      return Optional.ofNullable(pending.poll());
    }
    String reason = ReadFailures.between(error, headerLike, resync.found());
    pending.addFirst(failure(reason, failedAt, String.valueOf(error)));
    return Optional.of(pending.poll());
  }

  private Resync stop() {
    finish();
    return new Resync(false, true);
  }

  private Resync resyncFrom(long from) {
    try {
      return layout == Layout.PER_RECORD_GZIP ? resyncOnGzipMember(from) : resyncOnHeaderLine(from);
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, () -> file.name() + "@" + from + ": resync failed: " + e);
      return stop();
    }
  }

  private Resync resyncOnGzipMember(long from) throws IOException {
    boolean lost = !ResyncScanner.onlyPaddingFrom(file, from);
    long scan = from;
    for (int probes = 0; probes < MAX_PROBES_PER_RESYNC; probes++) {
      long candidate = ResyncScanner.nextGzipMember(file, scan);
      if (candidate < 0) {
        break;
      }
      if (probe(candidate)) {
        return new Resync(true, lost);
      }
      scan = candidate + 1;
    }
    finish();
    return new Resync(false, lost);
  }

  private Resync resyncOnHeaderLine(long from) throws IOException {
    boolean lost = false;
    long scan = from;
    for (int probes = 0; probes < MAX_PROBES_PER_RESYNC; probes++) {
      ResyncScanner.Candidate candidate = ResyncScanner.nextHeaderLine(view, scan);
      if (candidate == null) {
        lost |= !ResyncScanner.onlyPaddingFrom(view, scan);
        break;
      }
      lost |= !candidate.onlyWhitespaceBefore();
      if (probe(candidate.offset())) {
        return new Resync(true, lost);
      }
      lost = true;
      scan = candidate.offset() + 1;
    }
    finish();
    return new Resync(false, lost);
  }

  /** Tries to read a record at {@code offset}; on success jwarc continues from there. */
  private boolean probe(long offset) {
    WarcReader candidate = null;
    try {
      candidate = newReader(view.openAt(offset));
      Optional<WarcRecord> record = candidate.next();
      if (record.isPresent()) {
        closeQuietly(reader);
        reader = candidate;
        base = offset;
        pending.add(handOut(unfoldedIfFolded(record.get(), offset), offset));
        return true;
      }
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.DEBUG, () -> file.name() + "@" + offset + ": no record here: " + e);
    }
    closeQuietly(candidate);
    return layout != Layout.PER_RECORD_GZIP && probeUnfolded(offset);
  }

  /**
   * jwarc accepts some folded header lines but keeps the line break's whitespace in the value
   * ({@code " response"}), which makes the record type unknown. Such a record is read again from
   * its unfolded header; its content has not been touched yet, so switching readers is safe.
   */
  private WarcRecord unfoldedIfFolded(WarcRecord record, long readerBase) {
    if (layout == Layout.PER_RECORD_GZIP || !hasFoldedValue(record)) {
      return record;
    }
    return readUnfolded(readerBase + record.position()).orElse(record);
  }

  private static boolean hasFoldedValue(WarcRecord record) {
    for (var values : record.headers().map().values()) {
      for (String value : values) {
        if (!value.isEmpty() && (value.charAt(0) == ' ' || value.charAt(0) == '\t')) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * WARC 0.17/0.18 allow header values folded over continuation lines (starting with SP or TAB),
   * which jwarc rejects or keeps with the whitespace. Retries {@code offset} with the record's
   * header block unfolded in place: each line break before a continuation becomes spaces, so every
   * offset stays the same. On success jwarc continues from there.
   */
  private boolean probeUnfolded(long offset) {
    Optional<WarcRecord> record = readUnfolded(offset);
    record.ifPresent(r -> pending.add(handOut(r, offset)));
    return record.isPresent();
  }

  private Optional<WarcRecord> readUnfolded(long offset) {
    byte[] header;
    try (InputStream in = view.openAt(offset)) {
      header = HeaderUnfolding.headerBlock(in);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    if (header == null || !HeaderUnfolding.unfoldInPlace(header)) {
      return Optional.empty();
    }
    WarcReader candidate = null;
    try {
      InputStream rest = view.openAt(offset + header.length);
      candidate = newReader(new SequenceInputStream(new ByteArrayInputStream(header), rest));
      Optional<WarcRecord> record = candidate.next();
      if (record.isPresent() && !hasFoldedValue(record.get())) {
        closeQuietly(reader);
        reader = candidate;
        base = offset;
        LOG.log(Level.DEBUG, () -> file.name() + "@" + offset + ": read after unfolding header lines");
        return record;
      }
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.DEBUG, () -> file.name() + "@" + offset + ": no record here even unfolded: " + e);
    }
    closeQuietly(candidate);
    return Optional.empty();
  }

  private RecordUnit handOut(WarcRecord record, long readerBase) {
    long offset = readerBase + record.position();
    lastStart = Math.max(offset, lastStart + 1);
    return new RecordUnit(record, lastStart);
  }

  private FailureUnit failure(String reason, long offset, String detail) {
    String where = file.name() + (layout == Layout.WHOLE_FILE_GZIP && reason.equals(ReadFailures.TRAILING_GARBAGE)
        ? " at compressed offset " : " at offset ") + offset;
    LOG.log(Level.WARNING, () -> where + ": " + reason + ": " + detail);
    return new FailureUnit(reason, offset, where + ": " + detail);
  }

  private boolean looksLikeHeaderAt(long offset) {
    try (InputStream in = new BufferedInputStream(view.openAt(offset))) {
      byte[] head = in.readNBytes(256);
      return HEADER_START.matcher(new String(head, StandardCharsets.ISO_8859_1)).find();
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private long safePosition() {
    try {
      return reader.position();
    } catch (RuntimeException e) {
      return 0;
    }
  }

  private WarcReader newReader(InputStream in) throws IOException {
    WarcReader r;
    try {
      r = new WarcReader(in);
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
    r.setLenient(true);
    r.onWarning(message -> LOG.log(Level.DEBUG, () -> file.name() + ": " + message));
    return r;
  }

  private void finish() {
    finished = true;
  }

  private static void closeQuietly(Closeable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (IOException | RuntimeException e) {
      // nothing more to read from it either way
    }
  }

  @Override
  public void close() {
    closeQuietly(reader);
  }
}
