package vn.lienthong.gateway.messagelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lienthong.gateway.GatewayEndToEndTest;
import vn.lienthong.gateway.Http;
import vn.lienthong.gateway.Samples;

/** {@code GET /audit/consistency} proves to an auditor, offline, that a later checkpoint extends an earlier one. */
class AuditConsistencyTest extends GatewayEndToEndTest {

    private static final String AUDITOR_KEY = "sandbox-auditor-key";

    @TempDir
    Path dir;

    @Test
    void givesAProofThatVerifiesOfflineAndAForgedOneDoesNot() throws Exception {
        List<Long> sizes = twoCheckpoints();
        String path = "/audit/consistency?from=" + sizes.get(0) + "&to=" + sizes.get(1);

        HttpResponse<String> response = http.get(path, "X-API-Key", AUDITOR_KEY);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        ObjectNode document = (ObjectNode) Samples.JSON.readTree(response.body());
        assertThat(document.path("format").asText()).isEqualTo("lienthong-consistency/1");
        assertThat(document.path("from").path("size").asLong()).isEqualTo(sizes.get(0));
        ExportFixture.Verdict valid = verify(document);
        assertThat(valid.code()).as(valid.output()).isZero();
        assertThat(valid.output()).startsWith("VALID: consistency of node gateway-1: the tree of size " + sizes.get(0))
                .contains("chained to a trust anchor");

        ArrayNode proof = (ArrayNode) document.path("proof");
        String hash = proof.get(0).asText();
        proof.set(0, (hash.charAt(0) == '0' ? "1" : "0") + hash.substring(1));
        ExportFixture.Verdict forged = verify(document);
        assertThat(forged.code()).isEqualTo(1);
        assertThat(forged.output()).startsWith("INVALID: proof: it does not show that the tree of size " + sizes.get(0));
    }

    @Test
    void refusesATreeHeadOfAnotherSizePassedOffAsTheSigned() throws Exception {
        List<Long> sizes = twoCheckpoints();
        ObjectNode document = (ObjectNode) Samples.JSON.readTree(http.get("/audit/consistency?from=" + sizes.get(0)
                + "&to=" + sizes.get(1), "X-API-Key", AUDITOR_KEY).body());
        ObjectNode to = (ObjectNode) document.path("to");
        to.put("treeHead", to.path("treeHead").asText().replace("\"size\":" + sizes.get(1), "\"size\":" + (sizes.get(1) + 1)));

        ExportFixture.Verdict verdict = verify(document);

        assertThat(verdict.code()).isEqualTo(1);
        assertThat(verdict.output()).startsWith("INVALID: to: the signature does not verify");
    }

    @Test
    void answersNotFoundForASizeThatIsNoCheckpointAndBadRequestForReversedOrMissingSizes() {
        List<Long> sizes = twoCheckpoints();

        HttpResponse<String> notACheckpoint = http.get("/audit/consistency?from=" + sizes.get(0) + "&to="
                + (sizes.get(1) + 1_000_000), "X-API-Key", AUDITOR_KEY);
        HttpResponse<String> reversed = http.get("/audit/consistency?from=" + sizes.get(1) + "&to=" + sizes.get(0),
                "X-API-Key", AUDITOR_KEY);
        HttpResponse<String> missing = http.get("/audit/consistency?from=x", "X-API-Key", AUDITOR_KEY);

        assertThat(notACheckpoint.statusCode()).isEqualTo(404);
        assertThat(notACheckpoint.body()).contains("CHECKPOINT_NOT_FOUND");
        assertThat(reversed.statusCode()).isEqualTo(400);
        assertThat(reversed.body()).contains("QUERY_PARAMETER_INVALID");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("\"pointer\":\"from\"").contains("\"pointer\":\"to\"");
    }

    @Test
    void refusesAdministratorsAndAgencies() {
        assertThat(http.get("/audit/consistency?from=1&to=2", "X-API-Key", Http.ADMIN_KEY).statusCode()).isEqualTo(403);
        assertThat(http.get("/audit/consistency?from=1&to=2", "X-API-Key", Http.AGENCY_KEY).statusCode()).isEqualTo(403);
    }

    /** The sizes of two checkpoints, submitting dossiers until the log has them. */
    private List<Long> twoCheckpoints() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (jdbc.queryForObject("SELECT COUNT(*) FROM log_checkpoint", Long.class) >= 2) {
                return true;
            }
            gateway.accept(Samples.freshDossier());
            return false;
        });
        return jdbc.queryForList("SELECT tree_size FROM log_checkpoint ORDER BY tree_size FETCH FIRST 2 ROWS ONLY",
                Long.class);
    }

    private ExportFixture.Verdict verify(ObjectNode document) throws Exception {
        Path file = dir.resolve("consistency.json");
        Files.write(file, Samples.JSON.writeValueAsBytes(document));
        return ExportFixture.verify(file);
    }
}
