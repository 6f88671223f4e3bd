package vn.lienthong.gateway.messagelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** A tree head has one canonical byte form, the bytes its checkpoint signature covers. */
class TreeHeadTest {

    private static final byte[] ROOT = HexFormat.of()
            .parseHex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    @Test
    void writesTheDocumentedCanonicalForm() {
        TreeHead head = new TreeHead("node-1", 8, ROOT, Instant.parse("2024-01-01T01:00:00Z"));

        assertThat(new String(head.canonicalBytes(), StandardCharsets.US_ASCII)).isEqualTo(
                "{\"nodeId\":\"node-1\",\"size\":8,"
                        + "\"root\":\"5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328\","
                        + "\"time\":\"2024-01-01T01:00:00.000Z\"}");
    }

    @Test
    void keepsMillisecondsAndDropsFinerTime() {
        TreeHead head = new TreeHead("n", 0, ROOT, Instant.parse("2024-01-01T01:00:00.123456789Z"));

        assertThat(new String(head.canonicalBytes(), StandardCharsets.US_ASCII)).endsWith("\"time\":\"2024-01-01T01:00:00.123Z\"}");
        assertThat(head).isEqualTo(new TreeHead("n", 0, ROOT.clone(), Instant.parse("2024-01-01T01:00:00.123Z")));
    }

    @Test
    void refusesWhatCannotBeWrittenUnambiguously() {
        Instant now = Instant.now();
        assertThatThrownBy(() -> new TreeHead("node \"1\"", 1, ROOT, now)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TreeHead("n", -1, ROOT, now)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TreeHead("n", 1, new byte[31], now)).isInstanceOf(IllegalArgumentException.class);
    }
}
