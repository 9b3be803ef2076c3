package org.curate.extract.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class HttpPayloadDecoderTest {
  private static final String HTML = "<html><body>Hello, decoded world! ".repeat(20) + "</body></html>";
  private final HttpPayloadDecoder decoder = new HttpPayloadDecoder(1 << 20);

  private String decode(byte[] stored, List<String> transfer, List<String> content) throws IOException {
    HttpPayloadDecoder.Result result = decoder.decode(new ByteArrayInputStream(stored), transfer, content);
    assertThat(result).isInstanceOf(HttpPayloadDecoder.Decoded.class);
    HttpPayloadDecoder.Decoded decoded = (HttpPayloadDecoder.Decoded) result;
    return new String(decoded.bytes(), 0, decoded.length(), StandardCharsets.UTF_8);
  }

  @Test
  void dechunksWithExtensionsAndTrailers() throws IOException {
    String chunked = "5;name=x\r\nHello\r\n7\r\n, world\r\n0\r\nX-Trailer: yes\r\nOther: 1\r\n\r\n";
    assertThat(decode(chunked.getBytes(StandardCharsets.US_ASCII), List.of("chunked"), List.of())).isEqualTo("Hello, world");
  }

  @Test
  void bodyLabelledChunkedButStoredDechunkedIsTakenAsIs() throws IOException {
    assertThat(decode(HTML.getBytes(StandardCharsets.UTF_8), List.of("chunked"), List.of())).isEqualTo(HTML);
  }

  @Test
  void gzipThenChunked() throws IOException {
    byte[] gz = gzip(HTML.getBytes(StandardCharsets.UTF_8));
    ByteArrayOutputStream chunked = new ByteArrayOutputStream();
    chunked.writeBytes((Integer.toHexString(gz.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    chunked.writeBytes(gz);
    chunked.writeBytes("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    assertThat(decode(chunked.toByteArray(), List.of("chunked"), List.of("gzip"))).isEqualTo(HTML);
    assertThat(decode(gz, List.of(), List.of("x-gzip"))).isEqualTo(HTML);
  }

  @Test
  void deflateInZlibAndRawForm() throws IOException {
    byte[] bytes = HTML.getBytes(StandardCharsets.UTF_8);
    assertThat(decode(deflate(bytes, false), List.of(), List.of("deflate"))).isEqualTo(HTML);
    assertThat(decode(deflate(bytes, true), List.of(), List.of("deflate"))).isEqualTo(HTML);
  }

  @Test
  void emptyAndUnknownCodingsAreIdentity() throws IOException {
    byte[] bytes = HTML.getBytes(StandardCharsets.UTF_8);
    assertThat(decode(bytes, List.of(), List.of(""))).isEqualTo(HTML);
    assertThat(decode(bytes, List.of(), List.of("identity"))).isEqualTo(HTML);
    assertThat(decode(bytes, List.of(), List.of("x-snappy-framed"))).isEqualTo(HTML);
  }

  @Test
  void plainBodyLabelledGzipIsUsedAsStored() throws IOException {
    assertThat(decode(HTML.getBytes(StandardCharsets.UTF_8), List.of(), List.of("gzip"))).isEqualTo(HTML);
  }

  @Test
  void binaryJunkLabelledGzipIsUndecodable() throws IOException {
    byte[] junk = new byte[512];
    new java.util.Random(7).nextBytes(junk);
    junk[0] = 0x1f;
    junk[1] = (byte) 0x8b;
    assertThat(decoder.decode(new ByteArrayInputStream(junk), List.of(), List.of("gzip")))
        .isInstanceOf(HttpPayloadDecoder.Undecodable.class);
  }

  @Test
  void truncatedGzipKeepsWhatWasDecoded() throws IOException {
    byte[] gz = gzip(HTML.repeat(50).getBytes(StandardCharsets.UTF_8));
    byte[] cut = java.util.Arrays.copyOf(gz, gz.length / 2);
    assertThat(decode(cut, List.of(), List.of("gzip"))).startsWith("<html><body>Hello");
  }

  @Test
  void payloadsOverTheLimitAreTooLarge() throws IOException {
    HttpPayloadDecoder small = new HttpPayloadDecoder(100);
    byte[] bytes = HTML.getBytes(StandardCharsets.UTF_8);
    assertThat(small.decode(new ByteArrayInputStream(bytes), List.of(), List.of())).isInstanceOf(HttpPayloadDecoder.TooLarge.class);
    assertThat(small.decode(new ByteArrayInputStream(gzip(bytes)), List.of(), List.of("gzip")))
        .isInstanceOf(HttpPayloadDecoder.TooLarge.class);
  }

  @Test
  void sniffsHtmlAfterBomAndWhitespace() {
    byte[] page = "\uFEFF \n<!DOCTYPE HTML><p>".getBytes(StandardCharsets.UTF_8);
    assertThat(HtmlSniffer.looksLikeHtml(page, page.length)).isTrue();
    byte[] text = "just text".getBytes(StandardCharsets.UTF_8);
    assertThat(HtmlSniffer.looksLikeHtml(text, text.length)).isFalse();
  }

  @Test
  void mimeFamiliesAreAFixedSet() {
    assertThat(MimeFamily.of("image/svg+xml")).isEqualTo(MimeFamily.IMAGE);
    assertThat(MimeFamily.of("application/x-javascript")).isEqualTo(MimeFamily.SCRIPT);
    assertThat(MimeFamily.of("application/rss+xml")).isEqualTo(MimeFamily.XML);
    assertThat(MimeFamily.of("application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
        .isEqualTo(MimeFamily.OFFICE);
    assertThat(MimeFamily.of("font/woff2")).isEqualTo(MimeFamily.FONT);
    assertThat(MimeFamily.of("application/x-whatever")).isEqualTo(MimeFamily.OTHER);
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }

  private static byte[] deflate(byte[] bytes, boolean raw) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DeflaterOutputStream d = new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, raw))) {
      d.write(bytes);
    }
    return out.toByteArray();
  }
}
