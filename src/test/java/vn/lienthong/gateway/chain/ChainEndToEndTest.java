package vn.lienthong.gateway.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.lienthong.gateway.GatewayEndToEndTest;
import vn.lienthong.gateway.Http;
import vn.lienthong.gateway.Samples;

/**
 * The sandbox's birth and death chains end to end through the LGSP simulator over real HTTP: one message per leg,
 * each readdressed to its agency, acknowledged by the agency; a leg the platform refuses is dead-lettered without
 * holding back the others, and a replay after the fix brings the chain back.
 */
class ChainEndToEndTest extends GatewayEndToEndTest {

    private static final String BIRTH = "2.001023.000.00.00.H56";
    private static final String DEATH = "2.000986.000.00.00.H56";
    private static final String POLICE = "000.31.00.H56";

    @BeforeEach
    void nothingElseInFlight() {
        queues.awaitNothingInFlight();
    }

    @Test
    void aBirthRegistrationGoesToEveryLegsAgencyAndCompletesOnceEachAgencyAcknowledges() throws Exception {
        String dossierCode = completesThroughAllLegs(BIRTH, "birth",
                List.of("000.12.00.H56", POLICE, "000.45.00.H56"),
                List.of(BIRTH, "1.004194.000.00.00.H56", "1.002101.000.00.00.H56"));
        assertThat(eventsOf(dossierCode, "ACKNOWLEDGED")).isEqualTo(3);
    }

    @Test
    void aDeathRegistrationGoesToEveryLegsAgencyAndCompletesOnceEachAgencyAcknowledges() throws Exception {
        completesThroughAllLegs(DEATH, "death", List.of("000.12.00.H56", POLICE, "000.27.00.H56"),
                List.of(DEATH, "1.004206.000.00.00.H56", "1.001731.000.00.00.H56"));
    }

    @Test
    void aLegItsAgencyRefusesIsDeadLetteredTheOthersStillGoAndAReplayAfterTheFixCompletesTheChain() throws Exception {
        lgsp.refuseOrgans(POLICE);
        ObjectNode dossier = chainDossier(BIRTH);
        String dossierCode = dossier.path("dossierCode").asText();
        JsonNode answer = submit(dossier);
        String policeLeg = answer.path("chain").path("legs").get(1).path("messageId").asText();

        gateway.awaitState(policeLeg, "DEAD_LETTERED");
        gateway.awaitState(answer.path("chain").path("legs").get(0).path("messageId").asText(), "DELIVERED");
        gateway.awaitState(answer.path("chain").path("legs").get(2).path("messageId").asText(), "DELIVERED");
        JsonNode failed = chain(dossierCode);
        assertThat(failed.path("state").asText()).isEqualTo("FAILED");
        assertThat(failed.path("legs")).extracting(l -> l.path("state").asText())
                .containsExactly("DELIVERED", "FAILED", "DELIVERED");
        assertThat(lgsp.recordsFor(dossierCode)).extracting(r -> r.path("receivingOrgan").asText())
                .containsExactlyInAnyOrder("000.12.00.H56", "000.45.00.H56");
        assertThat(acknowledge(dossierCode, 2).statusCode()).isEqualTo(409);
        acknowledgeOk(dossierCode, 1);
        acknowledgeOk(dossierCode, 3);
        assertThat(chain(dossierCode).path("state").asText()).isEqualTo("FAILED");

        lgsp.refuseOrgans();
        HttpResponse<String> replay = http.post("/admin/dead-letters/" + policeLeg + "/replay", new byte[0],
                "X-API-Key", Http.ADMIN_KEY);
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
        gateway.awaitState(policeLeg, "DELIVERED");
        assertThat(chain(dossierCode).path("state").asText()).isEqualTo("IN_PROGRESS");
        acknowledgeOk(dossierCode, 2);

        JsonNode completed = chain(dossierCode);
        assertThat(completed.path("state").asText()).isEqualTo("COMPLETED");
        assertThat(lgsp.recordsFor(dossierCode)).extracting(r -> r.path("receivingOrgan").asText())
                .containsExactlyInAnyOrder("000.12.00.H56", POLICE, "000.45.00.H56");
    }

    @Test
    void aDossierThatStartedNoChainHasNoChainView() throws Exception {
        ObjectNode dossier = Samples.freshDossier();
        String dossierCode = dossier.path("dossierCode").asText();
        JsonNode answer = submit(dossier);

        HttpResponse<String> response = http.get("/api/v1/dossiers/" + dossierCode + "/chain",
                "X-API-Key", Http.AGENCY_KEY);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("CHAIN_NOT_FOUND");
        assertThat(answer.has("chain")).isFalse();
    }

    @Test
    void aLegNumberThatIsNotANumberIsRefusedWithThePathParameter() {
        HttpResponse<String> response = acknowledge(Samples.nextDossierCode(), "1DROP");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("PATH_PARAMETER_INVALID").doesNotContain("DROP");
    }

    @Test
    void aResubmittedChainDossierDoesNotStartTheChainAgain() throws Exception {
        ObjectNode dossier = chainDossier(DEATH);
        JsonNode first = submit(dossier);
        dossier.put("summary", "Cập nhật hồ sơ");

        JsonNode second = submit(dossier);

        assertThat(first.path("chain").path("legs")).hasSize(3);
        assertThat(second.has("chain")).isFalse();
        assertThat(chain(dossier.path("dossierCode").asText()).path("legs")).hasSize(3);
    }

    private String completesThroughAllLegs(String procedure, String name, List<String> agencies,
                                           List<String> procedures) throws Exception {
        ObjectNode dossier = chainDossier(procedure);
        String dossierCode = dossier.path("dossierCode").asText();

        JsonNode answer = submit(dossier);

        assertThat(answer.path("chain").path("name").asText()).isEqualTo(name);
        JsonNode legs = answer.path("chain").path("legs");
        assertThat(legs).hasSize(3);
        for (JsonNode leg : legs) {
            gateway.awaitState(leg.path("messageId").asText(), "DELIVERED");
        }
        JsonNode delivered = chain(dossierCode);
        assertThat(delivered.path("chain").asText()).isEqualTo(name);
        assertThat(delivered.path("state").asText()).isEqualTo("IN_PROGRESS");
        assertThat(delivered.path("legs")).extracting(l -> l.path("agency").asText())
                .containsExactlyElementsOf(agencies);
        assertThat(delivered.path("legs")).extracting(l -> l.path("procedure").asText())
                .containsExactlyElementsOf(procedures);
        assertThat(delivered.path("legs")).extracting(l -> l.path("state").asText())
                .containsOnly("DELIVERED");
        assertThat(delivered.path("legs").get(0).path("updatedAt").asText()).isNotBlank();
        List<JsonNode> received = lgsp.recordsFor(dossierCode);
        assertThat(received).extracting(r -> r.path("receivingOrgan").asText())
                .containsExactlyInAnyOrderElementsOf(agencies);
        assertThat(received).extracting(r -> r.path("document").path("DocTypeCode").asText())
                .containsExactlyInAnyOrderElementsOf(procedures);
        assertThat(received).extracting(r -> r.path("service").asText()).containsOnly("SyncDocument");

        acknowledgeOk(dossierCode, 1);
        acknowledgeOk(dossierCode, 2);
        assertThat(chain(dossierCode).path("state").asText()).isEqualTo("IN_PROGRESS");
        acknowledgeOk(dossierCode, 3);

        JsonNode completed = chain(dossierCode);
        assertThat(completed.path("state").asText()).isEqualTo("COMPLETED");
        assertThat(completed.path("legs")).extracting(l -> l.path("state").asText()).containsOnly("ACKNOWLEDGED");
        assertThat(acknowledge(dossierCode, 1).statusCode()).isEqualTo(409);
        return dossierCode;
    }

    private ObjectNode chainDossier(String procedure) {
        ObjectNode dossier = Samples.freshDossier();
        dossier.put("procedureCode", procedure);
        return dossier;
    }

    private JsonNode submit(ObjectNode dossier) throws IOException {
        HttpResponse<String> response = http.postJson("/api/v1/dossiers", Samples.JSON.writeValueAsString(dossier));
        assertThat(response.statusCode()).as(response.body()).isIn(200, 202);
        return Samples.JSON.readTree(response.body());
    }

    private JsonNode chain(String dossierCode) throws IOException {
        HttpResponse<String> response = http.get("/api/v1/dossiers/" + dossierCode + "/chain",
                "X-API-Key", Http.AGENCY_KEY);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Samples.JSON.readTree(response.body());
    }

    private HttpResponse<String> acknowledge(String dossierCode, Object leg) {
        return http.post("/api/v1/dossiers/" + dossierCode + "/chain/legs/" + leg + "/ack", new byte[0],
                "X-API-Key", Http.AGENCY_KEY);
    }

    private void acknowledgeOk(String dossierCode, int leg) {
        HttpResponse<String> response = acknowledge(dossierCode, leg);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private int eventsOf(String dossierCode, String event) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM message_event WHERE dossier_code = ? AND event = ?",
                Integer.class, dossierCode, event);
        return n == null ? 0 : n;
    }

}
