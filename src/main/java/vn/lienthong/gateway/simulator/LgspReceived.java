package vn.lienthong.gateway.simulator;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One record the LGSP simulator accepted, with the service it came to and its idempotency key. */
record LgspReceived(OffsetDateTime receivedAt, String idempotencyKey, String service, JsonNode document) {

    ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("receivedAt", receivedAt.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        json.put("idempotencyKey", idempotencyKey);
        json.put("service", service);
        json.put("receivingOrgan", document.path("OrganInchargeIdLevel1").asText(""));
        json.set("document", document.deepCopy());
        return json;
    }
}
