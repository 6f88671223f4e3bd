package vn.lienthong.gateway.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import vn.lienthong.gateway.GatewayEndToEndTest;
import vn.lienthong.gateway.Http;
import vn.lienthong.gateway.QueueProbe;
import vn.lienthong.gateway.Samples;

/** A client over its rate limit is answered 429 with Retry-After, recorded, and nothing of it is queued. */
@TestPropertySource(properties = {"lienthong.rate-limit.per-second=0.001", "lienthong.rate-limit.burst=2"})
class RateLimitTest extends GatewayEndToEndTest {

    @Test
    void answers429WithRetryAfterOnceTheBurstIsSpentAndRecordsTheRefusal() throws Exception {
        gateway.accept(Samples.freshDossier());
        gateway.accept(Samples.freshDossier());
        long enqueued = queues.messagesAdded(QueueProbe.DVCQG);
        long messages = jdbc.queryForObject("SELECT COUNT(*) FROM message", Long.class);

        HttpResponse<String> refused = http.postJson("/api/v1/dossiers",
                Samples.JSON.writeValueAsString(Samples.freshDossier()));

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(Samples.JSON.readTree(refused.body()).path("code").asText()).isEqualTo("RATE_LIMITED");
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isBetween(900L, 1000L));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM message", Long.class)).isEqualTo(messages);
        assertThat(queues.messagesAdded(QueueProbe.DVCQG)).isEqualTo(enqueued);
        Map<String, Object> rejection = jdbc.queryForMap("""
                SELECT client_id, reason_code FROM message_event WHERE event = 'REJECTED'
                ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY""");
        assertThat(rejection).containsEntry("CLIENT_ID", "sandbox-agency").containsEntry("REASON_CODE", "RATE_LIMITED");
    }

    @Test
    void eachClientHasItsOwnBucket() {
        for (int i = 0; i < 3; i++) {
            http.get("/api/v1/messages/00000000-0000-0000-0000-000000000000", "X-API-Key", Http.AGENCY_KEY);
        }

        assertThat(http.get("/audit/verify", "X-API-Key", "sandbox-auditor-key").statusCode()).isEqualTo(200);
    }
}
