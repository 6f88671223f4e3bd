package vn.lienthong.gateway.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;

import vn.lienthong.gateway.GatewayEndToEndTest;
import vn.lienthong.gateway.Http;
import vn.lienthong.gateway.Samples;

/** A repeated idempotency key gets the first answer for the same body and a 409 for another; one message results. */
class IdempotencyTest extends GatewayEndToEndTest {

    @Test
    void answersARepeatedKeyAndBodyWithTheFirstAnswerAndSendsOnce() throws Exception {
        ObjectNode dossier = Samples.freshDossier();
        String key = UUID.randomUUID().toString();

        HttpResponse<String> first = post(Samples.JSON.writeValueAsString(dossier), key);
        String reordered = "{ \"status\" : \"ACCEPTED\", " + Samples.JSON.writeValueAsString(dossier.deepCopy()
                .without("status")).substring(1);
        HttpResponse<String> again = post(reordered, key);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(Samples.JSON.readTree(again.body())).isEqualTo(Samples.JSON.readTree(first.body()));
        String messageId = Samples.JSON.readTree(first.body()).path("messageId").asText();
        gateway.awaitState(messageId, "DELIVERED");
        assertThat(messagesOf(dossier)).isEqualTo(1);
        assertThat(simulator.recordsFor(dossier.path("dossierCode").asText())).hasSize(1);
        assertThat(post(Samples.JSON.writeValueAsString(dossier), key).statusCode()).isEqualTo(200);
    }

    @Test
    void refusesARepeatedKeyWithAnotherBody() throws Exception {
        ObjectNode dossier = Samples.freshDossier();
        String key = UUID.randomUUID().toString();
        assertThat(post(Samples.JSON.writeValueAsString(dossier), key).statusCode()).isEqualTo(202);

        HttpResponse<String> other = post(Samples.JSON.writeValueAsString(dossier.put("status", "PROCESSING")), key);

        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(Samples.JSON.readTree(other.body()).path("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(messagesOf(dossier)).isEqualTo(1);
    }

    @Test
    void takesTheBodyMessageIdAsTheKey() throws Exception {
        ObjectNode dossier = Samples.freshDossier().put("messageId", "mc-" + UUID.randomUUID());

        HttpResponse<String> first = post(Samples.JSON.writeValueAsString(dossier), null);
        HttpResponse<String> again = post(Samples.JSON.writeValueAsString(dossier), null);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
    }

    @Test
    void refusesAHeaderKeyThatDiffersFromTheBodyMessageId() throws Exception {
        ObjectNode dossier = Samples.freshDossier().put("messageId", "body-key");

        HttpResponse<String> response = post(Samples.JSON.writeValueAsString(dossier), "header-key");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Samples.JSON.readTree(response.body()).path("code").asText()).isEqualTo("IDEMPOTENCY_KEY_INVALID");
    }

    @Test
    void refusesAMalformedKey() throws Exception {
        HttpResponse<String> response = post(Samples.JSON.writeValueAsString(Samples.freshDossier()), "no spaces/allowed");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Samples.JSON.readTree(response.body()).path("code").asText()).isEqualTo("IDEMPOTENCY_KEY_INVALID");
    }

    @Test
    void acceptsConcurrentPostsWithOneKeyAsOneMessage() throws Exception {
        ObjectNode dossier = Samples.freshDossier();
        String body = Samples.JSON.writeValueAsString(dossier);
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<HttpResponse<String>>> answers;
        try {
            List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(() -> post(body, key));
            }
            answers = pool.invokeAll(calls);
        } finally {
            pool.shutdown();
        }

        List<Integer> statuses = new ArrayList<>();
        List<String> messageIds = new ArrayList<>();
        for (Future<HttpResponse<String>> answer : answers) {
            statuses.add(answer.get().statusCode());
            messageIds.add(Samples.JSON.readTree(answer.get().body()).path("messageId").asText());
        }
        assertThat(statuses).containsOnly(202, 200).filteredOn(s -> s == 202).hasSize(1);
        assertThat(messageIds).containsOnly(messageIds.get(0));
        assertThat(messagesOf(dossier)).isEqualTo(1);
        gateway.awaitState(messageIds.get(0), "DELIVERED");
        assertThat(simulator.recordsFor(dossier.path("dossierCode").asText())).hasSize(1);
    }

    private HttpResponse<String> post(String body, String key) {
        List<String> headers = new ArrayList<>(List.of("Content-Type", "application/json", "X-API-Key", Http.AGENCY_KEY));
        if (key != null) {
            headers.addAll(List.of("Idempotency-Key", key));
        }
        return http.post("/api/v1/dossiers", body.getBytes(StandardCharsets.UTF_8), headers.toArray(String[]::new));
    }

    private long messagesOf(JsonNode dossier) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM message WHERE dossier_code = ?", Long.class,
                dossier.path("dossierCode").asText());
        return n == null ? 0 : n;
    }
}
