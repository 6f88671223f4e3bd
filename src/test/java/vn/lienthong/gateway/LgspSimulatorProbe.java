package vn.lienthong.gateway;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads and steers the built-in LGSP simulator over its HTTP API, as an operator would. */
public final class LgspSimulatorProbe extends SimulatorProbe {

    public LgspSimulatorProbe(Http http) {
        super(http, "/sim/lgsp", "", "The LGSP simulator");
    }

    /** Every record (SyncDocument and UpdateDocumentTraces) the simulator accepted for one dossier code, in order. */
    public List<JsonNode> recordsFor(String dossierCode) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode entry : received().path("records")) {
            if (dossierCode.equals(entry.path("document").path("DocCode").asText())) {
                found.add(entry);
            }
        }
        return found;
    }

    /** How many tokens the simulator has issued since it started. */
    public long tokensIssued() {
        return received().path("tokensIssued").asLong();
    }

    public int duplicates() {
        return received().path("duplicates").asInt();
    }

    /** Makes the simulator refuse (400) every record addressed to these organs, until changed or reset. */
    public void refuseOrgans(String... organs) {
        String json = "{\"organs\":[" + String.join(",", java.util.Arrays.stream(organs).map(o -> "\"" + o + "\"")
                .toList()) + "]}";
        HttpResponse<String> response = http.put("/sim/lgsp/refused-organs", json.getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/json");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("LGSP simulator refused the organ list: " + response.body());
        }
    }
}
