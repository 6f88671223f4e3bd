package vn.lienthong.gateway.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;

import vn.lienthong.gateway.GatewayEndToEndTest;
import vn.lienthong.gateway.Http;
import vn.lienthong.gateway.QueueProbe;
import vn.lienthong.gateway.Samples;
import vn.lienthong.gateway.soap.client.AuthorizationFault;
import vn.lienthong.gateway.soap.client.ConflictFault;
import vn.lienthong.gateway.soap.client.Gateway;
import vn.lienthong.gateway.soap.client.GetMessageStatus;
import vn.lienthong.gateway.soap.client.GetMessageStatusResponse;
import vn.lienthong.gateway.soap.client.NotFoundFault;
import vn.lienthong.gateway.soap.client.Problem;
import vn.lienthong.gateway.soap.client.SubmitDossierResponse;
import vn.lienthong.gateway.soap.client.ValidationFault;
import vn.lienthong.gateway.soap.client.Violation;

/**
 * An agency system using the JAX-WS client generated from the served WSDL: its dossiers take the REST path to the
 * DVCQG simulator, its status queries get the REST answers, and every refusal is the declared fault with the REST code,
 * recorded in the message log with channel SOAP.
 */
class SoapGatewayTest extends GatewayEndToEndTest {

    @Test
    void deliversADossierSubmittedBySoapAndReportsItsStatusBySoap() throws Exception {
        ObjectNode dossier = Samples.freshDossier();
        Gateway soap = SoapClients.soap11(port, Http.AGENCY_KEY);

        SubmitDossierResponse accepted = soap.submitDossier(SoapClients.submit(dossier), null);

        assertThat(accepted.getStatus()).isEqualTo("ACCEPTED");
        assertThat(accepted.getDestinations().getDestination()).containsExactly("DVCQG");
        gateway.awaitState(accepted.getMessageId(), "DELIVERED");
        GetMessageStatus query = new GetMessageStatus();
        query.setMessageId(accepted.getMessageId());
        GetMessageStatusResponse status = soap.getMessageStatus(query);
        assertThat(status.getState()).isEqualTo("DELIVERED");
        assertThat(status.getKind()).isEqualTo("DOSSIER");
        assertThat(status.getDossierCode()).isEqualTo(dossier.path("dossierCode").asText());
        assertThat(status.getDestination()).isEqualTo("DVCQG");
        assertThat(status.getDeliveredAt()).isNotNull();
        assertThat(status.getAttempts().getAttempt()).singleElement()
                .satisfies(a -> assertThat(a.getOutcome()).isEqualTo("DELIVERED"))
                .satisfies(a -> assertThat(a.getHttpStatus()).isEqualTo(200));
        assertThat(simulator.recordsFor(dossier.path("dossierCode").asText())).singleElement()
                .satisfies(r -> assertThat(r.path("idempotencyKey").asText()).isEqualTo(accepted.getMessageId()));
        assertThat(jdbc.queryForObject("SELECT channel FROM message_event WHERE message_id = ? AND event = 'RECEIVED'",
                String.class, accepted.getMessageId())).isEqualTo("SOAP");
    }

    @Test
    void answersEveryDestinationAndItsMessageForADossierTheRulesAlsoSendToLgsp() throws Exception {
        ObjectNode dossier = Samples.freshLgspDossier();

        SubmitDossierResponse accepted = SoapClients.soap11(port, Http.AGENCY_KEY)
                .submitDossier(SoapClients.submit(dossier), null);

        assertThat(accepted.getDestinations().getDestination()).containsExactly("DVCQG", "LGSP");
        assertThat(accepted.getMessages().getMessage()).extracting(m -> m.getDestination())
                .containsExactly("DVCQG", "LGSP");
        assertThat(accepted.getMessageId()).isEqualTo(accepted.getMessages().getMessage().get(0).getMessageId());
        gateway.awaitState(accepted.getMessages().getMessage().get(1).getMessageId(), "DELIVERED");
        assertThat(lgsp.recordsFor(dossier.path("dossierCode").asText())).hasSize(1);
    }

    @Test
    void answersTheLegsOfTheChainADossierStartsAsTheRestAnswerDoes() throws Exception {
        ObjectNode dossier = Samples.freshDossier();
        dossier.put("procedureCode", "2.001023.000.00.00.H56");

        SubmitDossierResponse accepted = SoapClients.soap11(port, Http.AGENCY_KEY)
                .submitDossier(SoapClients.submit(dossier), null);

        assertThat(accepted.getChain()).as("the birth chain of the sandbox").isNotNull();
        assertThat(accepted.getChain().getName()).isEqualTo("birth");
        var legs = accepted.getChain().getLegs().getLeg();
        assertThat(legs).extracting(l -> l.getNumber()).containsExactly(1, 2, 3);
        assertThat(legs).extracting(l -> l.getAgency())
                .containsExactly("000.12.00.H56", "000.31.00.H56", "000.45.00.H56");
        for (var leg : legs) {
            assertThat(gateway.awaitState(leg.getMessageId(), "DELIVERED").path("kind").asText())
                    .isEqualTo("CHAIN_LEG");
        }
        assertThat(accepted.getMessages().getMessage()).extracting(m -> m.getMessageId())
                .doesNotContainAnyElementsOf(legs.stream().map(l -> l.getMessageId()).toList());
    }

    @Test
    void acceptsADossierOverSoap12() throws Exception {
        ObjectNode dossier = Samples.freshDossier();

        SubmitDossierResponse accepted = SoapClients.soap12(port, Http.AGENCY_KEY)
                .submitDossier(SoapClients.submit(dossier), null);

        gateway.awaitState(accepted.getMessageId(), "DELIVERED");
        assertThat(simulator.recordsFor(dossier.path("dossierCode").asText())).hasSize(1);
    }

    @Test
    void theSameDossierBySoapAndByRestGivesTheSamePlatformRecord() throws Exception {
        ObjectNode dossier = Samples.freshDossier();
        String byRest = gateway.accept(dossier);
        gateway.awaitState(byRest, "DELIVERED");

        String bySoap = SoapClients.soap11(port, Http.AGENCY_KEY).submitDossier(SoapClients.submit(dossier), null)
                .getMessageId();
        gateway.awaitState(bySoap, "DELIVERED");

        List<JsonNode> received = simulator.recordsFor(dossier.path("dossierCode").asText());
        assertThat(received).hasSize(2);
        assertThat(received.get(1).path("record")).isEqualTo(received.get(0).path("record"));
        assertThat(received.get(0).path("record").path("MaTTHC").asText()).isEqualTo("1.001193.000.00.00.H56");
    }

    @Test
    void answersARepeatedIdempotencyKeyWithTheFirstAnswerAndAnotherBodyWithAConflictFault() throws Exception {
        ObjectNode dossier = Samples.freshDossier();
        String key = "soap-" + dossier.path("dossierCode").asText();
        Gateway soap = SoapClients.soap11(port, Http.AGENCY_KEY);
        long enqueuedBefore = queues.messagesAdded(QueueProbe.DVCQG);

        String first = soap.submitDossier(SoapClients.submit(dossier), key).getMessageId();
        String again = soap.submitDossier(SoapClients.submit(dossier), key).getMessageId();
        dossier.put("summary", "another body");
        ConflictFault conflict = catchThrowableOfType(ConflictFault.class,
                () -> soap.submitDossier(SoapClients.submit(dossier), key));

        assertThat(again).isEqualTo(first);
        assertThat(queues.messagesAdded(QueueProbe.DVCQG)).isEqualTo(enqueuedBefore + 1);
        assertProblem(conflict.getFaultInfo(), "IDEMPOTENCY_KEY_REUSED", 409);
        assertRecorded("IDEMPOTENCY_KEY_REUSED", "sandbox-agency");
    }

    @Test
    void listsEveryViolationWithItsJsonPointerInAValidationFault() {
        ObjectNode dossier = Samples.freshDossier();
        dossier.remove(List.of("procedureCode", "summary"));
        ((ObjectNode) dossier.get("applicant")).put("idNumber", "0450900");
        dossier.put("dueAt", "2023-12-31T17:00:00+07:00");

        ValidationFault fault = catchThrowableOfType(ValidationFault.class, () -> SoapClients.soap11(port, Http.AGENCY_KEY)
                .submitDossier(SoapClients.submit(dossier), null));

        assertProblem(fault.getFaultInfo(), "DOSSIER_INVALID", 400);
        assertThat(fault.getFaultInfo().getViolations().getViolation()).extracting(Violation::getPointer)
                .contains("/procedureCode", "/summary", "/applicant/idNumber");
        assertThat(fault.getFaultInfo().getViolations().getViolation())
                .allSatisfy(v -> assertThat(v.getMessage()).isNotBlank());
        assertRecorded("DOSSIER_INVALID", "sandbox-agency");
    }

    @Test
    void refusesWithoutAKeyWithAWrongKeyAndForAClientNotAllowedTheOperation() {
        ObjectNode dossier = Samples.freshDossier();

        AuthorizationFault noKey = catchThrowableOfType(AuthorizationFault.class,
                () -> SoapClients.soap11(port, null).submitDossier(SoapClients.submit(dossier), null));
        assertProblem(noKey.getFaultInfo(), "AUTHENTICATION_REQUIRED", 401);
        assertRecorded("AUTHENTICATION_REQUIRED", null);

        AuthorizationFault wrongKey = catchThrowableOfType(AuthorizationFault.class,
                () -> SoapClients.soap12(port, "guess").submitDossier(SoapClients.submit(dossier), null));
        assertProblem(wrongKey.getFaultInfo(), "API_KEY_INVALID", 401);
        assertRecorded("API_KEY_INVALID", null);

        AuthorizationFault notAllowed = catchThrowableOfType(AuthorizationFault.class,
                () -> SoapClients.soap11(port, Http.ADMIN_KEY).submitDossier(SoapClients.submit(dossier), null));
        assertProblem(notAllowed.getFaultInfo(), "OPERATION_NOT_ALLOWED", 403);
        assertRecorded("OPERATION_NOT_ALLOWED", "sandbox-admin");

        dossier.put("agencyCode", "000.00.00.G22");
        AuthorizationFault otherAgency = catchThrowableOfType(AuthorizationFault.class,
                () -> SoapClients.soap11(port, Http.AGENCY_KEY).submitDossier(SoapClients.submit(dossier), null));
        assertProblem(otherAgency.getFaultInfo(), "AGENCY_NOT_ALLOWED", 403);
        assertThat(otherAgency.getFaultInfo().getViolations().getViolation()).extracting(Violation::getPointer)
                .containsExactly("/agencyCode");
    }

    @Test
    void answersAnUnknownMessageWithANotFoundFaultAndABadIdWithAValidationFault() {
        GetMessageStatus query = new GetMessageStatus();
        query.setMessageId("00000000-0000-0000-0000-000000000000");
        NotFoundFault notFound = catchThrowableOfType(NotFoundFault.class,
                () -> SoapClients.soap11(port, Http.AGENCY_KEY).getMessageStatus(query));
        assertProblem(notFound.getFaultInfo(), "NOT_FOUND", 404);

        query.setMessageId("../../etc/passwd");
        ValidationFault invalid = catchThrowableOfType(ValidationFault.class,
                () -> SoapClients.soap11(port, Http.AGENCY_KEY).getMessageStatus(query));
        assertProblem(invalid.getFaultInfo(), "PATH_PARAMETER_INVALID", 400);
        assertRecorded("PATH_PARAMETER_INVALID", "sandbox-agency");
    }

    private static void assertProblem(Problem problem, String code, int status) {
        assertThat(problem.getCode()).isEqualTo(code);
        assertThat(problem.getStatus()).isEqualTo(status);
        assertThat(problem.getTitle()).isNotBlank();
        assertThat(problem.getDetail()).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
    }

    private void assertRecorded(String code, String clientId) {
        Map<String, Object> rejection = jdbc.queryForMap("""
                SELECT client_id, reason_code, channel FROM message_event WHERE event = 'REJECTED'
                ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY""");
        assertThat(rejection).containsEntry("REASON_CODE", code).containsEntry("CHANNEL", "SOAP")
                .containsEntry("CLIENT_ID", clientId);
    }
}
