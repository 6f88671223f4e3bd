package vn.lienthong.gateway.vdxp;

import vn.lienthong.gateway.GatewayException.Violation;

/**
 * One rule of {@link EdocRules} a document or status breaks: the rule's stable code, where — as an element path in
 * edXML and as a JSON pointer in the gateway's document API (null where the API has no such field) — and what.
 */
public record EdocViolation(String code, String edxmlPath, String jsonPointer, String message) {

    /** The violation located in edXML. */
    public Violation inEdxml() {
        return new Violation(edxmlPath, message, code);
    }

    /** The violation located in the JSON of the document API ({@code ""}, the whole body, where it has no field). */
    public Violation inJson() {
        return new Violation(jsonPointer == null ? "" : jsonPointer, message, code);
    }
}
