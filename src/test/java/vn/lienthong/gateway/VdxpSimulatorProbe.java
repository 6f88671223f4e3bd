package vn.lienthong.gateway;

import java.net.http.HttpResponse;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads and steers the built-in VDXP axis simulator over its HTTP API, as another agency or an operator would. */
public final class VdxpSimulatorProbe extends SimulatorProbe {

    public VdxpSimulatorProbe(Http http) {
        super(http, "/sim/vdxp", "?limit=1000", "The axis simulator");
    }

    /** Places an edXML file in an organ's inbox as if another agency had sent it; answers the receiver doc id. */
    public String place(String organId, byte[] edxml) {
        HttpResponse<String> response = http.post("/sim/vdxp/inbox/" + organId, edxml,
                "Content-Type", "application/octet-stream");
        JsonNode answer = parse(response);
        if (response.statusCode() != 200 || !"0".equals(answer.path("ErrorCode").asText())) {
            throw new IllegalStateException("The axis simulator refused the placement: " + response.body());
        }
        return answer.path("receiverDocId").asText();
    }

    /** The recipient's state of one axis item ({@code sent}, {@code received}, {@code done}, {@code fail}). */
    public Optional<String> receiveStatus(String receiverDocId) {
        for (JsonNode item : received().path("items")) {
            for (JsonNode delivery : item.path("deliveries")) {
                if (receiverDocId.equals(delivery.path("receiverDocId").asText())) {
                    return Optional.of(delivery.path("receiveStatus").asText());
                }
            }
        }
        return Optional.empty();
    }
}
