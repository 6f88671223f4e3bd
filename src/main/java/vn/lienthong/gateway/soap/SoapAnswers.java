package vn.lienthong.gateway.soap;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.Exchange;
import org.apache.camel.component.cxf.common.CxfPayload;
import org.apache.cxf.helpers.DOMUtils;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import vn.lienthong.gateway.delivery.MessageIntake.Accepted;
import vn.lienthong.gateway.messagelog.Attempt;
import vn.lienthong.gateway.messagelog.MessageView;

/** Writes the answers of the SOAP operations from the same results the REST routes answer as JSON. */
@Component("soapAnswers")
public class SoapAnswers {

    private final ObjectMapper json;

    SoapAnswers(ObjectMapper json) {
        this.json = json;
    }

    /**
     * {@code SubmitDossierResponse}, {@code ReportProgressResponse} or {@code SubmitDocumentResponse} (after the
     * operation) from the accepted message, or from the first answer to a repeated key.
     */
    public void submitted(Exchange exchange) {
        Accepted accepted = json.convertValue(exchange.getIn().getBody(), Accepted.class);
        String operation = exchange.getProperty(SoapContract.OPERATION, String.class);
        Element response = element(DOMUtils.createDocument(), operation + "Response");
        text(response, "messageId", accepted.messageId());
        text(response, "documentId", accepted.documentId());
        text(response, "status", accepted.status());
        Element destinations = child(response, "destinations");
        accepted.destinations().forEach(d -> text(destinations, "destination", d));
        answer(exchange, response);
    }

    /** {@code GetMessageStatusResponse} from the message's state and attempts. */
    public void messageStatus(Exchange exchange) {
        MessageView message = exchange.getIn().getBody(MessageView.class);
        Element response = element(DOMUtils.createDocument(), "GetMessageStatusResponse");
        text(response, "messageId", message.messageId());
        text(response, "kind", message.kind());
        text(response, "dossierCode", message.dossierCode());
        text(response, "documentId", message.documentId());
        text(response, "destination", message.destination());
        text(response, "state", message.state().name());
        text(response, "acceptedAt", time(message.acceptedAt()));
        text(response, "deliveredAt", time(message.deliveredAt()));
        Element attempts = child(response, "attempts");
        for (Attempt a : message.attempts() == null ? List.<Attempt>of() : message.attempts()) {
            Element attempt = child(attempts, "attempt");
            text(attempt, "at", time(a.at()));
            text(attempt, "outcome", a.outcome() == null ? null : a.outcome().name());
            text(attempt, "httpStatus", a.httpStatus() == null ? null : String.valueOf(a.httpStatus()));
            text(attempt, "reason", a.reason());
            text(attempt, "nextRetryAt", time(a.nextRetryAt()));
        }
        answer(exchange, response);
    }

    private static void answer(Exchange exchange, Element response) {
        exchange.getIn().removeHeaders("*");
        exchange.getIn().setBody(new CxfPayload<>(null, List.of(response)));
    }

    private static String time(OffsetDateTime time) {
        return time == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }

    private static Element element(Document document, String name) {
        Element element = document.createElementNS(SoapContract.NAMESPACE, name);
        document.appendChild(element);
        return element;
    }

    private static Element child(Element parent, String name) {
        Element child = parent.getOwnerDocument().createElementNS(SoapContract.NAMESPACE, name);
        parent.appendChild(child);
        return child;
    }

    /** Appends an element with the text, or nothing when there is no value (the element is optional). */
    private static void text(Element parent, String name, String value) {
        if (value != null) {
            child(parent, name).setTextContent(value);
        }
    }
}
