package vn.lienthong.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The gateway's REST API as an agency system uses it in tests: submit a dossier, wait for its message's state. */
public final class GatewayApi {

    private final Http http;

    public GatewayApi(Http http) {
        this.http = http;
    }

    /** Submits a dossier, asserts it was accepted, and returns its message id. */
    public String accept(ObjectNode dossier) {
        try {
            HttpResponse<String> response = http.postJson("/api/v1/dossiers", Samples.JSON.writeValueAsString(dossier));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            return Samples.JSON.readTree(response.body()).path("messageId").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the message reaches the state, and returns its status document. */
    public JsonNode awaitState(String messageId, String state) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> message(messageId), m -> state.equals(m.path("state").asText()));
    }

    public JsonNode message(String messageId) throws IOException {
        return Samples.JSON.readTree(http.get("/api/v1/messages/" + messageId, "X-API-Key", Http.AGENCY_KEY).body());
    }
}
