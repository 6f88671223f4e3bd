package vn.lienthong.gateway.messagelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lienthong.gateway.GatewayEndToEndTest;
import vn.lienthong.gateway.Http;
import vn.lienthong.gateway.Samples;

/** {@code GET /audit/evidence/{dossierCode}} gives an auditor evidence of one dossier that verifies offline. */
class DossierEvidenceTest extends GatewayEndToEndTest {

    private static final String AUDITOR_KEY = "sandbox-auditor-key";

    @TempDir
    Path dir;

    @Test
    void givesAnAuditorEvidenceThatTheOfflineVerifierAccepts() throws Exception {
        var dossier = Samples.freshDossier();
        String dossierCode = dossier.path("dossierCode").asText();
        String messageId = gateway.accept(dossier);
        gateway.awaitState(messageId, "DELIVERED");
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject("""
                SELECT COUNT(*) FROM message_event e LEFT JOIN log_leaf l ON l.seq = e.seq WHERE e.message_id = ?
                AND (l.log_index IS NULL OR l.log_index >= (SELECT COALESCE(MAX(tree_size), 0) FROM log_checkpoint))""",
                Long.class, messageId) == 0);

        HttpResponse<String> response = http.get("/audit/evidence/" + dossierCode, "X-API-Key", AUDITOR_KEY);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode evidence = Samples.JSON.readTree(response.body());
        assertThat(evidence.path("format").asText()).isEqualTo("lienthong-evidence/1");
        assertThat(evidence.path("dossierCode").asText()).isEqualTo(dossierCode);
        assertThat(evidence.path("entries")).hasSize(3);
        for (JsonNode entry : evidence.path("entries")) {
            assertThat(Samples.JSON.readTree(entry.path("canonical").asText()).path("messageId").asText())
                    .isEqualTo(messageId);
            assertThat(entry.path("proof").isArray()).isTrue();
        }
        assertThat(evidence.path("entries").findValuesAsText("canonical"))
                .map(c -> Samples.JSON.readTree(c).path("event").asText())
                .containsExactly("RECEIVED", "QUEUED", "DELIVERED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM message_event WHERE event = 'AUDIT_ACTION' "
                + "AND client_id = 'sandbox-auditor' AND detail LIKE ?", Long.class, "%" + dossierCode + "%")).isEqualTo(1);

        Path file = dir.resolve("evidence.json");
        Files.writeString(file, response.body());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = OfflineVerifier.run(new String[] {file.toString(), "--trust", "certs-sample/trust-anchors.pem"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true));
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("VALID: evidence for " + dossierCode + ": 3 entries");
        assertThat(code).isZero();
    }

    @Test
    void carriesTheCheckpointsTimestampWhichTheOfflineVerifierChecks() throws Exception {
        var dossier = Samples.freshDossier();
        String dossierCode = dossier.path("dossierCode").asText();
        gateway.awaitState(gateway.accept(dossier), "DELIVERED");
        JsonNode evidence = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> Samples.JSON.readTree(http.get("/audit/evidence/" + dossierCode, "X-API-Key", AUDITOR_KEY)
                        .body()), e -> e.path("entries").size() == 3 && e.path("checkpoint").has("timestamp"));
        Path file = dir.resolve("stamped.json");
        Files.writeString(file, evidence.toString());

        assertThat(verify(file, "--trust", "certs-sample/trust-anchors.pem"))
                .startsWith("VALID: evidence for " + dossierCode).contains("timestamped at ")
                .contains("SAMPLE Timestamping Authority");
        assertThat(verify(file)).startsWith("VALID: ").contains("timestamp not checked (give --trust)");

        byte[] token = java.util.Base64.getDecoder().decode(evidence.path("checkpoint").path("timestamp").asText());
        token[token.length / 2] ^= 0x01;
        ((com.fasterxml.jackson.databind.node.ObjectNode) evidence.path("checkpoint"))
                .put("timestamp", java.util.Base64.getEncoder().encodeToString(token));
        Files.writeString(file, evidence.toString());
        assertThat(verify(file, "--trust", "certs-sample/trust-anchors.pem"))
                .startsWith("INVALID: checkpoint: its RFC 3161 timestamp is not valid");
    }

    private static String verify(Path file, String... options) {
        String[] args = new String[options.length + 1];
        args[0] = file.toString();
        System.arraycopy(options, 0, args, 1, options.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OfflineVerifier.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void answersNotFoundForADossierWithoutEntriesAndBadRequestForAMalformedCode() {
        assertThat(http.get("/audit/evidence/" + Samples.nextDossierCode(), "X-API-Key", AUDITOR_KEY).statusCode())
                .isEqualTo(404);
        HttpResponse<String> malformed = http.get("/audit/evidence/not-a-code", "X-API-Key", AUDITOR_KEY);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("PATH_PARAMETER_INVALID");
    }

    @Test
    void refusesAdministratorsAgenciesAndStrangers() {
        String path = "/audit/evidence/" + Samples.nextDossierCode();
        assertThat(http.get(path, "X-API-Key", Http.ADMIN_KEY).statusCode()).isEqualTo(403);
        assertThat(http.get(path, "X-API-Key", Http.AGENCY_KEY).statusCode()).isEqualTo(403);
        assertThat(http.get(path).statusCode()).isEqualTo(401);
    }
}
