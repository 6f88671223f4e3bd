package vn.lienthong.gateway;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/** Reads and steers one built-in simulator over its HTTP API, as an operator would: what it received, its faults. */
public abstract class SimulatorProbe {

    protected final Http http;
    private final String path;
    private final String receivedQuery;
    private final String name;

    /** A probe of the simulator under {@code path} ({@code /sim/dvcqg}); {@code name} names it in failures. */
    protected SimulatorProbe(Http http, String path, String receivedQuery, String name) {
        this.http = http;
        this.path = path;
        this.receivedQuery = receivedQuery;
        this.name = name;
    }

    /**
     * What the simulator answers on {@code GET …/received}: the records it accepted (the axis: the items it took,
     * newest first, with their per-recipient state).
     */
    public JsonNode received() {
        return parse(http.get(path + "/received" + receivedQuery));
    }

    /** Changes the simulator's faults ({@code POST …/faults}); fails unless it took the change. */
    public void faults(String json) {
        HttpResponse<String> response = http.post(path + "/faults", json.getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/json");
        if (response.statusCode() != 200) {
            throw new IllegalStateException(name + " refused faults: " + response.body());
        }
    }

    /** Back to no faults. */
    public void reset() {
        faults("{\"reset\":true}");
    }

    protected JsonNode parse(HttpResponse<String> response) {
        try {
            return Samples.JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(name + " answered non-JSON: " + response.body(), e);
        }
    }
}
