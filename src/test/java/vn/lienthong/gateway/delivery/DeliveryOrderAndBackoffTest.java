package vn.lienthong.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.lienthong.gateway.GatewayEndToEndTest;
import vn.lienthong.gateway.Samples;

/**
 * Retries wait as configured (200 ms × 1.5 per attempt in the test context) or as long as the platform's Retry-After
 * asks, and a dossier whose early message waits for a retry holds back only its own later messages.
 */
class DeliveryOrderAndBackoffTest extends GatewayEndToEndTest {

    @BeforeEach
    void setUp() {
        queues.awaitNothingInFlight();
    }

    @Test
    void waitsLongerAfterEachFailedAttemptAsConfigured() {
        simulator.faults("{\"failNext\":3,\"status\":503}");

        JsonNode attempts = gateway.awaitState(gateway.accept(Samples.freshDossier()), "DELIVERED").path("attempts");

        assertThat(attempts).hasSize(4);
        assertThat(scheduledWait(attempts.get(0))).isBetween(150L, 260L);
        assertThat(scheduledWait(attempts.get(1))).isBetween(250L, 360L);
        assertThat(scheduledWait(attempts.get(2))).isBetween(400L, 510L);
        for (int i = 1; i < 4; i++) {
            assertThat(at(attempts.get(i))).isAfterOrEqualTo(nextRetryAt(attempts.get(i - 1)));
        }
    }

    @Test
    void honoursRetryAfterFromThePlatform() {
        simulator.faults("{\"failNext\":2,\"status\":503,\"retryAfterSeconds\":1}");

        JsonNode attempts = gateway.awaitState(gateway.accept(Samples.freshDossier()), "DELIVERED").path("attempts");

        assertThat(attempts).hasSize(3);
        for (int i = 0; i < 2; i++) {
            assertThat(scheduledWait(attempts.get(i))).isGreaterThanOrEqualTo(950L);
            assertThat(at(attempts.get(i + 1))).isAfterOrEqualTo(nextRetryAt(attempts.get(i)));
        }
    }

    @Test
    void holdsBackOnlyTheDossierWhoseEarlierMessageWaitsForARetry() {
        simulator.faults("{\"failNext\":1,\"status\":503,\"retryAfterSeconds\":2}");
        ObjectNode stuck = Samples.freshDossier();
        String first = gateway.accept(stuck.put("status", "ACCEPTED"));
        await().atMost(Duration.ofSeconds(10)).until(() -> gateway.message(first).path("attempts").size() == 1);

        String second = gateway.accept(stuck.deepCopy().put("status", "PROCESSING"));
        String third = gateway.accept(stuck.deepCopy().put("status", "DONE"));
        ObjectNode other = Samples.freshDossier();
        String flowing = gateway.accept(other);

        JsonNode otherDelivered = gateway.awaitState(flowing, "DELIVERED");
        assertThat(gateway.awaitState(third, "DELIVERED").path("attempts")).hasSize(1);
        JsonNode firstDelivered = gateway.awaitState(first, "DELIVERED");
        JsonNode secondDelivered = gateway.awaitState(second, "DELIVERED");
        assertThat(deliveredAt(otherDelivered)).isBefore(deliveredAt(firstDelivered));
        assertThat(deliveredAt(firstDelivered)).isBefore(deliveredAt(secondDelivered));
        List<JsonNode> records = simulator.recordsFor(stuck.path("dossierCode").asText());
        assertThat(records).extracting(r -> r.path("record").path("TrangThaiHoSo").asText())
                .containsExactly("2", "4", "9");
    }

    private static long scheduledWait(JsonNode attempt) {
        return Duration.between(at(attempt), nextRetryAt(attempt)).toMillis();
    }

    private static OffsetDateTime at(JsonNode attempt) {
        return OffsetDateTime.parse(attempt.path("at").asText());
    }

    private static OffsetDateTime nextRetryAt(JsonNode attempt) {
        return OffsetDateTime.parse(attempt.path("nextRetryAt").asText());
    }

    private static OffsetDateTime deliveredAt(JsonNode message) {
        return OffsetDateTime.parse(message.path("deliveredAt").asText());
    }

}
