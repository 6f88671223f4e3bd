package vn.lienthong.gateway;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/** Reads and steers the built-in DVCQG simulator over its HTTP API, as an operator would. */
public final class DvcqgSimulatorProbe {

    private final Http http;

    public DvcqgSimulatorProbe(Http http) {
        this.http = http;
    }

    /** Every record the simulator accepted for one dossier code. */
    public List<JsonNode> recordsFor(String dossierCode) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode entry : received().path("records")) {
            if (dossierCode.equals(entry.path("record").path("MaHoSo").asText())) {
                found.add(entry);
            }
        }
        return found;
    }

    public int duplicates() {
        return received().path("duplicates").asInt();
    }

    public JsonNode received() {
        return parse(http.get("/sim/dvcqg/received"));
    }

    public void faults(String json) {
        HttpResponse<String> response = http.post("/sim/dvcqg/faults", json.getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/json");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Simulator refused faults: " + response.body());
        }
    }

    public void reset() {
        faults("{\"reset\":true}");
    }

    private static JsonNode parse(HttpResponse<String> response) {
        try {
            return Samples.JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Simulator answered non-JSON: " + response.body(), e);
        }
    }
}
