package vn.lienthong.gateway.messagelog;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * One sealed entry of the message log. Its canonical form, the bytes its Merkle leaf hashes, is one line of UTF-8
 * JSON with exactly these keys in this order, null where a field is empty, no white space, times as
 * {@code yyyy-MM-ddTHH:mm:ss.SSSZ} in UTC: {@code nodeId, index, seq, time, event, messageId, dossierCode, clientId,
 * remoteAddress, destination, reasonCode, detail, payloadSha256} (see docs/message-log.md).
 */
public record LogEntry(String nodeId, long index, long seq, Instant time, String event, String messageId,
                       String dossierCode, String clientId, String remoteAddress, String destination,
                       String reasonCode, String detail, String payloadSha256) {

    private static final JsonFactory JSON = new JsonFactory();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** The bytes the entry's Merkle leaf covers. */
    public byte[] canonicalBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("nodeId", nodeId);
            g.writeNumberField("index", index);
            g.writeNumberField("seq", seq);
            g.writeStringField("time", TIME.format(time));
            g.writeStringField("event", event);
            g.writeStringField("messageId", messageId);
            g.writeStringField("dossierCode", dossierCode);
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
}
