package vn.lienthong.gateway;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads and steers the built-in local-systems simulator (the province's document systems) over its HTTP API. */
public final class LocalSystemsProbe extends SimulatorProbe {

    public LocalSystemsProbe(Http http) {
        super(http, "/sim/local", "", "The local-systems simulator");
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
}
