package vn.lienthong.gateway;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/** Reads and steers the built-in local-systems simulator (the province's document systems) over its HTTP API. */
public final class LocalSystemsProbe {

    private final Http http;

    public LocalSystemsProbe(Http http) {
        this.http = http;
    }

    /** Every delivery an organ's local system accepted of one kind ({@code DOCUMENT}, {@code STATUS}) about a document. */
    public List<JsonNode> records(String organId, String kind, String documentId) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode record : received().path("records")) {
            if (organId.equals(record.path("organId").asText()) && kind.equals(record.path("kind").asText())
                    && documentId.equals(record.path("body").path("documentId").asText())) {
                found.add(record);
            }
        }
        return found;
    }

    public int duplicates() {
        return received().path("duplicates").asInt();
    }

    public JsonNode received() {
        return parse(http.get("/sim/local/received"));
    }

    public void faults(String json) {
        HttpResponse<String> response = http.post("/sim/local/faults", json.getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/json");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("The local-systems simulator refused faults: " + response.body());
        }
    }

    public void reset() {
        faults("{\"reset\":true}");
    }

    private static JsonNode parse(HttpResponse<String> response) {
        try {
            return Samples.JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The local-systems simulator answered non-JSON: " + response.body(), e);
        }
    }
}
