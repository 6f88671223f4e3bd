package vn.lienthong.gateway.messagelog;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One sealed entry of the message log. Its canonical form, the bytes its Merkle leaf hashes, is one line of UTF-8
 * JSON with exactly these keys in this order, null where a field is empty, no white space, times as
 * {@code yyyy-MM-ddTHH:mm:ss.SSSZ} in UTC: {@code nodeId, index, seq, time, event, direction, channel, messageId,
 * dossierCode, documentId, clientId, remoteAddress, destination, reasonCode, detail, payloadSha256} (see
 * docs/message-log.md).
 */
public record LogEntry(String nodeId, long index, long seq, Instant time, String event, String direction,
                       String channel, String messageId, String dossierCode, String documentId, String clientId,
                       String remoteAddress, String destination, String reasonCode, String detail,
                       String payloadSha256) {

    private static final JsonFactory JSON = new JsonFactory();
    private static final ObjectMapper READER = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** Thrown when a text is not the canonical form of a log entry. */
    public static final class NotCanonical extends Exception {
        NotCanonical(String why) {
            super(why);
        }
    }

    /** The entry a canonical text stands for; refused unless the text is exactly that entry's canonical form. */
    public static LogEntry parse(String canonical) throws NotCanonical {
        LogEntry entry;
        try {
            JsonNode e = READER.readTree(canonical);
            if (e == null || !e.isObject() || !e.path("index").isIntegralNumber() || !e.path("seq").isIntegralNumber()) {
                throw new NotCanonical("it is not a log entry");
            }
            entry = new LogEntry(text(e, "nodeId"), e.path("index").asLong(), e.path("seq").asLong(),
                    Instant.parse(e.path("time").asText("")), text(e, "event"), text(e, "direction"),
                    text(e, "channel"), text(e, "messageId"), text(e, "dossierCode"), text(e, "documentId"),
                    text(e, "clientId"), text(e, "remoteAddress"), text(e, "destination"), text(e, "reasonCode"),
                    text(e, "detail"), text(e, "payloadSha256"));
        } catch (IOException | DateTimeParseException e) {
            throw new NotCanonical("it is not a log entry: " + e.getMessage());
        }
        if (!Arrays.equals(entry.canonicalBytes(), canonical.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            throw new NotCanonical("its text is not in the canonical form of a log entry");
        }
        return entry;
    }

    /** This entry at its place in the tree of a node. */
    public LogEntry placed(String node, long at) {
        return new LogEntry(node, at, seq, time, event, direction, channel, messageId, dossierCode, documentId,
                clientId, remoteAddress, destination, reasonCode, detail, payloadSha256);
    }

    /** The bytes the entry's Merkle leaf covers. */
    public byte[] canonicalBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(320);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("nodeId", nodeId);
            g.writeNumberField("index", index);
            g.writeNumberField("seq", seq);
            g.writeStringField("time", TIME.format(time));
            g.writeStringField("event", event);
            g.writeStringField("direction", direction);
            g.writeStringField("channel", channel);
            g.writeStringField("messageId", messageId);
            g.writeStringField("dossierCode", dossierCode);
            g.writeStringField("documentId", documentId);
            g.writeStringField("clientId", clientId);
            g.writeStringField("remoteAddress", remoteAddress);
            g.writeStringField("destination", destination);
            g.writeStringField("reasonCode", reasonCode);
            g.writeStringField("detail", detail);
            g.writeStringField("payloadSha256", payloadSha256);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String text(JsonNode entry, String field) {
        JsonNode value = entry.path(field);
        return value.isTextual() ? value.asText() : null;
    }
}
