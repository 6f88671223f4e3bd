package vn.lienthong.gateway.vdxp;

import java.util.List;

import vn.lienthong.gateway.ErrorCode;
import vn.lienthong.gateway.GatewayException;
import vn.lienthong.gateway.GatewayException.Violation;

/** The refusals of edXML input, each with its stable code and the element path where it was found. */
final class EdxmlRefusal {

    private EdxmlRefusal() {
    }

    /** Not well-formed XML, or XML with a document type declaration. */
    static GatewayException malformed(String code, String path, String message) {
        return new GatewayException(ErrorCode.XML_MALFORMED, "The edXML is not well-formed XML or carries a document "
                + "type declaration: " + message + ".", List.of(new Violation(path, message, code)));
    }

    /** A structural limit of the parser broken. */
    static GatewayException limit(String code, String path, String message) {
        return new GatewayException(ErrorCode.XML_LIMIT_EXCEEDED, "The edXML exceeds a limit: " + message + ".",
                List.of(new Violation(path, message, code)));
    }

    /** Content that does not make an edXML document or status message. */
    static GatewayException invalid(List<Violation> violations) {
        String detail = violations.size() == 1
                ? "The edXML is invalid: " + violations.get(0).message() + "."
                : "The edXML is invalid in " + violations.size() + " places; see errors.";
        return new GatewayException(ErrorCode.EDXML_INVALID, detail, violations);
    }

    static GatewayException invalid(String code, String path, String message) {
        return invalid(List.of(new Violation(path, message, code)));
    }
}
