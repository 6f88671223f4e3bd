package vn.lienthong.gateway.document;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import vn.lienthong.gateway.delivery.PlatformDeliveryException;
import vn.lienthong.gateway.vdxp.Business;
import vn.lienthong.gateway.vdxp.EdocDocument;
import vn.lienthong.gateway.vdxp.EdxmlMessage;
import vn.lienthong.gateway.vdxp.EdxmlWriter;
import vn.lienthong.gateway.vdxp.TraceHeader;
import vn.lienthong.gateway.vdxp.TraceInfo;
import vn.lienthong.gateway.vdxp.VdxpProperties;

/**
 * Reads a queued document or status message back into the edXML model for the delivery worker, with the same code the
 * ingress read it with; a new document gets its trace (this hop, now, and its business part: a new document). A body
 * that cannot be read is a permanent failure: it will not read better on the next attempt.
 */
@Component("documentReader")
public class DocumentReader {

    private static final String EDXML_MESSAGE = EdxmlWriter.EDXML_MESSAGE;
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final ObjectMapper json;
    private final DocumentJson reader;
    private final Clock clock;

    DocumentReader(ObjectMapper json, VdxpProperties vdxp, Clock clock) {
        this.json = json;
        this.reader = new DocumentJson(vdxp.getMaxAttachments(), vdxp.getMaxAttachmentSize().toBytes());
        this.clock = clock;
    }

    /** Puts the queued official document, with its trace, on the exchange for {@link EdxmlWriter}. */
    public void read(Exchange exchange) {
        JsonNode body = tree(exchange, "document");
        DocumentJson.Read read;
        try {
            read = reader.read(body);
        } catch (RuntimeException e) {
            throw unreadable("document", e);
        }
        if (!read.violations().isEmpty()) {
            throw PlatformDeliveryException.permanentFailure(null, "The queued document no longer reads as it did: "
                    + read.violations().get(0).pointer() + " " + read.violations().get(0).message());
        }
        EdocDocument d = read.document().document();
        LocalDateTime now = LocalDateTime.now(clock.withZone(VIETNAM));
        TraceInfo trace = new TraceInfo(List.of(new TraceHeader(d.from().organId(), now)),
                Business.newDocument(d.documentId(), null));
        exchange.setProperty(EDXML_MESSAGE, new EdocDocument(d.from(), d.to(), d.code(), d.promulgation(), d.type(),
                d.subject(), d.content(), d.signer(), d.dueDate(), d.otherInfo(), d.responseFor(), d.steeringType(),
                d.toPlaces(), trace, d.attachments()));
    }

    /** Puts the queued status message on the exchange for {@link EdxmlWriter}. */
    public void readStatus(Exchange exchange) {
        JsonNode body = tree(exchange, "status message");
        try {
            exchange.setProperty(EDXML_MESSAGE, StatusJson.toStatus(body));
        } catch (RuntimeException e) {
            throw unreadable("status message", e);
        }
    }

    private JsonNode tree(Exchange exchange, String what) {
        try {
            JsonNode body = json.readTree(exchange.getIn().getBody(String.class));
            if (body == null || !body.isObject()) {
                throw PlatformDeliveryException.permanentFailure(null, "The queued " + what + " is not a JSON object");
            }
            return body;
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw unreadable(what, e);
        }
    }

    private static PlatformDeliveryException unreadable(String what, Exception e) {
        return PlatformDeliveryException.permanentFailure(null, "The queued " + what + " cannot be read: "
                + e.getClass().getSimpleName());
    }
}
