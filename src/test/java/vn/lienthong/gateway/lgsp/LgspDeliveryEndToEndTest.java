package vn.lienthong.gateway.lgsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import vn.lienthong.gateway.GatewayEndToEndTest;
import vn.lienthong.gateway.Http;
import vn.lienthong.gateway.QueueProbe;
import vn.lienthong.gateway.Samples;

/**
 * Dossiers routed to LGSP by the sandbox's routing rules, end to end through the LGSP simulator over real HTTP: one
 * message per destination, progress after its dossier, retries, dead letters, and the OAuth2 token renewed once, never
 * shown, when it expires or is refused in the middle of a run.
 */
@ExtendWith(OutputCaptureExtension.class)
class LgspDeliveryEndToEndTest extends GatewayEndToEndTest {

    private static final String SANDBOX_SECRET = "sandbox-lgsp-secret";

    @Autowired
    LgspTokens tokens;

    @BeforeEach
    void nothingElseInFlight() {
        queues.awaitNothingInFlight();
    }

    @AfterEach
    void quietLogs() {
        LoggingSystem.get(getClass().getClassLoader()).setLogLevel("vn.lienthong.gateway", null);
    }

    @Test
    void aRoutedProcedureGoesToBothPlatformsAsTwoMessages() throws Exception {
        ObjectNode dossier = Samples.freshLgspDossier();
        String dossierCode = dossier.path("dossierCode").asText();

        JsonNode answer = submit(dossier, 202);

        assertThat(answer.path("destinations")).extracting(JsonNode::asText).containsExactly("DVCQG", "LGSP");
        String dvcqgId = messageIdFor(answer, "DVCQG");
        String lgspId = messageIdFor(answer, "LGSP");
        assertThat(answer.path("messageId").asText()).isEqualTo(dvcqgId);
        assertThat(lgspId).isNotEqualTo(dvcqgId);
        gateway.awaitState(dvcqgId, "DELIVERED");
        JsonNode lgspMessage = gateway.awaitState(lgspId, "DELIVERED");
        assertThat(lgspMessage.path("destination").asText()).isEqualTo("LGSP");
        assertThat(lgspMessage.path("kind").asText()).isEqualTo("DOSSIER");
        assertThat(lgspMessage.path("dossierCode").asText()).isEqualTo(dossierCode);
        assertThat(lgspMessage.path("deliveredAt").asText()).isNotBlank();
        assertThat(lgspMessage.path("attempts")).hasSize(1);
        assertThat(lgspMessage.path("attempts").get(0).path("outcome").asText()).isEqualTo("DELIVERED");
        assertThat(lgspMessage.path("attempts").get(0).path("httpStatus").asInt()).isEqualTo(200);

        List<JsonNode> received = lgsp.recordsFor(dossierCode);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).path("service").asText()).isEqualTo("SyncDocument");
        assertThat(received.get(0).path("idempotencyKey").asText()).isEqualTo(lgspId);
        assertThat(received.get(0).path("document").path("DocTypeCode").asText()).isEqualTo("1.000894.000.00.00.H56");
        assertThat(simulator.recordsFor(dossierCode)).hasSize(1);
        JsonNode listed = Samples.JSON.readTree(http.get("/api/v1/dossiers/" + dossierCode + "/messages",
                "X-API-Key", Http.AGENCY_KEY).body()).path("messages");
        assertThat(listed).extracting(m -> m.path("destination").asText()).containsExactly("DVCQG", "LGSP");
    }

    @Test
    void aProcedureNoRuleRoutesToLgspGoesToDvcqgOnly() throws Exception {
        ObjectNode dossier = Samples.freshDossier();
        String dossierCode = dossier.path("dossierCode").asText();

        JsonNode answer = submit(dossier, 202);

        assertThat(answer.path("destinations")).extracting(JsonNode::asText).containsExactly("DVCQG");
        assertThat(answer.path("messages")).hasSize(1);
        gateway.awaitState(answer.path("messageId").asText(), "DELIVERED");
        assertThat(lgsp.recordsFor(dossierCode)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM message WHERE dossier_code = ?", Integer.class,
                dossierCode)).isOne();
    }

    @Test
    void progressFollowsItsDossierToLgspAndArrivesAfterTheDossierEvenWhileItsSyncIsRetried() throws Exception {
        lgsp.faults("{\"failNext\":2,\"status\":503}");
        ObjectNode dossier = Samples.freshLgspDossier();
        String dossierCode = dossier.path("dossierCode").asText();
        JsonNode synced = submit(dossier, 202);

        HttpResponse<String> step = http.post("/api/v1/dossiers/" + dossierCode + "/progress",
                Files.readAllBytes(Path.of("samples/progress.json")), "Content-Type", "application/json",
                "X-API-Key", Http.AGENCY_KEY);

        assertThat(step.statusCode()).as(step.body()).isEqualTo(202);
        JsonNode progress = Samples.JSON.readTree(step.body());
        assertThat(progress.path("destinations")).extracting(JsonNode::asText).containsExactly("DVCQG", "LGSP");
        JsonNode syncToLgsp = gateway.awaitState(messageIdFor(synced, "LGSP"), "DELIVERED");
        gateway.awaitState(messageIdFor(progress, "LGSP"), "DELIVERED");
        gateway.awaitState(messageIdFor(progress, "DVCQG"), "DELIVERED");
        assertThat(syncToLgsp.path("attempts")).hasSize(3);
        List<JsonNode> received = lgsp.recordsFor(dossierCode);
        assertThat(received).extracting(r -> r.path("service").asText())
                .containsExactly("SyncDocument", "UpdateDocumentTraces");
        JsonNode trace = received.get(1).path("document");
        assertThat(trace.path("UserName").asText()).isEqualTo("Nguyễn Thị Lan");
        assertThat(trace.path("Status").asInt()).isEqualTo(4);
        assertThat(trace.path("DateCreated").asText()).isEqualTo("2024-01-02T08:30:00.000+0700");
        assertThat(trace.path("OrganizationInchargeName").asText()).isEqualTo("UBND xã Hải Trường");
        assertThat(simulator.recordsFor(dossierCode)).extracting(r -> r.path("service").asText())
                .containsExactly("DongBoHoSoMC", "CapNhatTienDoHoSoMC");
    }

    @Test
    void transientLgspFailuresAreRetriedWithoutHoldingBackTheDvcqgMessage() throws Exception {
        lgsp.faults("{\"failNext\":2,\"status\":503,\"retryAfterSeconds\":1}");

        JsonNode answer = submit(Samples.freshLgspDossier(), 202);

        JsonNode toDvcqg = gateway.awaitState(messageIdFor(answer, "DVCQG"), "DELIVERED");
        JsonNode toLgsp = gateway.awaitState(messageIdFor(answer, "LGSP"), "DELIVERED");
        assertThat(toDvcqg.path("attempts")).hasSize(1);
        assertThat(toLgsp.path("attempts")).extracting(a -> a.path("outcome").asText())
                .containsExactly("TRANSIENT_FAILURE", "TRANSIENT_FAILURE", "DELIVERED");
        assertThat(toLgsp.path("attempts").get(0).path("httpStatus").asInt()).isEqualTo(503);
    }

    @Test
    void aRecordLgspRefusesIsDeadLetteredOnItsOwnQueueAndCanBeReplayed() throws Exception {
        long dlqBefore = queues.messagesAdded(QueueProbe.LGSP_DLQ);
        lgsp.faults("{\"failNext\":1,\"status\":400}");
        ObjectNode dossier = Samples.freshLgspDossier();

        JsonNode answer = submit(dossier, 202);

        String lgspId = messageIdFor(answer, "LGSP");
        JsonNode dead = gateway.awaitState(lgspId, "DEAD_LETTERED");
        assertThat(dead.path("attempts")).hasSize(1);
        assertThat(dead.path("attempts").get(0).path("outcome").asText()).isEqualTo("PERMANENT_FAILURE");
        assertThat(dead.path("attempts").get(0).path("httpStatus").asInt()).isEqualTo(400);
        await().atMost(Duration.ofSeconds(10)).until(() -> queues.messagesAdded(QueueProbe.LGSP_DLQ) == dlqBefore + 1);
        gateway.awaitState(messageIdFor(answer, "DVCQG"), "DELIVERED");

        HttpResponse<String> replay = http.post("/admin/dead-letters/" + lgspId + "/replay", new byte[0],
                "X-API-Key", Http.ADMIN_KEY);

        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
        gateway.awaitState(lgspId, "DELIVERED");
        assertThat(lgsp.recordsFor(dossier.path("dossierCode").asText())).hasSize(1);
    }

    @Test
    void aRepeatedIdempotencyKeyAnswersBothMessagesAgainAndStoresNothingNew() throws Exception {
        ObjectNode dossier = Samples.freshLgspDossier();
        byte[] body = Samples.JSON.writeValueAsBytes(dossier);

        HttpResponse<String> first = http.post("/api/v1/dossiers", body, "Content-Type", "application/json",
                "X-API-Key", Http.AGENCY_KEY, "Idempotency-Key", "lgsp-twice-" + dossier.path("dossierCode").asText());
        HttpResponse<String> again = http.post("/api/v1/dossiers", body, "Content-Type", "application/json",
                "X-API-Key", Http.AGENCY_KEY, "Idempotency-Key", "lgsp-twice-" + dossier.path("dossierCode").asText());

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(Samples.JSON.readTree(again.body())).isEqualTo(Samples.JSON.readTree(first.body()));
        assertThat(Samples.JSON.readTree(again.body()).path("messages")).hasSize(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM message WHERE dossier_code = ?", Integer.class,
                dossier.path("dossierCode").asText())).isEqualTo(2);
    }

    @Test
    void aTokenExpiringOrRefusedInTheMiddleOfARunIsRenewedOnceLosesNothingAndIsNeverShown(CapturedOutput output)
            throws Exception {
        LoggingSystem.get(getClass().getClassLoader()).setLogLevel("vn.lienthong.gateway", LogLevel.DEBUG);
        gateway.awaitState(messageIdFor(submit(Samples.freshLgspDossier(), 202), "LGSP"), "DELIVERED");
        String tokenBefore = tokens.bearer();
        long issuedBefore = lgsp.tokensIssued();

        // every token expires at once, and slow replies keep several workers' calls with the old token in flight
        lgsp.faults("{\"expireTokens\":true,\"delayMs\":300}");
        List<String> codes = new ArrayList<>();
        List<CompletableFuture<JsonNode>> answers = new ArrayList<>();
        ExecutorService agencies = Executors.newFixedThreadPool(6);
        try {
            for (int i = 0; i < 6; i++) {
                ObjectNode dossier = Samples.freshLgspDossier();
                codes.add(dossier.path("dossierCode").asText());
                answers.add(CompletableFuture.supplyAsync(() -> submit(dossier, 202), agencies));
            }
            List<String> lgspIds = new ArrayList<>();
            for (CompletableFuture<JsonNode> answer : answers) {
                lgspIds.add(messageIdFor(answer.get(), "LGSP"));
            }
            lgspIds.forEach(id -> gateway.awaitState(id, "DELIVERED"));
        } finally {
            agencies.shutdownNow();
        }
        assertThat(lgsp.tokensIssued()).isEqualTo(issuedBefore + 1);
        String tokenBetween = tokens.bearer();

        lgsp.faults("{\"failNext\":1,\"status\":401,\"delayMs\":0}");
        ObjectNode last = Samples.freshLgspDossier();
        codes.add(last.path("dossierCode").asText());
        JsonNode delivered = gateway.awaitState(messageIdFor(submit(last, 202), "LGSP"), "DELIVERED");

        assertThat(delivered.path("attempts")).hasSize(1);
        assertThat(lgsp.tokensIssued()).isEqualTo(issuedBefore + 2);
        for (String code : codes) {
            assertThat(lgsp.recordsFor(code)).as(code).hasSize(1);
        }
        String tokenAfter = tokens.bearer();
        assertThat(List.of(tokenBefore, tokenBetween, tokenAfter)).doesNotHaveDuplicates();
        List<String> secrets = List.of(tokenBefore, tokenBetween, tokenAfter, SANDBOX_SECRET);
        assertThat(output.getAll()).contains("Obtained an LGSP access token");
        String logged = String.join("\n", jdbc.queryForList(
                "SELECT COALESCE(detail, '') || ' ' || COALESCE(reason_code, '') FROM message_event", String.class))
                + String.join("\n", jdbc.queryForList("SELECT COALESCE(reason, '') FROM delivery_attempt", String.class));
        String metrics = http.get("/actuator/prometheus").body();
        for (String secret : secrets) {
            assertThat(output.getAll()).doesNotContain(secret);
            assertThat(logged).doesNotContain(secret);
            assertThat(metrics).doesNotContain(secret);
        }
        assertThat(http.get("/actuator/env").statusCode()).isEqualTo(404);
        assertThat(http.get("/actuator/configprops").statusCode()).isEqualTo(404);
    }

    @Test
    void shortLivedTokensAreRenewedBeforeTheyExpireWhileDossiersKeepFlowing() throws Exception {
        lgsp.faults("{\"tokenLifetimeSeconds\":2,\"expireTokens\":true}");
        long issuedBefore = lgsp.tokensIssued();
        List<String> codes = new ArrayList<>();
        List<String> lgspIds = new ArrayList<>();
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();

        while (System.nanoTime() < end) {
            ObjectNode dossier = Samples.freshLgspDossier();
            codes.add(dossier.path("dossierCode").asText());
            lgspIds.add(messageIdFor(submit(dossier, 202), "LGSP"));
            gateway.awaitState(lgspIds.get(lgspIds.size() - 1), "DELIVERED");
        }

        for (String id : lgspIds) {
            assertThat(gateway.message(id).path("attempts")).as(id).hasSize(1);
        }
        for (String code : codes) {
            assertThat(lgsp.recordsFor(code)).as(code).hasSize(1);
        }
        assertThat(lgsp.tokensIssued() - issuedBefore).isGreaterThanOrEqualTo(3);
    }

    private JsonNode submit(ObjectNode dossier, int expectedStatus) {
        try {
            HttpResponse<String> response = http.postJson("/api/v1/dossiers", Samples.JSON.writeValueAsString(dossier));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
            return Samples.JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messageIdFor(JsonNode answer, String destination) {
        for (JsonNode message : answer.path("messages")) {
            if (destination.equals(message.path("destination").asText())) {
                return message.path("messageId").asText();
            }
        }
        throw new AssertionError("no message for " + destination + " in " + answer);
    }
}
