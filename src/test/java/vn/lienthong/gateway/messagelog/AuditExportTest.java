package vn.lienthong.gateway.messagelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import vn.lienthong.gateway.GatewayEndToEndTest;
import vn.lienthong.gateway.Http;
import vn.lienthong.gateway.Samples;
import vn.lienthong.gateway.config.GatewayProperties;

/** {@code GET /audit/export} gives an auditor a signed archive of the log that verifies offline. */
class AuditExportTest extends GatewayEndToEndTest {

    private static final String AUDITOR_KEY = "sandbox-auditor-key";

    @Autowired
    GatewayProperties properties;

    @TempDir
    Path dir;

    @Test
    void givesAnAuditorAnArchiveThatTheOfflineVerifierAccepts() throws Exception {
        var dossier = Samples.freshDossier();
        String messageId = gateway.accept(dossier);
        gateway.awaitState(messageId, "DELIVERED");
        awaitCheckpointed(messageId);

        HttpResponse<byte[]> response = getBytes("/audit/export?from=2020-01-01T00:00:00Z");

        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
                .matches("attachment; filename=\"lienthong-export-gateway-1-0-[0-9]+\\.zip\"");
        Path file = dir.resolve("export.zip");
        Files.write(file, response.body());
        ExportFixture.Verdict verdict = ExportFixture.verify(file);
        assertThat(verdict.code()).as(verdict.output()).isZero();
        assertThat(verdict.output()).startsWith("VALID: export of node gateway-1: entries 0..");
        String payloadSha256 = jdbc.queryForObject("SELECT payload_sha256 FROM message WHERE message_id = ?",
                String.class, messageId);
        assertThat(ExportFixture.read(file)).containsKey("payloads/" + payloadSha256.trim());
        assertThat(ExportFixture.read(file).get("payloads/" + payloadSha256.trim()))
                .isEqualTo(Samples.JSON.writeValueAsBytes(dossier));
        Map<String, Object> configuration = jdbc.queryForMap("SELECT sha256, snapshot FROM configuration_snapshot");
        assertThat(ExportFixture.read(file).get("payloads/" + ((String) configuration.get("SHA256")).trim()))
                .asString(java.nio.charset.StandardCharsets.UTF_8).isEqualTo(configuration.get("SNAPSHOT"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM message_event WHERE event = 'AUDIT_ACTION' "
                + "AND client_id = 'sandbox-auditor' AND detail LIKE 'exported entries 0..%'", Long.class)).isPositive();
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            try (Stream<Path> left = Files.list(properties.getDataDir().resolve("export"))) {
                return left.findAny().isEmpty();
            }
        });
    }

    @Test
    void refusesAdministratorsAgenciesAndStrangers() throws Exception {
        assertThat(http.get("/audit/export", "X-API-Key", Http.ADMIN_KEY).statusCode()).isEqualTo(403);
        assertThat(http.get("/audit/export", "X-API-Key", Http.AGENCY_KEY).statusCode()).isEqualTo(403);
        assertThat(http.get("/audit/export").statusCode()).isEqualTo(401);
    }

    @Test
    void refusesATimeThatIsNoInstantAndAnEmptyWindow() {
        HttpResponse<String> notATime = http.get("/audit/export?from=yesterday", "X-API-Key", AUDITOR_KEY);
        HttpResponse<String> reversed = http.get("/audit/export?from=2024-02-01T00:00:00Z&to=2024-01-01T00:00:00Z",
                "X-API-Key", AUDITOR_KEY);

        assertThat(notATime.statusCode()).isEqualTo(400);
        assertThat(notATime.body()).contains("QUERY_PARAMETER_INVALID").contains("\"pointer\":\"from\"");
        assertThat(reversed.statusCode()).isEqualTo(400);
        assertThat(reversed.body()).contains("QUERY_PARAMETER_INVALID").contains("\"pointer\":\"to\"");
    }

    @Test
    void answersNotFoundForAWindowWithoutSealedEntries() {
        HttpResponse<String> response = http.get("/audit/export?from=2001-01-01T00:00:00Z&to=2001-01-02T00:00:00Z",
                "X-API-Key", AUDITOR_KEY);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("NOT_FOUND").contains("No sealed entry");
    }

    private void awaitCheckpointed(String messageId) {
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject("""
                SELECT COUNT(*) FROM message_event e LEFT JOIN log_leaf l ON l.seq = e.seq WHERE e.message_id = ?
                AND (l.log_index IS NULL OR l.log_index >= (SELECT COALESCE(MAX(tree_size), 0) FROM log_checkpoint))""",
                Long.class, messageId) == 0);
    }

    private HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("X-API-Key", AUDITOR_KEY).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
