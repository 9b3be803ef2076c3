package org.curate.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.curate.tokenizer.shards.MegatronIndex;
import org.curate.tokenizer.shards.MegatronWriter;
import org.junit.jupiter.api.Test;

class MegatronShardTest {

  @Test
  void headerLayoutAndReadBack() throws IOException {
    ByteArrayOutputStream bin = new ByteArrayOutputStream();
    ByteArrayOutputStream idx = new ByteArrayOutputStream();
    try (MegatronWriter w = new MegatronWriter(bin, idx, 49_152)) {
      w.add(new int[] {1, 2, 65535}, 0, 3);
      w.add(new int[] {9, 7}, 1, 2);
      w.add(new int[0], 0, 0);
    }
    byte[] i = idx.toByteArray();
    // 34 + 12·3 + 8·4 bytes; magic, version 1, dtype 8 (uint16), S=3, D=4.
    assertThat(i).hasSize(34 + 36 + 32);
    ByteBuffer b = ByteBuffer.wrap(i).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(new String(i, 0, 7, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("MMIDIDX");
    assertThat(i[7]).isZero();
    assertThat(i[8]).isZero();
    assertThat(b.getLong(9)).isEqualTo(1);
    assertThat(i[17]).isEqualTo((byte) 8);
    assertThat(b.getLong(18)).isEqualTo(3);
    assertThat(b.getLong(26)).isEqualTo(4);
    assertThat(b.getInt(34)).isEqualTo(3);
    assertThat(b.getInt(38)).isEqualTo(1);
    assertThat(b.getLong(46)).isZero();
    assertThat(b.getLong(54)).isEqualTo(6);
    assertThat(b.getLong(62)).isEqualTo(8);
    assertThat(bin.toByteArray()).containsExactly(1, 0, 2, 0, -1, -1, 7, 0);
    MegatronIndex index = MegatronIndex.parse(i);
    List<int[]> seqs = index.sequences(bin.toByteArray());
    assertThat(seqs.get(0)).containsExactly(1, 2, 65535);
    assertThat(seqs.get(1)).containsExactly(7);
    assertThat(seqs.get(2)).isEmpty();
    assertThat(index.documentIndices()).containsExactly(0, 1, 2, 3);
  }

  @Test
  void largeVocabularyUsesInt32AndCorruptionIsCaught() throws IOException {
    ByteArrayOutputStream bin = new ByteArrayOutputStream();
    ByteArrayOutputStream idx = new ByteArrayOutputStream();
    try (MegatronWriter w = new MegatronWriter(bin, idx, 100_352)) {
      w.add(new int[] {100_000, 5}, 0, 2);
    }
    MegatronIndex index = MegatronIndex.parse(idx.toByteArray());
    assertThat(index.dtype()).isEqualTo(MegatronWriter.DTYPE_INT32);
    assertThat(index.sequence(bin.toByteArray(), 0)).containsExactly(100_000, 5);
    byte[] bad = idx.toByteArray().clone();
    bad[38] = 1; // first pointer (offset 34 + 4·S) no longer 0
    assertThatThrownBy(() -> MegatronIndex.parse(bad)).hasMessageContaining("pointer");
    byte[] truncated = java.util.Arrays.copyOf(idx.toByteArray(), idx.size() - 8);
    assertThatThrownBy(() -> MegatronIndex.parse(truncated)).hasMessageContaining("size");
    assertThatThrownBy(() -> index.sequences(new byte[7])).hasMessageContaining("bin has 7 bytes");
  }
}
