package vn.lienthong.gateway.document;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import vn.lienthong.gateway.ExchangeKeys;
import vn.lienthong.gateway.delivery.MessageIntake;
import vn.lienthong.gateway.delivery.MessageIntake.Subject;
import vn.lienthong.gateway.vdxp.Organ;

/**
 * Accepts a checked official document or status message through the shared {@link MessageIntake}, recording in the
 * same transaction what the gateway will follow on the axis: sender, recipients, attachment verdicts.
 */
@Component("documentIntake")
public class DocumentIntake {

    private final MessageIntake intake;
    private final SentDocuments sent;

    DocumentIntake(MessageIntake intake, SentDocuments sent) {
        this.intake = intake;
        this.sent = sent;
    }

    /** Records the document on the exchange as a RECEIVED message; a repeated idempotency key gets the first answer. */
    public void receive(Exchange exchange) throws JsonProcessingException {
        OutgoingDocument document = exchange.getProperty(ExchangeKeys.DOCUMENT, OutgoingDocument.class);
        @SuppressWarnings("unchecked")
        List<SentDocuments.AttachmentVerdict> verdicts = exchange.getProperty(AttachmentSignatures.VERDICTS,
                List.class);
        String from = document.document().from().organId();
        List<String> recipients = document.document().to().stream().map(Organ::organId).toList();
        intake.receive(exchange, Subject.ofDocument(SentDocuments.DOCUMENT_KIND, document.documentId(), from),
                messageId -> sent.recordAccepted(messageId, SentDocuments.DOCUMENT_KIND, document.documentId(), from,
                        null, recipients, verdicts == null ? List.of() : verdicts));
    }

    /** Records the status message on the exchange as a RECEIVED message, addressed to the document's sender. */
    public void receiveStatus(Exchange exchange) throws JsonProcessingException {
        OutgoingStatus status = exchange.getProperty(ExchangeKeys.DOCUMENT_STATUS, OutgoingStatus.class);
        intake.receive(exchange, Subject.ofDocument(SentDocuments.STATUS_KIND, status.documentId(),
                status.fromOrgan()), messageId -> sent.recordAccepted(messageId, SentDocuments.STATUS_KIND,
                status.documentId(), status.fromOrgan(), status.statusCode(), List.of(status.toOrgan()), List.of()));
    }

    /** Marks the message QUEUED once the queue holds it, and makes the 202 answer. */
    public void queued(Exchange exchange) {
        intake.queued(exchange);
    }
}
