package vn.lienthong.gateway.simulator;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One record the DVCQG simulator accepted, with the envelope it came in and who signed that request (if anyone). */
record DvcqgReceived(OffsetDateTime receivedAt, String idempotencyKey, String service, String madonvi,
                     boolean updating, JsonNode record, List<String> payloadSigners) {

    ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("receivedAt", receivedAt.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        json.put("idempotencyKey", idempotencyKey);
        json.put("service", service);
        json.put("madonvi", madonvi);
        json.put("isUpdating", updating);
        json.set("record", record.deepCopy());
        payloadSigners.forEach(json.putArray("payloadSigners")::add);
        return json;
    }
}
