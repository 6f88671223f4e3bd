package vn.lienthong.gateway.messagelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import vn.lienthong.gateway.ErrorCode;
import vn.lienthong.gateway.GatewayException;

/** Payloads are stored gzip-compressed when that is smaller, read back exactly, and a bomb is refused unread. */
class PayloadCodecTest {

    private static final int LIMIT = 1024 * 1024;
    private final PayloadCodec codec = new PayloadCodec(LIMIT);

    @Test
    void storesTheSampleDossierCompressedAndReadsItBackExactly() throws Exception {
        byte[] dossier = Files.readAllBytes(Path.of("samples/dossier.json"));

        PayloadCodec.Stored stored = codec.encode(dossier);

        assertThat(stored.encoding()).isEqualTo(PayloadCodec.GZIP);
        assertThat(stored.bytes().length).isLessThan(dossier.length);
        assertThat(codec.decode("m-1", stored.encoding(), stored.bytes())).isEqualTo(dossier);
    }

    @Test
    void keepsAPayloadAsReceivedWhenCompressingWouldNotMakeItSmaller() {
        byte[] tiny = "{}".getBytes(StandardCharsets.US_ASCII);

        PayloadCodec.Stored stored = codec.encode(tiny);

        assertThat(stored.encoding()).isEqualTo(PayloadCodec.IDENTITY);
        assertThat(stored.bytes()).isEqualTo(tiny);
        assertThat(codec.decode("m-2", PayloadCodec.IDENTITY, tiny)).isEqualTo(tiny);
        assertThat(codec.decode("m-3", null, tiny)).isEqualTo(tiny);
    }

    @Test
    void refusesToInflateMoreThanTheLargestPayloadAccepted() throws Exception {
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bomb)) {
            gzip.write(new byte[LIMIT + 1]);
        }
        assertThat(bomb.size()).isLessThan(LIMIT / 100);

        assertThatThrownBy(() -> codec.decode("m-4", PayloadCodec.GZIP, bomb.toByteArray()))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.PAYLOAD_UNREADABLE);
                    assertThat(e.getMessage()).contains("m-4", "inflates to more than " + LIMIT);
                });
    }

    @Test
    void refusesDamagedGzipAndAnUnknownEncoding() {
        assertThatThrownBy(() -> codec.decode("m-5", PayloadCodec.GZIP, new byte[] {0x1f, (byte) 0x8b, 8, 0, 1}))
                .isInstanceOf(GatewayException.class).hasMessageContaining("not valid gzip");
        assertThatThrownBy(() -> codec.decode("m-6", "br", new byte[] {1}))
                .isInstanceOf(GatewayException.class).hasMessageContaining("encoding 'br' is unknown");
    }
}
