package vn.lienthong.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.lienthong.gateway.GatewayEndToEndTest;
import vn.lienthong.gateway.QueueProbe;
import vn.lienthong.gateway.Samples;
import vn.lienthong.gateway.messagelog.EventType;
import vn.lienthong.gateway.messagelog.MessageStore;

/**
 * What the platform's failures do to a message: transient ones are retried until delivered, each attempt recorded;
 * permanent ones and exhausted retries move it to the dead-letter queue with the platform's reason.
 */
class DvcqgDeliveryFailureTest extends GatewayEndToEndTest {

    @Autowired
    MessageStore store;

    @BeforeEach
    void setUp() {
        queues.awaitNothingInFlight();
    }

    @Test
    void retriesTransientFailuresAndRecordsEveryAttempt() throws Exception {
        simulator.faults("{\"failNext\":2,\"status\":503}");

        String messageId = accept();

        JsonNode message = gateway.awaitState(messageId, "DELIVERED");
        JsonNode attempts = message.path("attempts");
        assertThat(attempts).hasSize(3);
        assertThat(attempts.get(0).path("outcome").asText()).isEqualTo("TRANSIENT_FAILURE");
        assertThat(attempts.get(0).path("httpStatus").asInt()).isEqualTo(503);
        assertThat(attempts.get(0).path("reason").asText()).contains("503");
        assertThat(attempts.get(0).path("nextRetryAt").asText()).isNotBlank();
        assertThat(attempts.get(1).path("outcome").asText()).isEqualTo("TRANSIENT_FAILURE");
        assertThat(attempts.get(2).path("outcome").asText()).isEqualTo("DELIVERED");
        assertThat(store.eventsOf(messageId)).containsExactly(EventType.RECEIVED, EventType.QUEUED,
                EventType.ATTEMPT_FAILED, EventType.ATTEMPT_FAILED, EventType.DELIVERED);
    }

    @Test
    void deadLettersAtOnceWhenThePlatformRefusesTheMessage() throws Exception {
        long dlqBefore = queues.messagesAdded(QueueProbe.DVCQG_DLQ);
        simulator.faults("{\"failNext\":1,\"status\":400}");

        String messageId = accept();

        JsonNode message = gateway.awaitState(messageId, "DEAD_LETTERED");
        assertThat(message.path("attempts")).hasSize(1);
        assertThat(message.path("attempts").get(0).path("outcome").asText()).isEqualTo("PERMANENT_FAILURE");
        assertThat(message.path("attempts").get(0).path("httpStatus").asInt()).isEqualTo(400);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> queues.messagesAdded(QueueProbe.DVCQG_DLQ) == dlqBefore + 1);
        assertThat(store.eventsOf(messageId)).endsWith(EventType.DEAD_LETTERED);
    }

    @Test
    void deadLettersWhenThePlatformAnswersSuccessStatusWithAnErrorCode() throws Exception {
        simulator.faults("{\"failNext\":1,\"status\":200}");

        String messageId = accept();

        JsonNode message = gateway.awaitState(messageId, "DEAD_LETTERED");
        assertThat(message.path("attempts").get(0).path("reason").asText()).contains("error_code -9");
    }

    @Test
    void deadLettersAfterTheLastAllowedAttempt() throws Exception {
        simulator.faults("{\"failNext\":100,\"status\":502}");

        String messageId = accept();

        JsonNode message = gateway.awaitState(messageId, "DEAD_LETTERED");
        assertThat(message.path("attempts")).hasSize(4);
        assertThat(message.path("attempts")).allSatisfy(a ->
                assertThat(a.path("outcome").asText()).isEqualTo("TRANSIENT_FAILURE"));
    }

    private String accept() {
        return gateway.accept(Samples.freshDossier());
    }

}
