package vn.lienthong.gateway.messagelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.lienthong.gateway.GatewayEndToEndTest;
import vn.lienthong.gateway.Samples;
import vn.lienthong.gateway.signature.PemCertificates;
import vn.lienthong.gateway.signature.TimestampTokens;
import vn.lienthong.gateway.signature.TimestampVerdict;

/**
 * In the running sandbox, signed checkpoints get RFC 3161 tokens from the built-in TSA over their signatures; the
 * tokens verify offline and in {@code /audit/verify}; a TSA that is down holds back no sealing, and the tokens come
 * once it is back.
 */
class CheckpointTimestampEndToEndTest extends GatewayEndToEndTest {

    @AfterEach
    void bringTheTsaBack() {
        tsaFaults("{\"reset\":true}");
    }

    @Test
    void aCheckpointGetsATokenOverItsSignatureFromTheSandboxTsa() {
        long size = checkpointCovering(gateway.accept(Samples.freshDossier()));

        Map<String, Object> stamped = await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForMap(
                "SELECT signature, timestamp_token, timestamped_at FROM log_checkpoint WHERE tree_size = ?", size),
                row -> row.get("timestamp_token") != null);

        TimestampVerdict verdict = TimestampTokens.verify((byte[]) stamped.get("timestamp_token"),
                (byte[]) stamped.get("signature"), PemCertificates.read(Path.of("certs-sample/trust-anchors.pem")));
        assertThat(verdict.valid()).as(verdict.problem()).isTrue();
        assertThat(verdict.authority()).contains("SAMPLE Timestamping Authority");
        assertThat(((OffsetDateTime) jdbc.queryForObject("SELECT timestamped_at FROM log_checkpoint WHERE tree_size = ?",
                OffsetDateTime.class, size)).toInstant()).isEqualTo(verdict.time());
        assertThat(auditVerdict().path("valid").asBoolean()).isTrue();
    }

    @Test
    void sealingGoesOnWhileTheTsaIsDownAndTheTokensComeWhenItIsBack() {
        awaitNoCheckpointPending();
        tsaFaults("{\"failNext\":1000000,\"status\":503}");

        long first = checkpointCovering(gateway.accept(Samples.freshDossier()));
        long second = checkpointCovering(gateway.accept(Samples.freshDossier()));

        assertThat(second).isGreaterThan(first);
        assertThat(jdbc.queryForList("SELECT timestamp_token FROM log_checkpoint WHERE tree_size IN (?, ?)",
                byte[].class, first, second)).containsOnlyNulls();

        tsaFaults("{\"reset\":true}");

        awaitNoCheckpointPending();
        assertThat(auditVerdict().path("valid").asBoolean()).isTrue();
    }

    @Test
    void auditVerifyReportsATokenThatIsNotOverItsCheckpointsSignature() {
        long size = checkpointCovering(gateway.accept(Samples.freshDossier()));
        awaitNoCheckpointPending();
        List<byte[]> tokens = jdbc.queryForList("SELECT timestamp_token FROM log_checkpoint ORDER BY tree_size",
                byte[].class);
        byte[] original = jdbc.queryForObject("SELECT timestamp_token FROM log_checkpoint WHERE tree_size = ?",
                byte[].class, size);
        byte[] another = tokens.stream().filter(t -> !Arrays.equals(t, original)).findFirst().orElseThrow();
        try {
            jdbc.update("UPDATE log_checkpoint SET timestamp_token = ? WHERE tree_size = ?", another, size);

            JsonNode verdict = auditVerdict();

            assertThat(verdict.path("valid").asBoolean()).isFalse();
            assertThat(verdict.path("problem").asText()).contains("the timestamp of the checkpoint at size " + size,
                    "imprint is not the SHA-256 of the signature");
        } finally {
            jdbc.update("UPDATE log_checkpoint SET timestamp_token = ? WHERE tree_size = ?", original, size);
        }
        assertThat(auditVerdict().path("valid").asBoolean()).isTrue();
    }

    /** The size of the first signed checkpoint that covers every event of the delivered message. */
    private long checkpointCovering(String messageId) {
        gateway.awaitState(messageId, "DELIVERED");
        return await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject("""
                SELECT MIN(tree_size) FROM log_checkpoint
                WHERE tree_size > (SELECT MAX(l.log_index) FROM message_event e JOIN log_leaf l ON l.seq = e.seq
                                   WHERE e.message_id = ?)
                  AND (SELECT COUNT(*) FROM message_event e LEFT JOIN log_leaf l ON l.seq = e.seq
                       WHERE e.message_id = ? AND l.log_index IS NULL) = 0""",
                Long.class, messageId, messageId), size -> size != null);
    }

    private void awaitNoCheckpointPending() {
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM log_checkpoint WHERE timestamp_token IS NULL", Long.class) == 0);
    }

    private JsonNode auditVerdict() {
        try {
            return Samples.JSON.readTree(http.get("/audit/verify", "X-API-Key", "sandbox-auditor-key").body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void tsaFaults(String json) {
        assertThat(http.post("/sim/tsa/faults", json.getBytes(StandardCharsets.UTF_8), "Content-Type",
                "application/json").statusCode()).isEqualTo(200);
    }
}
