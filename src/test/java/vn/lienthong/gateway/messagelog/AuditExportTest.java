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
import vn.lienthong.gateway.Sha256;
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
    void carriesTheCheckpointsTimestampsWhichTheOfflineVerifierChecks() throws Exception {
        String messageId = gateway.accept(Samples.freshDossier());
        gateway.awaitState(messageId, "DELIVERED");
        awaitCheckpointed(messageId);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM log_checkpoint WHERE timestamp_token IS NULL", Long.class) == 0
                && jdbc.queryForObject("SELECT COUNT(*) FROM log_checkpoint", Long.class) >= 2);
        Path file = dir.resolve("stamped.zip");
        Files.write(file, getBytes("/audit/export?from=2020-01-01T00:00:00Z").body());
        Map<String, byte[]> files = ExportFixture.read(file);
        java.util.List<String> stamps = files.keySet().stream().filter(n -> n.endsWith(".tsr")).sorted().toList();
        assertThat(stamps).hasSizeGreaterThanOrEqualTo(2);

        ExportFixture.Verdict verdict = ExportFixture.verify(file);
        assertThat(verdict.code()).as(verdict.output()).isZero();
        assertThat(verdict.output()).contains("(" + stamps.size() + " with an RFC 3161 timestamp)");

        ExportManifest manifest = ExportManifest.parse(files.get(ExportLayout.MANIFEST));
        byte[] first = files.get(stamps.get(0));
        byte[] second = files.get(stamps.get(1));
        java.util.List<ExportManifest.ExportFile> listed = manifest.files().stream().map(f -> f.path().equals(stamps.get(0))
                ? new ExportManifest.ExportFile(f.path(), Sha256.hex(second), second.length)
                : f.path().equals(stamps.get(1)) ? new ExportManifest.ExportFile(f.path(), Sha256.hex(first), first.length)
                : f).toList();
        ExportManifest swapped = new ExportManifest(manifest.nodeId(), manifest.createdAt(), manifest.from(),
                manifest.to(), manifest.firstIndex(), manifest.endIndex(), manifest.frontier(),
                manifest.entriesInRequestedRange(), manifest.notYetCheckpointed(), manifest.notYetSealed(),
                manifest.payloads(), manifest.payloadsAbsent(), manifest.largestPayloadBytes(), listed);
        Path forged = ExportFixture.rewrite(file, dir.resolve("swapped.zip"), archive -> {
            archive.put(stamps.get(0), second);
            archive.put(stamps.get(1), first);
            archive.put(ExportLayout.MANIFEST, swapped.toJson());
            archive.put(ExportLayout.MANIFEST_SIGNATURE,
                    new vn.lienthong.gateway.signature.CmsSigner(ExportFixture.GATEWAY).signDetached(swapped.toJson()));
        });

        assertThat(ExportFixture.verify(forged).output()).startsWith("INVALID: file checkpoints/")
                .contains(".tsr: its RFC 3161 timestamp is not valid");
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
