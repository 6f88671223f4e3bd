package vn.lienthong.gateway.simulator;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One delivery the local-systems simulator accepted: for which organ, what kind, under which idempotency key, and the
 * body as received except that each attachment's content is replaced by its decoded size and SHA-256.
 */
record LocalReceived(OffsetDateTime receivedAt, String organId, LocalMessageValidator.Kind kind, String idempotencyKey,
                     String receiptId, JsonNode body) {

    ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("receivedAt", receivedAt.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        json.put("organId", organId);
        json.put("kind", kind.name());
        json.put("idempotencyKey", idempotencyKey);
        json.put("receiptId", receiptId);
        json.set("body", body.deepCopy());
        return json;
    }
}
