package vn.lienthong.gateway.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.ActiveProfiles;

import vn.lienthong.gateway.GatewayEndToEndTest;
import vn.lienthong.gateway.Http;
import vn.lienthong.gateway.QueueProbe;
import vn.lienthong.gateway.Samples;
import vn.lienthong.gateway.config.GatewayProperties;

/**
 * Each client may call only its configured operations, send only to its destinations and see only the messages of
 * the agencies it speaks for; every refusal is recorded with the client and the reason, and nothing is queued.
 */
@ActiveProfiles({"sandbox", "access-rights"})
class AccessRightsTest extends GatewayEndToEndTest {

    @Test
    void refusesASubmissionFromAClientNotAllowedToSubmit() throws Exception {
        assertRefused(submit("status-only-key"), 403, "OPERATION_NOT_ALLOWED", "status-only");
    }

    @Test
    void refusesAdministratorsAndAuditorsAsSubmitters() throws Exception {
        assertRefused(submit(Http.ADMIN_KEY), 403, "OPERATION_NOT_ALLOWED", "sandbox-admin");
        assertRefused(submit("sandbox-auditor-key"), 403, "OPERATION_NOT_ALLOWED", "sandbox-auditor");
    }

    @Test
    void refusesASubmissionToADestinationTheClientMayNotUse() throws Exception {
        assertRefused(submit("lgsp-only-key"), 403, "DESTINATION_NOT_ALLOWED", "lgsp-only");
    }

    @Test
    void refusesADossierTheRoutingRulesAlsoSendToADestinationTheClientMayNotUse() throws Exception {
        var dossier = Samples.freshLgspDossier();
        long enqueuedBefore = queues.messagesAdded(QueueProbe.DVCQG) + queues.messagesAdded(QueueProbe.LGSP);

        HttpResponse<String> answer = http.post("/api/v1/dossiers", Samples.JSON.writeValueAsBytes(dossier),
                "Content-Type", "application/json", "X-API-Key", Http.AGENCY_KEY);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(403);
        var problem = Samples.JSON.readTree(answer.body());
        assertThat(problem.path("code").asText()).isEqualTo("DESTINATION_NOT_ALLOWED");
        assertThat(problem.path("detail").asText()).contains("LGSP");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM message WHERE dossier_code = ?", Integer.class,
                dossier.path("dossierCode").asText())).isZero();
        assertThat(queues.messagesAdded(QueueProbe.DVCQG) + queues.messagesAdded(QueueProbe.LGSP))
                .isEqualTo(enqueuedBefore);
    }

    @Test
    void refusesAStatusQueryFromAClientNotAllowedStatus() throws Exception {
        String messageId = gateway.accept(Samples.freshDossier());

        HttpResponse<String> answer = http.get("/api/v1/messages/" + messageId, "X-API-Key", "sandbox-auditor-key");

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(Samples.JSON.readTree(answer.body()).path("code").asText()).isEqualTo("OPERATION_NOT_ALLOWED");
    }

    @Test
    void hidesTheMessagesOfAgenciesTheClientDoesNotSpeakFor() throws Exception {
        var dossier = Samples.freshDossier();
        String messageId = gateway.accept(dossier);
        String dossierCode = dossier.path("dossierCode").asText();

        assertThat(http.get("/api/v1/messages/" + messageId, "X-API-Key", "other-province-key").statusCode())
                .isEqualTo(404);
        assertThat(Samples.JSON.readTree(http.get("/api/v1/dossiers/" + dossierCode + "/messages", "X-API-Key",
                "other-province-key").body()).path("messages")).isEmpty();
        assertThat(Samples.JSON.readTree(http.get("/api/v1/dossiers/" + dossierCode + "/messages", "X-API-Key",
                Http.AGENCY_KEY).body()).path("messages")).hasSize(1);
        assertThat(http.get("/api/v1/messages/" + messageId, "X-API-Key", Http.AGENCY_KEY).statusCode()).isEqualTo(200);
    }

    @Test
    void anAgencyClientWithoutOperationsIsRefusedAtStartUp() {
        GatewayProperties.Client client = new GatewayProperties.Client();
        client.setId("forgot-operations");
        client.setApiKeySha256("ab".repeat(32));
        client.setRoles(List.of("AGENCY"));
        client.setAgencies(List.of("*.H56"));

        try (ValidatorFactory validation = Validation.buildDefaultValidatorFactory()) {
            assertThat(validation.getValidator().validate(client)).extracting(v -> v.getMessage())
                    .containsExactly("an AGENCY client must list the operations it may call "
                            + "(lienthong.clients[n].operations)");
        }
    }

    private HttpResponse<String> submit(String apiKey) throws Exception {
        return http.post("/api/v1/dossiers", Samples.JSON.writeValueAsString(Samples.freshDossier())
                .getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json", "X-API-Key", apiKey);
    }

    private void assertRefused(HttpResponse<String> answer, int status, String code, String clientId) throws Exception {
        long enqueuedBefore = queues.messagesAdded(QueueProbe.DVCQG);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(Samples.JSON.readTree(answer.body()).path("code").asText()).isEqualTo(code);
        Map<String, Object> rejection = jdbc.queryForMap("""
                SELECT client_id, reason_code FROM message_event WHERE event = 'REJECTED'
                ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY""");
        assertThat(rejection).containsEntry("CLIENT_ID", clientId).containsEntry("REASON_CODE", code);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM message WHERE client_id = ?", Integer.class, clientId))
                .isZero();
        assertThat(queues.messagesAdded(QueueProbe.DVCQG)).isEqualTo(enqueuedBefore);
    }
}
