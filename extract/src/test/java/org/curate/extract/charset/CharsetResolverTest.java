package org.curate.extract.charset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CharsetResolverTest {
  private final CharsetResolver resolver = new CharsetResolver();

  private Charset resolve(byte[] bytes, String header) {
    return resolver.resolve(bytes, bytes.length, header).charset();
  }

  @Test
  void byteOrderMarkWinsOverDeclarations() {
    byte[] bytes = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "<html>é".getBytes(StandardCharsets.UTF_8));
    assertThat(resolve(bytes, "windows-1251")).isEqualTo(StandardCharsets.UTF_8);
  }

  @Test
  void headerThenMeta() {
    byte[] page = "<html><head><meta charset=\"koi8-r\"></head>".getBytes(StandardCharsets.US_ASCII);
    assertThat(resolve(page, "windows-1251").name()).isEqualTo("windows-1251");
    assertThat(resolve(page, null).name()).isEqualTo("KOI8-R");
    byte[] httpEquiv = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">".getBytes(StandardCharsets.US_ASCII);
    assertThat(resolve(httpEquiv, null).name()).isEqualTo("GBK");
  }

  @Test
  void unknownLabelsFallBackToTheirStemOrTheNextSource() {
    byte[] page = "<meta charset=big5>".getBytes(StandardCharsets.US_ASCII);
    assertThat(resolve(page, "big5_solaris").name()).startsWith("Big5");
    assertThat(resolve(page, "no-such-charset").name()).isEqualTo("Big5");
  }

  @Test
  void declaredUtf8ContradictedByTheBytesIsIgnored() {
    byte[] latin = "<meta charset=\"iso-8859-1\"><p>Grüße aus Zürich</p>".getBytes(Charset.forName("windows-1252"));
    assertThat(resolve(latin, "utf-8").name()).isEqualTo("windows-1252");
  }

  @Test
  void withoutDeclarationsValidUtf8StaysUtf8AndOtherBytesGetWindows1252() {
    assertThat(resolve("<p>naïve café</p>".getBytes(StandardCharsets.UTF_8), null)).isEqualTo(StandardCharsets.UTF_8);
    assertThat(resolve("plain ascii".getBytes(StandardCharsets.US_ASCII), null)).isEqualTo(StandardCharsets.UTF_8);
    assertThat(resolve(new byte[] {'a', (byte) 0xE9, 'b'}, null).name()).isEqualTo("windows-1252");
  }

  @Test
  void labelsMapTheWhatwgWay() {
    assertThat(CharsetLabels.lookup("ISO-8859-1").orElseThrow().name()).isEqualTo("windows-1252");
    assertThat(CharsetLabels.lookup("latin1").orElseThrow().name()).isEqualTo("windows-1252");
    assertThat(CharsetLabels.lookup("us-ascii").orElseThrow().name()).isEqualTo("windows-1252");
    assertThat(CharsetLabels.lookup("GB2312").orElseThrow().name()).isEqualTo("GBK");
    assertThat(CharsetLabels.lookup("x-gbk").orElseThrow().name()).isEqualTo("GBK");
    assertThat(CharsetLabels.lookup("Shift_JIS").orElseThrow().name()).isEqualTo("windows-31j");
    assertThat(CharsetLabels.lookup("euc-kr").orElseThrow().name()).isEqualTo("x-windows-949");
    assertThat(CharsetLabels.lookup("\"utf-8\"").orElseThrow()).isEqualTo(StandardCharsets.UTF_8);
    assertThat(CharsetLabels.lookup("bogus")).isEmpty();
    assertThat(CharsetLabels.lookup("")).isEmpty();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
