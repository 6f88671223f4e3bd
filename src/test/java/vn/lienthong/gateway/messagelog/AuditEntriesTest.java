package vn.lienthong.gateway.messagelog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;

import vn.lienthong.gateway.GatewayEndToEndTest;
import vn.lienthong.gateway.Http;
import vn.lienthong.gateway.Samples;

/**
 * {@code GET /audit/entries}: the auditors' query of the message log by dossier code, agency, client, event type and
 * time range, paged, for auditors only, each call recorded.
 */
class AuditEntriesTest extends GatewayEndToEndTest {

    private static final String AUDITOR_KEY = "sandbox-auditor-key";

    @Test
    void findsTheEntriesOfOneDossierInOrder() throws Exception {
        Posted first = postAndDeliver();
        Posted second = postAndDeliver();

        JsonNode page = entries("dossierCode=" + first.dossierCode());

        assertThat(page.path("limit").asInt()).isEqualTo(100);
        assertThat(page.path("offset").asInt()).isZero();
        assertThat(page.path("entries")).extracting(e -> e.path("event").asText())
                .containsExactly("RECEIVED", "QUEUED", "DELIVERED");
        assertThat(page.path("entries")).allSatisfy(e -> {
            assertThat(e.path("dossierCode").asText()).isEqualTo(first.dossierCode());
            assertThat(e.path("messageId").asText()).isEqualTo(first.messageId());
            assertThat(e.path("agencyCode").asText()).isEqualTo("000.00.17.H56");
            assertThat(e.path("clientId").asText()).isEqualTo("sandbox-agency");
            assertThat(e.path("destination").asText()).isEqualTo("DVCQG");
            assertThat(e.path("direction").asText()).isEqualTo("OUTBOUND");
            assertThat(e.path("channel").asText()).isEqualTo("REST");
            assertThat(e.has("logIndex")).isTrue();
            assertThat(e.path("time").asText()).isNotBlank();
        });
        JsonNode received = page.path("entries").get(0);
        assertThat(received.path("payloadSha256").asText()).matches("[0-9a-f]{64}");
        assertThat(received.path("remoteAddress").asText()).isNotBlank();
        assertThat(seqs(page)).isSorted();
        assertThat(entries("dossierCode=" + second.dossierCode()).path("entries"))
                .extracting(e -> e.path("messageId").asText()).containsOnly(second.messageId()).hasSize(3);
    }

    @Test
    void findsRejectionsByEventType() throws Exception {
        String from = postAndDeliver().receivedAt();
        ObjectNode invalid = Samples.freshDossier();
        invalid.remove("procedureCode");
        HttpResponse<String> refused = http.postJson("/api/v1/dossiers", Samples.JSON.writeValueAsString(invalid));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        String code = Samples.JSON.readTree(refused.body()).path("code").asText();

        JsonNode page = entries("event=REJECTED&from=" + encode(from) + "&limit=1000");

        assertThat(page.path("entries")).allSatisfy(e -> assertThat(e.path("event").asText()).isEqualTo("REJECTED"));
        assertThat(page.path("entries")).anySatisfy(e -> {
            assertThat(e.path("reasonCode").asText()).isEqualTo(code);
            assertThat(e.path("clientId").asText()).isEqualTo("sandbox-agency");
            assertThat(e.path("channel").asText()).isEqualTo("REST");
            assertThat(e.path("messageId").isNull()).isTrue();
            assertThat(e.path("agencyCode").isNull()).isTrue();
        });
    }

    @Test
    void findsAnAdministratorsActionsByClient() throws Exception {
        String from = postAndDeliver().receivedAt();
        assertThat(http.get("/admin/dead-letters?destination=DVCQG", "X-API-Key", Http.ADMIN_KEY).statusCode())
                .isEqualTo(200);

        JsonNode page = entries("client=sandbox-admin&from=" + encode(from) + "&limit=1000");

        assertThat(page.path("entries")).allSatisfy(e -> {
            assertThat(e.path("clientId").asText()).isEqualTo("sandbox-admin");
            assertThat(e.path("channel").asText()).isEqualTo("ADMIN");
        });
        assertThat(page.path("entries")).anySatisfy(e -> {
            assertThat(e.path("event").asText()).isEqualTo("ADMIN_ACTION");
            assertThat(e.path("detail").asText()).startsWith("listed dead letters destination=DVCQG");
        });
    }

    @Test
    void findsTheEntriesOfAnAgencyThroughTheirMessages() throws Exception {
        Posted posted = postAndDeliver();

        JsonNode page = entries("agency=000.00.17.H56&from=" + encode(posted.receivedAt()) + "&limit=1000");

        assertThat(page.path("entries")).allSatisfy(e ->
                assertThat(e.path("agencyCode").asText()).isEqualTo("000.00.17.H56"));
        assertThat(page.path("entries")).filteredOn(e -> posted.messageId().equals(e.path("messageId").asText()))
                .extracting(e -> e.path("event").asText()).containsExactly("RECEIVED", "QUEUED", "DELIVERED");
        assertThat(entries("agency=999.99.99.Z99").path("entries")).isEmpty();
    }

    @Test
    void narrowsByTimeRangeAndPages() throws Exception {
        Posted posted = postAndDeliver();
        String dossier = "dossierCode=" + posted.dossierCode();
        JsonNode all = entries(dossier).path("entries");
        String receivedAt = all.get(0).path("time").asText();
        String deliveredAt = all.get(2).path("time").asText();

        assertThat(entries(dossier + "&from=" + encode(deliveredAt)).path("entries"))
                .extracting(e -> e.path("event").asText()).containsExactly("DELIVERED");
        assertThat(entries(dossier + "&from=" + encode(receivedAt) + "&to=" + encode(deliveredAt)).path("entries"))
                .extracting(e -> e.path("event").asText()).containsExactly("RECEIVED", "QUEUED");
        assertThat(entries(dossier + "&to=" + encode(receivedAt)).path("entries")).isEmpty();

        JsonNode page1 = entries(dossier + "&limit=2");
        JsonNode page2 = entries(dossier + "&limit=2&offset=2");
        assertThat(page1.path("limit").asInt()).isEqualTo(2);
        assertThat(page2.path("offset").asInt()).isEqualTo(2);
        assertThat(page1.path("entries")).extracting(e -> e.path("event").asText())
                .containsExactly("RECEIVED", "QUEUED");
        assertThat(page2.path("entries")).extracting(e -> e.path("event").asText()).containsExactly("DELIVERED");
        assertThat(entries(dossier + "&offset=3").path("entries")).isEmpty();
    }

    @Test
    void refusesBadQueryParametersNamingEachOne() throws Exception {
        HttpResponse<String> response = http.get("/audit/entries?event=NOPE&from=yesterday&limit=5000&agency=xyz"
                + "&dossierCode=nope&client=" + encode("a b") + "&offset=-1", "X-API-Key", AUDITOR_KEY);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = Samples.JSON.readTree(response.body());
        assertThat(problem.path("code").asText()).isEqualTo("QUERY_PARAMETER_INVALID");
        assertThat(problem.path("errors")).extracting(e -> e.path("pointer").asText())
                .containsExactlyInAnyOrder("event", "from", "limit", "agency", "dossierCode", "client", "offset");

        HttpResponse<String> backwards = http.get("/audit/entries?from=2024-01-02T00:00:00Z&to=2024-01-01T00:00:00Z",
                "X-API-Key", AUDITOR_KEY);
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(Samples.JSON.readTree(backwards.body()).path("errors")).extracting(e -> e.path("pointer").asText())
                .containsExactly("to");
    }

    @Test
    void answersAuditorsOnly() {
        assertThat(http.get("/audit/entries", "X-API-Key", Http.ADMIN_KEY).statusCode()).isEqualTo(403);
        assertThat(http.get("/audit/entries", "X-API-Key", Http.AGENCY_KEY).statusCode()).isEqualTo(403);
        assertThat(http.get("/audit/entries").statusCode()).isEqualTo(401);
    }

    @Test
    void recordsTheAuditorsOwnCall() throws Exception {
        Posted posted = postAndDeliver();

        entries("dossierCode=" + posted.dossierCode() + "&limit=7");

        JsonNode page = entries("event=AUDIT_ACTION&client=sandbox-auditor&from=" + encode(posted.receivedAt())
                + "&limit=1000");
        assertThat(page.path("entries")).anySatisfy(e -> {
            assertThat(e.path("remoteAddress").asText()).isNotBlank();
            assertThat(e.path("detail").asText()).isEqualTo("queried entries dossierCode=" + posted.dossierCode()
                    + " agency=* client=* event=* from=* to=* limit=7 offset=0: 3 found");
        });
    }

    private Posted postAndDeliver() throws Exception {
        ObjectNode dossier = Samples.freshDossier();
        String messageId = gateway.accept(dossier);
        gateway.awaitState(messageId, "DELIVERED");
        String dossierCode = dossier.path("dossierCode").asText();
        String receivedAt = entries("dossierCode=" + dossierCode).path("entries").get(0).path("time").asText();
        return new Posted(messageId, dossierCode, receivedAt);
    }

    private JsonNode entries(String query) throws Exception {
        HttpResponse<String> response = http.get("/audit/entries?" + query, "X-API-Key", AUDITOR_KEY);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        return Samples.JSON.readTree(response.body());
    }

    private static List<Long> seqs(JsonNode page) {
        List<Long> seqs = new ArrayList<>();
        page.path("entries").forEach(e -> seqs.add(e.path("seq").asLong()));
        return seqs;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private record Posted(String messageId, String dossierCode, String receivedAt) {
    }
}
