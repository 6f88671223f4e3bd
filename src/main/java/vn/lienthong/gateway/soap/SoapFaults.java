package vn.lienthong.gateway.soap;

import org.apache.camel.Exchange;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.interceptor.Fault;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import vn.lienthong.gateway.ErrorCode;
import vn.lienthong.gateway.GatewayException.Violation;
import vn.lienthong.gateway.ingress.IngressRefusals;
import vn.lienthong.gateway.ingress.Problem;

/**
 * Turns whatever stopped a SOAP route into the declared fault of its kind, carrying the same problem as REST (stable
 * code, violations with their JSON pointers), recorded as REST refusals are; Client/Sender for the client's mistakes,
 * Server/Receiver for the gateway's. Never a stack trace.
 */
@Component("soapFaults")
public class SoapFaults {

    private final IngressRefusals refusals;

    SoapFaults(IngressRefusals refusals) {
        this.refusals = refusals;
    }

    /** Puts the fault for the exception caught on the exchange in the body, where CXF answers it. */
    public void respond(Exchange exchange) {
        IngressRefusals.Refusal refusal = refusals.refuse(exchange);
        exchange.getIn().removeHeaders("*");
        exchange.getIn().setBody(fault(refusal.problem(), refusal.retryAfterSeconds()));
    }

    /** The declared fault for a problem: its element is named by the problem's kind (see {@code gateway.xsd}). */
    static GatewayFault fault(Problem problem, Long retryAfterSeconds) {
        GatewayFault fault = new GatewayFault(problem.title() + ": " + problem.detail(),
                problem.status() >= 500 ? Fault.FAULT_CODE_SERVER : Fault.FAULT_CODE_CLIENT);
        Element detail = fault.getOrCreateDetail();
        Document document = detail.getOwnerDocument();
        Element info = document.createElementNS(SoapContract.NAMESPACE, faultElement(problem.status(), problem.code()));
        detail.appendChild(info);
        append(info, "code", problem.code());
        append(info, "title", problem.title());
        append(info, "status", String.valueOf(problem.status()));
        append(info, "detail", problem.detail());
        if (problem.errors() != null && !problem.errors().isEmpty()) {
            Element violations = append(info, "violations", null);
            for (Violation v : problem.errors()) {
                Element violation = append(violations, "violation", null);
                append(violation, "pointer", v.pointer());
                append(violation, "message", v.message());
            }
        }
        if (retryAfterSeconds != null) {
            append(info, "retryAfterSeconds", String.valueOf(retryAfterSeconds));
        }
        return fault;
    }

    /**
     * The fault element of gateway.xsd for the HTTP status REST answers the same problem with; a 422 is a signature
     * verdict, except a dossier no routing rule takes, which the client can only fix by sending another.
     */
    static String faultElement(int status, String code) {
        return switch (status) {
            case 401, 403 -> "AuthorizationFault";
            case 404 -> "NotFoundFault";
            case 409 -> "ConflictFault";
            case 422 -> ErrorCode.DOSSIER_NOT_ROUTED.name().equals(code) ? "ValidationFault" : "SignatureFault";
            default -> status == 429 || status >= 500 ? "ServiceFault" : "ValidationFault";
        };
    }

    private static Element append(Element parent, String name, String text) {
        Element child = parent.getOwnerDocument().createElementNS(SoapContract.NAMESPACE, name);
        if (text != null) {
            child.setTextContent(text);
        }
        parent.appendChild(child);
        return child;
    }

    /** A fault the gateway made itself, already recorded; CXF sends it as it is. */
    static final class GatewayFault extends SoapFault {

        GatewayFault(String reason, javax.xml.namespace.QName code) {
            super(reason, code);
            setStackTrace(new StackTraceElement[0]);
        }
    }
}
