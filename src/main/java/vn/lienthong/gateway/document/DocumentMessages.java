package vn.lienthong.gateway.document;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import vn.lienthong.gateway.messagelog.MessageView;

/**
 * Adds to the view of a message about an official document what the gateway knows of its travel on the axis: for one
 * it sent, the axis id and each recipient's state and statuses; for one it took in, where it came from and the verdict
 * on its signature.
 */
@Component("documentMessages")
public class DocumentMessages {

    private final SentDocuments sent;
    private final ReceivedDocuments received;
    private final IncomingAttachmentSignatures incomingSignatures;

    DocumentMessages(SentDocuments sent, ReceivedDocuments received, IncomingAttachmentSignatures incomingSignatures) {
        this.sent = sent;
        this.received = received;
        this.incomingSignatures = incomingSignatures;
    }

    /** Route step after the message query: a document's view gets its axis details; other views stay as they are. */
    public void detail(Exchange exchange) {
        if (exchange.getIn().getBody() instanceof MessageView view) {
            sent.tracking(view.messageId()).ifPresentOrElse(tracking -> exchange.getIn().setBody(
                    new DocumentMessageView(view, tracking.axisDocId(), tracking.recipients(), tracking.signatures())),
                    () -> received.byMessage(view.messageId()).ifPresent(receipt -> exchange.getIn().setBody(
                            IncomingMessageView.of(view, receipt, incomingSignatures.of(view.messageId())))));
        }
    }
}
