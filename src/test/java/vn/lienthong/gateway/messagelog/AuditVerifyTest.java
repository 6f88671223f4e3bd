package vn.lienthong.gateway.messagelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import vn.lienthong.gateway.GatewayEndToEndTest;
import vn.lienthong.gateway.Http;
import vn.lienthong.gateway.Samples;

/** {@code GET /audit/verify} checks the live log for an auditor only, and records who asked. */
class AuditVerifyTest extends GatewayEndToEndTest {

    @Test
    void answersAnAuditorWithTheVerdictOnTheLiveLog() throws Exception {
        gateway.awaitState(gateway.accept(Samples.freshDossier()), "DELIVERED");

        HttpResponse<String> response = http.get("/audit/verify", "X-API-Key", "sandbox-auditor-key");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode verdict = Samples.JSON.readTree(response.body());
        assertThat(verdict.path("valid").asBoolean()).isTrue();
        assertThat(verdict.has("badIndex")).isFalse();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM message_event WHERE event = 'AUDIT_ACTION' "
                + "AND client_id = 'sandbox-auditor'", Long.class)).isPositive();
    }

    @Test
    void answersThatAStoredSubtreeWasTamperedWith() throws Exception {
        for (int i = 0; i < 70; i++) {
            jdbc.update("INSERT INTO message_event (occurred_at, event, channel, client_id, detail) VALUES (?, ?, ?, ?, ?)",
                    OffsetDateTime.now(ZoneOffset.UTC), "ADMIN_ACTION", "ADMIN", "sandbox-admin", "test action " + i);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM log_subtree WHERE first_index = 0 AND height = 6", Long.class) == 1);
        String kept = jdbc.queryForObject("SELECT hash FROM log_subtree WHERE first_index = 0 AND height = 6", String.class);
        jdbc.update("UPDATE log_subtree SET hash = ? WHERE first_index = 0 AND height = 6", "ab".repeat(32));
        try {
            HttpResponse<String> response = http.get("/audit/verify", "X-API-Key", "sandbox-auditor-key");

            JsonNode verdict = Samples.JSON.readTree(response.body());
            assertThat(verdict.path("valid").asBoolean()).isFalse();
            assertThat(verdict.path("badIndex").asLong()).isZero();
            assertThat(verdict.path("problem").asText()).contains("subtree of entries 0 to 63");
        } finally {
            jdbc.update("UPDATE log_subtree SET hash = ? WHERE first_index = 0 AND height = 6", kept);
        }
    }

    @Test
    void refusesAdministratorsAgenciesAndStrangers() {
        assertThat(http.get("/audit/verify", "X-API-Key", Http.ADMIN_KEY).statusCode()).isEqualTo(403);
        assertThat(http.get("/audit/verify", "X-API-Key", Http.AGENCY_KEY).statusCode()).isEqualTo(403);
        assertThat(http.get("/audit/verify").statusCode()).isEqualTo(401);
    }
}
