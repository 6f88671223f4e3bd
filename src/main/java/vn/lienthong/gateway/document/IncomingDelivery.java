package vn.lienthong.gateway.document;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import vn.lienthong.gateway.ExchangeKeys;
import vn.lienthong.gateway.GatewayException;
import vn.lienthong.gateway.delivery.PlatformDeliveryException;
import vn.lienthong.gateway.localsystem.LocalResource;
import vn.lienthong.gateway.localsystem.LocalSystemClient;
import vn.lienthong.gateway.messagelog.MessageStore;
import vn.lienthong.gateway.messagelog.StoredMessage;
import vn.lienthong.gateway.vdxp.EdocDocument;
import vn.lienthong.gateway.vdxp.EdocStatus;
import vn.lienthong.gateway.vdxp.EdxmlMessage;
import vn.lienthong.gateway.vdxp.EdxmlParser;

/**
 * Delivers one queued incoming document or status message (route document-deliver-local): the edXML as it was
 * received, from the message store, with what the gateway noted when it took it in, written as the local system's
 * JSON and posted to the local document system of the recipient organ.
 */
@Component("incomingDelivery")
public class IncomingDelivery {

    private final MessageStore store;
    private final ReceivedDocuments received;
    private final EdxmlParser parser;
    private final IncomingJson json;
    private final LocalSystemClient client;
    private final IncomingAttachmentSignatures attachmentSignatures;

    IncomingDelivery(MessageStore store, ReceivedDocuments received, EdxmlParser parser, IncomingJson json,
                     LocalSystemClient client, IncomingAttachmentSignatures attachmentSignatures) {
        this.attachmentSignatures = attachmentSignatures;
        this.store = store;
        this.received = received;
        this.parser = parser;
        this.json = json;
        this.client = client;
    }

    /** Posts the message named by the queue header to its local system and sets the HTTP status it answered. */
    public void deliver(Exchange exchange) {
        String messageId = exchange.getIn().getHeader(ExchangeKeys.MESSAGE_ID, String.class);
        Receipt receipt = received.byMessage(messageId).orElseThrow(() -> PlatformDeliveryException.permanentFailure(
                null, "No record of how message " + messageId + " was taken in from the axis"));
        StoredMessage stored = store.stored(messageId).orElseThrow(() -> PlatformDeliveryException.permanentFailure(
                null, "Message " + messageId + " is not in the message store"));
        EdxmlMessage message;
        try {
            message = parser.parse(stored.payload());
        } catch (GatewayException e) {
            throw PlatformDeliveryException.permanentFailure(null, "The stored edXML of message " + messageId
                    + " cannot be read again: " + e.code());
        }
        int status = message instanceof EdocDocument document
                ? client.deliver(receipt.toOrgan(), LocalResource.DOCUMENTS, messageId,
                        json.document(document, receipt, attachmentSignatures.of(messageId)))
                : client.deliver(receipt.toOrgan(), LocalResource.STATUS, messageId,
                        json.status((EdocStatus) message, receipt));
        exchange.getIn().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
    }
}
