package vn.lienthong.gateway.soap;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.HashMap;

import jakarta.servlet.http.HttpServletRequest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.camel.Exchange;
import org.apache.camel.component.cxf.common.CxfPayload;
import org.apache.cxf.message.Attachment;
import org.apache.cxf.message.Message;
import org.apache.cxf.service.model.BindingOperationInfo;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;

import vn.lienthong.gateway.ErrorCode;
import vn.lienthong.gateway.ExchangeKeys;
import vn.lienthong.gateway.GatewayException;
import vn.lienthong.gateway.GatewayException.Violation;
import vn.lienthong.gateway.ingress.MtlsConnector;
import vn.lienthong.gateway.ingress.Transport;

/**
 * Reads a SOAP request for the routes: the few values the gateway takes from it (the {@code X-API-Key} HTTP header,
 * the {@code IdempotencyKey} SOAP header, the operation CXF's binding matched), and each operation's body in the
 * canonical form the REST routes use.
 */
@Component("soapRequests")
public class SoapRequests {

    private static final int MAX_HEADER_LENGTH = 1024;
    private static final String API_KEY = "X-API-Key";
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final String ATTACHMENTS = "lienthongSoapAttachments";

    private final ObjectMapper json;
    private final XmlRefusals xmlRefusals;
    private final int maxAttachments;
    private final MtlsConnector mtls;

    SoapRequests(ObjectMapper json, SoapProperties limits, MtlsConnector mtls) {
        this.json = json;
        this.mtls = mtls;
        this.xmlRefusals = new XmlRefusals(limits);
        this.maxAttachments = limits.getMaxAttachments();
    }

    /**
     * Removes every Camel header and sets only {@code X-API-Key} (from the HTTP request) and {@code Idempotency-Key}
     * (from the SOAP header); the operation, the remote address, the transport (port and client certificate), the path
     * and the raw body go to exchange properties.
     */
    public void reduceToAllowList(Exchange exchange) {
        Message cxf = exchange.getProperty(SoapContract.CXF_MESSAGE, Message.class);
        if (cxf == null) {
            throw new IllegalStateException("SoapRequests runs first in a route from a gateway CXF endpoint");
        }
        HttpServletRequest request = (HttpServletRequest) cxf.get(AbstractHTTPDestination.HTTP_REQUEST);
        org.apache.camel.Message message = exchange.getIn();
        message.removeHeaders("*");
        String apiKey = request.getHeader(API_KEY);
        if (apiKey != null && apiKey.length() <= MAX_HEADER_LENGTH) {
            message.setHeader(API_KEY, apiKey);
        }
        String idempotencyKey = idempotencyKey(cxf);
        if (idempotencyKey != null) {
            message.setHeader(IDEMPOTENCY_KEY, idempotencyKey);
        }
        BindingOperationInfo operation = exchange.getProperty(BindingOperationInfo.class.getName(),
                BindingOperationInfo.class);
        exchange.setProperty(SoapContract.OPERATION, operation == null ? null : operation.getName().getLocalPart());
        exchange.setProperty(ExchangeKeys.REMOTE_ADDRESS, request.getRemoteAddr());
        exchange.setProperty(ExchangeKeys.TRANSPORT, Transport.of(request, mtls));
        exchange.setProperty(ExchangeKeys.REQUEST_PATH, request.getRequestURI());
        exchange.setProperty(ExchangeKeys.QUERY, Map.of());
        exchange.setProperty(ExchangeKeys.RAW_BODY, request.getAttribute(ExchangeKeys.RAW_BODY));
        exchange.setProperty(ATTACHMENTS, attachments(cxf));
    }

    /** Refuses a request for an operation the service does not route (CXF matched none, or one not routed yet). */
    public void refuseUnknownOperation(Exchange exchange) {
        throw new GatewayException(ErrorCode.REQUEST_REFUSED, "This service has no such operation; see "
                + "/soap/gateway?wsdl.");
    }

    /**
     * Reads the {@code SubmitDossier} request into the canonical dossier JSON: the tree, its text, and the text as the
     * message's payload (what is stored, queued and replayed), exactly as the REST route's JSON reader leaves them.
     */
    public void readDossier(Exchange exchange) throws JsonProcessingException {
        canonical(exchange, CanonicalXml.DOSSIER);
    }

    /**
     * Reads the {@code SubmitDocument} request into the canonical document JSON of {@code POST /api/v1/documents}, its
     * attachments' content and signatures base64 whether they came inline or as MTOM parts; as {@link #readDossier}.
     */
    public void readDocument(Exchange exchange) throws JsonProcessingException {
        canonical(exchange, CanonicalXml.DOCUMENT);
    }

    private void canonical(Exchange exchange, CanonicalXml.Shape shape) throws JsonProcessingException {
        Element request = bodyElement(exchange);
        @SuppressWarnings("unchecked")
        Map<String, Attachment> attachments = exchange.getProperty(ATTACHMENTS, Map.class);
        ObjectNode payload = CanonicalXml.read(request, shape, attachments);
        String text = json.writeValueAsString(payload);
        exchange.setProperty(ExchangeKeys.JSON, payload);
        exchange.setProperty(ExchangeKeys.JSON_TEXT, text);
        exchange.setProperty(ExchangeKeys.RAW_BODY, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads the {@code ReportProgress} request: its {@code dossierCode} into the header the REST path gives, its
     * {@code progress} into the canonical progress JSON (each child element a text field), as the REST reader leaves it.
     */
    public void readProgress(Exchange exchange) throws JsonProcessingException {
        Element request = bodyElement(exchange);
        String dossierCode = null;
        ObjectNode progress = null;
        for (Element child : CanonicalXml.children(request)) {
            if (!CanonicalXml.isOurs(child)) {
                throw invalidProgress("/" + child.getLocalName(), "is not an element of ReportProgress");
            }
            if ("dossierCode".equals(child.getLocalName()) && dossierCode == null) {
                dossierCode = child.getTextContent().strip();
            } else if ("progress".equals(child.getLocalName()) && progress == null) {
                progress = progressFields(child);
            } else {
                throw invalidProgress("/" + child.getLocalName(), "is not expected here or comes twice");
            }
        }
        if (dossierCode == null || progress == null) {
            throw invalidProgress(dossierCode == null ? "dossierCode" : "/", "ReportProgress needs a dossierCode and a "
                    + "progress element");
        }
        String text = json.writeValueAsString(progress);
        exchange.getIn().setHeader("dossierCode", dossierCode);
        exchange.setProperty(ExchangeKeys.JSON, progress);
        exchange.setProperty(ExchangeKeys.JSON_TEXT, text);
        exchange.setProperty(ExchangeKeys.RAW_BODY, text.getBytes(StandardCharsets.UTF_8));
    }

    private static ObjectNode progressFields(Element progress) {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        for (Element field : CanonicalXml.children(progress)) {
            String name = field.getLocalName();
            if (!CanonicalXml.isOurs(field) || !CanonicalXml.children(field).isEmpty()) {
                throw invalidProgress("/" + name, "must be a text element of the gateway's namespace");
            }
            if (fields.has(name)) {
                throw invalidProgress("/" + name, "comes twice");
            }
            fields.put(name, field.getTextContent());
        }
        return fields;
    }

    private static GatewayException invalidProgress(String pointer, String message) {
        return new GatewayException(ErrorCode.PROGRESS_INVALID, "The progress step cannot be read: " + pointer + " "
                + message + ".", List.of(new Violation(pointer, message)));
    }

    /** Reads the {@code GetMessageStatus} request's message id into the header the status query reads. */
    public void readMessageId(Exchange exchange) {
        Element request = bodyElement(exchange);
        List<Element> ids = CanonicalXml.children(request).stream()
                .filter(e -> CanonicalXml.isOurs(e) && "messageId".equals(e.getLocalName())).toList();
        if (ids.size() != 1 || CanonicalXml.children(request).size() != 1) {
            throw new GatewayException(ErrorCode.PATH_PARAMETER_INVALID, "Send exactly one messageId.",
                    List.of(new Violation("messageId", "exactly one messageId element is required")));
        }
        exchange.getIn().setHeader("messageId", ids.get(0).getTextContent().strip());
    }

    private Element bodyElement(Exchange exchange) {
        try {
            CxfPayload<?> payload = exchange.getIn().getBody(CxfPayload.class);
            List<Element> body = payload == null ? List.of() : payload.getBody();
            if (body.size() != 1) {
                throw new GatewayException(ErrorCode.REQUEST_REFUSED, "The SOAP body must hold one request element.");
            }
            return body.get(0);
        } catch (GatewayException refused) {
            throw refused;
        } catch (RuntimeException unreadable) {
            throw xmlRefusals.classify(unreadable);
        }
    }

    private static String idempotencyKey(Message cxf) {
        List<?> keys = cxf.get(IdempotencyKeyHeaderInterceptor.KEYS) instanceof List<?> found ? found : List.of();
        if (keys.size() > 1) {
            throw new GatewayException(ErrorCode.IDEMPOTENCY_KEY_INVALID, "Send one IdempotencyKey header.",
                    List.of(new Violation("IdempotencyKey", "appears more than once")));
        }
        return keys.isEmpty() ? null : String.valueOf(keys.get(0));
    }

    /**
     * The request's attachments by id, reading them all so that their limits apply to every operation; the count is
     * checked here because CXF checks it only when its attachment list is sized, not when it is iterated.
     */
    private Map<String, Attachment> attachments(Message cxf) {
        Map<String, Attachment> ids = new HashMap<>();
        try {
            if (cxf.getAttachments() != null) {
                cxf.getAttachments().forEach(attachment -> ids.putIfAbsent(attachment.getId(), attachment));
            }
        } catch (RuntimeException unreadable) {
            throw xmlRefusals.classify(unreadable);
        }
        if (ids.size() > maxAttachments) {
            throw new GatewayException(ErrorCode.ATTACHMENT_REFUSED, "The request has more than " + maxAttachments
                    + " attachments.");
        }
        return ids;
    }
}
