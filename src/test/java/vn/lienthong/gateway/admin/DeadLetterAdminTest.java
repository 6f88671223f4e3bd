package vn.lienthong.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.activemq.artemis.api.core.management.QueueControl;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.junit.jupiter.api.Test;

import vn.lienthong.gateway.GatewayEndToEndTest;
import vn.lienthong.gateway.Http;
import vn.lienthong.gateway.Samples;

/**
 * The administrator's dead-letter API over real HTTP: list, inspect, replay one or a range, discard; admin keys only,
 * strict query parameters, and every call recorded with the administrator who made it.
 */
class DeadLetterAdminTest extends GatewayEndToEndTest {

    private static final String QUEUE = "lienthong.dossier.dvcqg";
    private static final String DLQ = QUEUE + ".dlq";
    private static final String ADMIN = "sandbox-admin";

    @Test
    void listsInspectsAndReplaysADeadLetterWhichIsThenDeliveredExactlyOnce() throws Exception {
        OffsetDateTime from = now().minusSeconds(1);
        DeadLetter dead = deadLetter();
        String range = "destination=DVCQG&from=" + encode(from) + "&to=" + encode(now().plusMinutes(1));

        long mark = lastEventSeq();
        HttpResponse<String> listed = http.get("/admin/dead-letters?" + range, "X-API-Key", Http.ADMIN_KEY);
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        assertThat(listed.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode list = Samples.JSON.readTree(listed.body());
        assertThat(list.path("limit").asInt()).isEqualTo(100);
        assertThat(list.path("offset").asInt()).isZero();
        JsonNode entry = entryFor(list, dead.messageId());
        assertThat(entry.path("state").asText()).isEqualTo("DEAD_LETTERED");
        assertThat(entry.path("destination").asText()).isEqualTo("DVCQG");
        assertThat(entry.path("dossierCode").asText()).isEqualTo(dead.dossierCode());
        assertThat(entry.path("deadLetteredAt").asText()).isNotBlank();
        assertThat(adminEventsSince(mark)).anySatisfy(e -> {
            assertThat(e.get("EVENT")).isEqualTo("ADMIN_ACTION");
            assertThat((String) e.get("DETAIL")).startsWith("listed dead letters destination=DVCQG");
            assertThat(e.get("REMOTE_ADDRESS")).isNotNull();
        });

        mark = lastEventSeq();
        JsonNode inspected = json(http.get("/admin/dead-letters/" + dead.messageId(), "X-API-Key", Http.ADMIN_KEY), 200);
        assertThat(inspected.path("messageId").asText()).isEqualTo(dead.messageId());
        assertThat(inspected.path("state").asText()).isEqualTo("DEAD_LETTERED");
        assertThat(inspected.path("deadLetteredAt").asText()).isNotBlank();
        assertThat(inspected.path("attempts")).hasSize(1);
        assertThat(inspected.path("attempts").get(0).path("outcome").asText()).isEqualTo("PERMANENT_FAILURE");
        assertThat(inspected.path("attempts").get(0).path("httpStatus").asInt()).isEqualTo(400);
        assertThat(inspected.path("payload").isObject()).isTrue();
        assertThat(inspected.path("payload")).isEqualTo(dead.dossier());
        assertThat(adminEventsSince(mark)).anySatisfy(e ->
                assertThat(e.get("DETAIL")).isEqualTo("inspected dead letter " + dead.messageId()));

        assertThat(simulator.recordsFor(dead.dossierCode())).isEmpty();
        int duplicatesBefore = simulator.duplicates();
        mark = lastEventSeq();
        JsonNode replayed = json(http.post("/admin/dead-letters/" + dead.messageId() + "/replay", new byte[0],
                "X-API-Key", Http.ADMIN_KEY), 200);
        assertThat(replayed.path("messageId").asText()).isEqualTo(dead.messageId());
        assertThat(replayed.path("replayed").asBoolean()).isTrue();

        JsonNode delivered = gateway.awaitState(dead.messageId(), "DELIVERED");
        assertThat(delivered.path("attempts")).extracting(a -> a.path("outcome").asText())
                .containsExactly("PERMANENT_FAILURE", "DELIVERED");
        queues.awaitNothingInFlight();
        assertThat(simulator.recordsFor(dead.dossierCode())).hasSize(1);
        assertThat(simulator.duplicates()).isEqualTo(duplicatesBefore);
        assertThat(dlqCopiesOf(dead.messageId())).isZero();
        assertThat(adminEventsSince(mark)).anySatisfy(e -> {
            assertThat(e.get("EVENT")).isEqualTo("REPLAYED");
            assertThat(e.get("MESSAGE_ID")).isEqualTo(dead.messageId());
        });
    }

    @Test
    void replaysEveryDeadLetterOfADestinationAndTimeRangeOldestFirst() throws Exception {
        OffsetDateTime from = now().minusNanos(1000);
        DeadLetter first = deadLetter();
        DeadLetter second = deadLetter();
        String range = "destination=DVCQG&from=" + encode(from) + "&to=" + encode(now().plusMinutes(1));

        long mark = lastEventSeq();
        JsonNode answer = json(http.post("/admin/dead-letters/replay?" + range, new byte[0],
                "X-API-Key", Http.ADMIN_KEY), 200);

        assertThat(answer.path("replayed")).extracting(JsonNode::asText)
                .containsExactly(first.messageId(), second.messageId());
        assertThat(answer.path("count").asInt()).isEqualTo(2);
        gateway.awaitState(first.messageId(), "DELIVERED");
        gateway.awaitState(second.messageId(), "DELIVERED");
        assertThat(simulator.recordsFor(first.dossierCode())).hasSize(1);
        assertThat(simulator.recordsFor(second.dossierCode())).hasSize(1);
        assertThat(dlqCopiesOf(first.messageId()) + dlqCopiesOf(second.messageId())).isZero();
        List<Map<String, Object>> events = adminEventsSince(mark);
        assertThat(events).filteredOn(e -> "REPLAYED".equals(e.get("EVENT"))).extracting(e -> e.get("MESSAGE_ID"))
                .containsExactly(first.messageId(), second.messageId());
        assertThat(events).anySatisfy(e -> assertThat((String) e.get("DETAIL"))
                .startsWith("replayed dead letters destination=DVCQG").endsWith(": 2 replayed"));
    }

    @Test
    void discardsADeadLetterOnlyWithAReason() throws Exception {
        DeadLetter dead = deadLetter();
        String path = "/admin/dead-letters/" + dead.messageId();

        assertProblem(http.delete(path, "X-API-Key", Http.ADMIN_KEY), 400, "REASON_REQUIRED");
        assertProblem(http.delete(path + "?reason=%20%20", "X-API-Key", Http.ADMIN_KEY), 400, "REASON_REQUIRED");
        assertThat(dlqCopiesOf(dead.messageId())).isEqualTo(1);

        long mark = lastEventSeq();
        JsonNode discarded = json(http.delete(path + "?reason=" + encode("sent twice by the agency"),
                "X-API-Key", Http.ADMIN_KEY), 200);

        assertThat(discarded.path("messageId").asText()).isEqualTo(dead.messageId());
        assertThat(discarded.path("state").asText()).isEqualTo("DISCARDED");
        assertThat(gateway.message(dead.messageId()).path("state").asText()).isEqualTo("DISCARDED");
        assertThat(dlqCopiesOf(dead.messageId())).isZero();
        assertThat(adminEventsSince(mark)).anySatisfy(e -> {
            assertThat(e.get("EVENT")).isEqualTo("DISCARDED");
            assertThat(e.get("MESSAGE_ID")).isEqualTo(dead.messageId());
            assertThat(e.get("DETAIL")).isEqualTo("sent twice by the agency");
        });
        assertProblem(http.post(path + "/replay", new byte[0], "X-API-Key", Http.ADMIN_KEY), 409,
                "MESSAGE_NOT_DEAD_LETTERED");
        assertProblem(http.delete(path + "?reason=again", "X-API-Key", Http.ADMIN_KEY), 409,
                "MESSAGE_NOT_DEAD_LETTERED");
    }

    @Test
    void refusesToReplayAMessageThatIsNotDeadLettered() {
        String messageId = gateway.accept(Samples.freshDossier());
        gateway.awaitState(messageId, "DELIVERED");

        assertProblem(http.post("/admin/dead-letters/" + messageId + "/replay", new byte[0],
                "X-API-Key", Http.ADMIN_KEY), 409, "MESSAGE_NOT_DEAD_LETTERED");
        assertProblem(http.get("/admin/dead-letters/" + messageId, "X-API-Key", Http.ADMIN_KEY), 404, "NOT_FOUND");
        assertProblem(http.post("/admin/dead-letters/00000000-0000-4000-8000-000000000000/replay", new byte[0],
                "X-API-Key", Http.ADMIN_KEY), 404, "NOT_FOUND");
        assertProblem(http.get("/admin/dead-letters/not-a-uuid", "X-API-Key", Http.ADMIN_KEY), 400,
                "PATH_PARAMETER_INVALID");
    }

    @Test
    void needsAnAdministratorsKeyAndRecordsWhoWasRefused() {
        long mark = lastEventSeq();

        assertProblem(http.get("/admin/dead-letters", "X-API-Key", Http.AGENCY_KEY), 403, "FORBIDDEN");
        assertProblem(http.get("/admin/dead-letters"), 401, "AUTHENTICATION_REQUIRED");
        assertProblem(http.post("/admin/dead-letters/replay?destination=DVCQG", new byte[0],
                "X-API-Key", Http.AGENCY_KEY), 403, "FORBIDDEN");
        assertProblem(http.delete("/admin/dead-letters/00000000-0000-4000-8000-000000000000?reason=x",
                "X-API-Key", "sandbox-auditor-key"), 403, "FORBIDDEN");

        assertThat(jdbc.queryForList("SELECT client_id, reason_code FROM message_event WHERE seq > ? AND event = ?",
                mark, "REJECTED")).extracting(e -> e.get("CLIENT_ID") + "/" + e.get("REASON_CODE"))
                .contains("sandbox-agency/FORBIDDEN", "null/AUTHENTICATION_REQUIRED", "sandbox-auditor/FORBIDDEN");
    }

    @Test
    void refusesBadQueryParametersWithProblemDetails() throws Exception {
        assertViolation("/admin/dead-letters?from=yesterday", "from");
        assertViolation("/admin/dead-letters?limit=5000", "limit");
        assertViolation("/admin/dead-letters?offset=-1", "offset");
        assertViolation("/admin/dead-letters?destination=XYZ", "destination");
        assertViolation("/admin/dead-letters?from=2024-01-02T00:00:00Z&to=2024-01-01T00:00:00Z", "to");
        assertViolation("/admin/dead-letters?to=2024-01-01T00:00:00", "to");
        HttpResponse<String> noDestination = http.post("/admin/dead-letters/replay", new byte[0],
                "X-API-Key", Http.ADMIN_KEY);
        assertProblem(noDestination, 400, "QUERY_PARAMETER_INVALID");
        assertThat(Samples.JSON.readTree(noDestination.body()).path("errors").get(0).path("pointer").asText())
                .isEqualTo("destination");
    }

    /** A fresh dossier the platform refused once, so that it sits in the dead-letter queue. */
    private DeadLetter deadLetter() {
        queues.awaitNothingInFlight();
        simulator.faults("{\"failNext\":1,\"status\":400}");
        ObjectNode dossier = Samples.freshDossier();
        String messageId = gateway.accept(dossier);
        gateway.awaitState(messageId, "DEAD_LETTERED");
        await().atMost(Duration.ofSeconds(10)).until(() -> dlqCopiesOf(messageId) == 1);
        return new DeadLetter(messageId, dossier.path("dossierCode").asText(), dossier);
    }

    private void assertViolation(String path, String pointer) throws Exception {
        HttpResponse<String> response = http.get(path, "X-API-Key", Http.ADMIN_KEY);
        assertProblem(response, 400, "QUERY_PARAMETER_INVALID");
        JsonNode problem = Samples.JSON.readTree(response.body());
        assertThat(problem.path("errors")).extracting(e -> e.path("pointer").asText()).containsExactly(pointer);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        try {
            assertThat(Samples.JSON.readTree(response.body()).path("code").asText()).isEqualTo(code);
        } catch (Exception e) {
            throw new AssertionError(response.body(), e);
        }
    }

    private static JsonNode json(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return Samples.JSON.readTree(response.body());
    }

    private static JsonNode entryFor(JsonNode list, String messageId) {
        for (JsonNode entry : list.path("deadLetters")) {
            if (messageId.equals(entry.path("messageId").asText())) {
                return entry;
            }
        }
        throw new AssertionError("Dead letter " + messageId + " is not listed: " + list);
    }

    private long lastEventSeq() {
        Long seq = jdbc.queryForObject("SELECT COALESCE(MAX(seq), 0) FROM message_event", Long.class);
        return seq == null ? 0 : seq;
    }

    private List<Map<String, Object>> adminEventsSince(long seq) {
        return jdbc.queryForList("""
                SELECT event, message_id, detail, remote_address FROM message_event
                WHERE seq > ? AND client_id = ? ORDER BY seq""", seq, ADMIN);
    }

    private long dlqCopiesOf(String messageId) throws Exception {
        Object control = broker.getActiveMQServer().getManagementService().getResource(ResourceNames.QUEUE + DLQ);
        return control == null ? 0 : ((QueueControl) control).countMessages("lienthongMessageId = '" + messageId + "'");
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    private static String encode(OffsetDateTime time) {
        return encode(time.toString());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private record DeadLetter(String messageId, String dossierCode, ObjectNode dossier) {
    }
}
