package vn.lienthong.gateway.document;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import vn.lienthong.gateway.messagelog.MessageView;

/** Adds to the view of a message about an official document what the gateway knows of its travel on the axis. */
@Component("documentMessages")
public class DocumentMessages {

    private final SentDocuments sent;

    DocumentMessages(SentDocuments sent) {
        this.sent = sent;
    }

    /** Route step after the message query: a document's view gets its axis details; other views stay as they are. */
    public void detail(Exchange exchange) {
        if (exchange.getIn().getBody() instanceof MessageView view) {
            sent.tracking(view.messageId()).ifPresent(tracking -> exchange.getIn().setBody(new DocumentMessageView(
                    view, tracking.axisDocId(), tracking.recipients(), tracking.signatures())));
        }
    }
}
