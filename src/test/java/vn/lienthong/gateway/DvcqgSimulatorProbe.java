package vn.lienthong.gateway;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads and steers the built-in DVCQG simulator over its HTTP API, as an operator would. */
public final class DvcqgSimulatorProbe extends SimulatorProbe {

    public DvcqgSimulatorProbe(Http http) {
        super(http, "/sim/dvcqg", "", "The DVCQG simulator");
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
}
