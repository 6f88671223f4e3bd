package vn.lienthong.gateway.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import vn.lienthong.gateway.GatewayApi;
import vn.lienthong.gateway.Http;
import vn.lienthong.gateway.LienThongGatewayApplication;
import vn.lienthong.gateway.Samples;

/** Idempotency keys are kept in the message store: after a restart on the same data folder they still answer. */
class IdempotencyAcrossRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void answersAKeyUsedBeforeTheRestartWithTheFirstAnswer() throws Exception {
        ObjectNode dossier = Samples.freshDossier();
        String key = UUID.randomUUID().toString();
        byte[] body = Samples.JSON.writeValueAsBytes(dossier);

        HttpResponse<String> first;
        try (ConfigurableApplicationContext gateway = start()) {
            Http http = new Http(port(gateway));
            first = post(http, body, key);
            assertThat(first.statusCode()).isEqualTo(202);
            new GatewayApi(http).awaitState(Samples.JSON.readTree(first.body()).path("messageId").asText(), "DELIVERED");
        }

        try (ConfigurableApplicationContext gateway = start()) {
            Http http = new Http(port(gateway));
            HttpResponse<String> again = post(http, body, key);
            HttpResponse<String> other = post(http, Samples.JSON.writeValueAsBytes(dossier.put("status", "DONE")), key);

            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(again.body()).isEqualTo(first.body());
            assertThat(other.statusCode()).isEqualTo(409);
            assertThat(http.get("/api/v1/dossiers/" + dossier.path("dossierCode").asText() + "/messages",
                    "X-API-Key", Http.AGENCY_KEY).body()).containsOnlyOnce("\"messageId\"");
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(LienThongGatewayApplication.class)
                .run("--server.port=0", "--lienthong.data-dir=" + dataDir, "--spring.jmx.enabled=false");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static HttpResponse<String> post(Http http, byte[] body, String key) {
        return http.post("/api/v1/dossiers", body, "Content-Type", "application/json", "X-API-Key", Http.AGENCY_KEY,
                "Idempotency-Key", key);
    }
}
