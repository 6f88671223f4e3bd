package vn.lienthong.gateway.messagelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.lienthong.gateway.GatewayEndToEndTest;
import vn.lienthong.gateway.Samples;

/** In the running gateway, the events of a delivered dossier are sealed, a checkpoint covering them is signed, and the log verifies. */
class MessageLogEndToEndTest extends GatewayEndToEndTest {

    @Autowired
    MessageLogVerifier verifier;

    @Test
    void sealsTheEventsOfADeliveredDossierAndVerifies() {
        String messageId = gateway.accept(Samples.freshDossier());
        gateway.awaitState(messageId, "DELIVERED");

        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM message_event e WHERE e.message_id = ? AND NOT EXISTS "
                        + "(SELECT 1 FROM log_leaf l WHERE l.seq = e.seq)", Long.class, messageId) == 0);

        assertThat(jdbc.queryForList("SELECT e.event FROM message_event e JOIN log_leaf l ON l.seq = e.seq "
                + "WHERE e.message_id = ? ORDER BY l.log_index",
                String.class, messageId)).containsExactly("RECEIVED", "QUEUED", "DELIVERED");
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject("""
                SELECT COUNT(*) FROM log_checkpoint
                WHERE tree_size > (SELECT MAX(l.log_index) FROM message_event e JOIN log_leaf l ON l.seq = e.seq
                                   WHERE e.message_id = ?)""",
                Long.class, messageId) > 0);
        assertThat(verifier.verify().valid()).isTrue();
    }
}
