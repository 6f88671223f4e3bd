package vn.lienthong.gateway.messagelog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

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
    void refusesAdministratorsAgenciesAndStrangers() {
        assertThat(http.get("/audit/verify", "X-API-Key", Http.ADMIN_KEY).statusCode()).isEqualTo(403);
        assertThat(http.get("/audit/verify", "X-API-Key", Http.AGENCY_KEY).statusCode()).isEqualTo(403);
        assertThat(http.get("/audit/verify").statusCode()).isEqualTo(401);
    }
}
