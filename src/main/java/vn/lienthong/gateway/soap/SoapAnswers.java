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
import vn.lienthong.gateway.delivery.MessageIntake.DestinationMessage;
import vn.lienthong.gateway.delivery.MessageIntake.LegMessage;
import vn.lienthong.gateway.document.DocumentMessageView;
import vn.lienthong.gateway.document.IncomingMessageView;
import vn.lienthong.gateway.document.ReceiptVerdict;
import vn.lienthong.gateway.document.SentDocuments;
import vn.lienthong.gateway.messagelog.Attempt;
import vn.lienthong.gateway.messagelog.MessageView;
import vn.lienthong.gateway.vdxp.StaffInfo;

/** Writes the answers of the SOAP operations from the same results the REST routes answer as JSON. */
@Component("soapAnswers")
public class SoapAnswers {

    private final ObjectMapper json;

    SoapAnswers(ObjectMapper json) {
        this.json = json;
    }

    /**
     * {@code SubmitDossierResponse}, {@code ReportProgressResponse} or {@code SubmitDocumentResponse} (after the
     * operation) from the accepted message, or from the first answer to a repeated key; with the chain's legs when
     * the dossier started a liên thông chain.
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
        if (accepted.messages() != null && !accepted.messages().isEmpty()) {
            Element messages = child(response, "messages");
            for (DestinationMessage m : accepted.messages()) {
                Element message = child(messages, "message");
                text(message, "destination", m.destination());
                text(message, "messageId", m.messageId());
            }
        }
        if (accepted.chain() != null) {
            Element chain = child(response, "chain");
            text(chain, "name", accepted.chain().name());
            Element legs = child(chain, "legs");
            for (LegMessage l : accepted.chain().legs()) {
                Element leg = child(legs, "leg");
                text(leg, "number", String.valueOf(l.leg()));
                text(leg, "agency", l.agency());
                text(leg, "messageId", l.messageId());
            }
        }
        answer(exchange, response);
    }

    /**
     * {@code GetMessageStatusResponse} from the message's state and attempts and, for a message about an official
     * document, its travel on the axis (as the REST answer).
     */
    public void messageStatus(Exchange exchange) {
        Object view = exchange.getIn().getBody();
        MessageView message = view instanceof DocumentMessageView sent ? sent.message()
                : view instanceof IncomingMessageView taken ? taken.message() : (MessageView) view;
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
        if (view instanceof DocumentMessageView sent) {
            sentOnTheAxis(response, sent);
        } else if (view instanceof IncomingMessageView taken) {
            takenFromTheAxis(response, taken);
        }
        answer(exchange, response);
    }

    private static void sentOnTheAxis(Element response, DocumentMessageView sent) {
        text(response, "axisDocId", sent.axisDocId());
        if (sent.recipients() != null && !sent.recipients().isEmpty()) {
            Element recipients = child(response, "recipients");
            for (SentDocuments.Recipient r : sent.recipients()) {
                Element recipient = child(recipients, "recipient");
                text(recipient, "organId", r.organId());
                text(recipient, "state", r.state());
                text(recipient, "stateDescription", r.stateDescription());
                text(recipient, "receiverDocId", r.receiverDocId());
                text(recipient, "receivedAt", time(r.receivedAt()));
                text(recipient, "statusCode", r.statusCode());
                text(recipient, "statusAt", time(r.statusAt()));
                if (r.statuses() != null && !r.statuses().isEmpty()) {
                    Element statuses = child(recipient, "statuses");
                    r.statuses().forEach(report -> statusReport(child(statuses, "status"), report));
                }
            }
        }
        attachmentSignatures(response, sent.signatures());
    }

    private static void attachmentSignatures(Element response, List<SentDocuments.AttachmentVerdict> verdicts) {
        if (verdicts != null && !verdicts.isEmpty()) {
            Element signatures = child(response, "signatures");
            for (SentDocuments.AttachmentVerdict v : verdicts) {
                Element signature = child(signatures, "signature");
                text(signature, "attachment", String.valueOf(v.attachment()));
                text(signature, "format", v.format());
                text(signature, "verdict", v.verdict());
                text(signature, "reason", v.reason());
                text(signature, "signerSubject", v.signerSubject());
                text(signature, "signerOrgan", v.signerOrgan());
            }
        }
    }

    private static void statusReport(Element status, SentDocuments.StatusReport report) {
        text(status, "statusCode", report.statusCode());
        text(status, "at", time(report.at()));
        text(status, "description", report.description());
        StaffInfo staff = report.staff();
        if (staff != null) {
            Element who = child(status, "staff");
            text(who, "department", staff.department());
            text(who, "name", staff.name());
            text(who, "email", staff.email());
            text(who, "mobile", staff.mobile());
        }
        text(status, "receivedAt", time(report.receivedAt()));
    }

    private static void takenFromTheAxis(Element response, IncomingMessageView taken) {
        text(response, "axisDocId", taken.axisDocId());
        attachmentSignatures(response, taken.signatures());
        text(response, "from", taken.from());
        text(response, "to", taken.to());
        text(response, "receivedAt", time(taken.receivedAt()));
        ReceiptVerdict verdict = taken.signature();
        if (verdict != null) {
            Element signature = child(response, "signature");
            text(signature, "verdict", verdict.verdict());
            text(signature, "reason", verdict.reason());
            text(signature, "subject", verdict.subject());
            text(signature, "organId", verdict.organId());
            text(signature, "serial", verdict.serial());
            text(signature, "issuer", verdict.issuer());
            text(signature, "signedAt", time(verdict.signedAt()));
        }
        text(response, "arrivalMessageId", taken.arrivalMessageId());
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
