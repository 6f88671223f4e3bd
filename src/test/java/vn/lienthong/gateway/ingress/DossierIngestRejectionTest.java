package vn.lienthong.gateway.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.lienthong.gateway.GatewayEndToEndTest;
import vn.lienthong.gateway.Http;
import vn.lienthong.gateway.QueueProbe;
import vn.lienthong.gateway.Samples;

/**
 * Invalid, oversized, mistyped or unauthenticated submissions are answered with problem+json naming every violation,
 * are recorded as REJECTED, and leave nothing in the message store or on the queue.
 */
class DossierIngestRejectionTest extends GatewayEndToEndTest {

    long messagesBefore;
    long enqueuedBefore;
    long rejectionsBefore;

    @BeforeEach
    void setUp() {
        messagesBefore = count("SELECT COUNT(*) FROM message");
        enqueuedBefore = queues.messagesAdded(QueueProbe.DVCQG);
        rejectionsBefore = count("SELECT COUNT(*) FROM message_event WHERE event = 'REJECTED'");
    }

    @AfterEach
    void nothingWasStoredOrQueued() {
        assertThat(count("SELECT COUNT(*) FROM message")).as("messages stored").isEqualTo(messagesBefore);
        assertThat(queues.messagesAdded(QueueProbe.DVCQG)).as("messages put on the DVCQG queue").isEqualTo(enqueuedBefore);
        assertThat(count("SELECT COUNT(*) FROM message_event WHERE event = 'REJECTED'"))
                .as("REJECTED entries in the message log").isEqualTo(rejectionsBefore + 1);
    }

    @Test
    void rejectsMissingRequiredFieldsListingEachPointer() throws Exception {
        ObjectNode dossier = Samples.freshDossier();
        dossier.remove(List.of("procedureCode", "summary"));
        ((ObjectNode) dossier.get("applicant")).remove("name");

        assertInvalid(dossier, "/procedureCode", "/summary", "/applicant/name");
    }

    @Test
    void rejectsBadDossierCodeFormat() throws Exception {
        ObjectNode dossier = Samples.freshDossier();
        dossier.put("dossierCode", "H56-2024-1");

        assertInvalid(dossier, "/dossierCode");
    }

    @Test
    void rejectsDossierCodeWhoseDatePartIsNoDate() throws Exception {
        ObjectNode dossier = Samples.freshDossier();
        dossier.put("dossierCode", "000.00.17.H56-241332-0001");

        assertInvalid(dossier, "/dossierCode");
    }

    @Test
    void rejectsBadDates() throws Exception {
        ObjectNode dossier = Samples.freshDossier();
        dossier.put("receivedAt", "2024-02-30T08:00:00+07:00");
        dossier.put("dueAt", "03/01/2024 17:00");
        dossier.put("finishedAt", "2024-01-02T08:00:00");

        assertInvalid(dossier, "/receivedAt", "/dueAt", "/finishedAt");
    }

    @Test
    void rejectsDueDateBeforeReceivedDate() throws Exception {
        ObjectNode dossier = Samples.freshDossier();
        dossier.put("dueAt", "2023-12-31T17:00:00+07:00");

        assertInvalid(dossier, "/dueAt");
    }

    @Test
    void rejectsUnknownStatus() throws Exception {
        ObjectNode dossier = Samples.freshDossier();
        dossier.put("status", "APPROVED");

        assertInvalid(dossier, "/status");
    }

    @Test
    void rejectsWrongTypes() throws Exception {
        ObjectNode dossier = Samples.freshDossier();
        dossier.put("procedureName", 42);
        dossier.put("applicant", "Hồ Quang Thuận");
        ((ObjectNode) dossier.get("fees").get(0)).put("amount", "0");
        dossier.put("documents", "none");

        assertInvalid(dossier, "/procedureName", "/applicant", "/fees/0/amount", "/documents");
    }

    @Test
    void rejectsCitizenWithoutTwelveDigitIdAndUnknownFields() throws Exception {
        ObjectNode dossier = Samples.freshDossier();
        ((ObjectNode) dossier.get("applicant")).put("idNumber", "0450900");
        dossier.put("priority", "HIGH");

        assertInvalid(dossier, "/applicant/idNumber", "/priority");
    }

    @Test
    void rejectsDuplicateKeys() {
        String body = "{\"dossierCode\":\"000.00.17.H56-240101-0001\",\"applicant\":{\"name\":\"A\",\"name\":\"B\"}}";

        JsonNode problem = problem(http.postJson("/api/v1/dossiers", body), 400, "JSON_MALFORMED");
        assertThat(problem.path("errors").get(0).path("pointer").asText()).isEqualTo("/applicant/name");
    }

    @Test
    void rejectsTrailingTokens() throws Exception {
        String body = Samples.JSON.writeValueAsString(Samples.freshDossier()) + " {}";

        problem(http.postJson("/api/v1/dossiers", body), 400, "JSON_MALFORMED");
    }

    @Test
    void rejectsNestingBeyondTheLimit() {
        String body = "{\"a\":" + "[".repeat(40) + "]".repeat(40) + "}";

        problem(http.postJson("/api/v1/dossiers", body), 400, "JSON_LIMIT_EXCEEDED");
    }

    @Test
    void rejectsOverlongNumbers() {
        String body = "{\"fees\":[{\"amount\":" + "9".repeat(100) + "}]}";

        problem(http.postJson("/api/v1/dossiers", body), 400, "JSON_LIMIT_EXCEEDED");
    }

    @Test
    void rejectsBodyOverTheSizeLimitWith413() {
        byte[] body = new byte[10 * 1024 * 1024 + 1];
        Arrays.fill(body, (byte) ' ');

        problem(http.post("/api/v1/dossiers", body, "Content-Type", "application/json", "X-API-Key", Http.AGENCY_KEY),
                413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void rejectsOtherMediaTypesWith415() throws Exception {
        byte[] body = Samples.JSON.writeValueAsBytes(Samples.freshDossier());

        problem(http.post("/api/v1/dossiers", body, "Content-Type", "application/xml", "X-API-Key", Http.AGENCY_KEY),
                415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void rejectsJsonInAnotherCharsetWith415() throws Exception {
        byte[] body = Samples.JSON.writeValueAsBytes(Samples.freshDossier());

        problem(http.post("/api/v1/dossiers", body, "Content-Type", "application/json; charset=ISO-8859-1",
                "X-API-Key", Http.AGENCY_KEY), 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void rejectsRequestsWithoutApiKeyWith401() throws Exception {
        byte[] body = Samples.JSON.writeValueAsBytes(Samples.freshDossier());

        problem(http.post("/api/v1/dossiers", body, "Content-Type", "application/json"), 401, "AUTHENTICATION_REQUIRED");
    }

    @Test
    void rejectsUnknownApiKeyWith401() throws Exception {
        byte[] body = Samples.JSON.writeValueAsBytes(Samples.freshDossier());

        problem(http.post("/api/v1/dossiers", body, "Content-Type", "application/json", "X-API-Key", "guess"),
                401, "API_KEY_INVALID");
    }

    @Test
    void rejectsDossierOfAnAgencyTheClientMayNotSpeakFor() throws Exception {
        ObjectNode dossier = Samples.freshDossier();
        dossier.put("agencyCode", "000.00.00.G22");

        JsonNode problem = problem(http.postJson("/api/v1/dossiers", Samples.JSON.writeValueAsString(dossier)), 403,
                "AGENCY_NOT_ALLOWED");
        assertThat(problem.path("errors").get(0).path("pointer").asText()).isEqualTo("/agencyCode");
    }

    private void assertInvalid(ObjectNode dossier, String... pointers) throws Exception {
        JsonNode problem = problem(http.postJson("/api/v1/dossiers", Samples.JSON.writeValueAsString(dossier)), 400,
                "DOSSIER_INVALID");
        List<String> reported = problem.path("errors").findValuesAsText("pointer");
        assertThat(reported).contains(pointers);
        assertThat(problem.path("errors")).allSatisfy(e -> assertThat(e.path("message").asText()).isNotBlank());
    }

    private static JsonNode problem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        try {
            JsonNode problem = Samples.JSON.readTree(response.body());
            assertThat(problem.path("code").asText()).isEqualTo(code);
            assertThat(problem.path("status").asInt()).isEqualTo(status);
            assertThat(problem.path("title").asText()).isNotBlank();
            assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
            return problem;
        } catch (java.io.IOException e) {
            throw new AssertionError("problem body is not JSON: " + response.body(), e);
        }
    }

    private long count(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }

}
