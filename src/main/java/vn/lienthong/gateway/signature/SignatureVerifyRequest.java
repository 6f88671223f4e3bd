package vn.lienthong.gateway.signature;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.gateway.ErrorCode;
import vn.lienthong.gateway.GatewayException;
import vn.lienthong.gateway.GatewayException.Violation;

/**
 * A request of {@code POST /api/v1/signatures/verify} (DESIGN §6.6): the format, the content and, for a detached
 * signature only, the signature, both base64 (line breaks allowed).
 */
record SignatureVerifyRequest(SignatureFormat format, byte[] content, byte[] signature) {

    private static final Set<String> FIELDS = Set.of("format", "content", "signature");
    private static final Pattern WHITE_SPACE = Pattern.compile("[\\r\\n\\t ]");

    /** Reads the request, listing every violation with its JSON pointer. */
    static SignatureVerifyRequest from(JsonNode body) {
        if (!body.isObject()) {
            throw invalid(List.of(new Violation("", "a JSON object is required")));
        }
        List<Violation> violations = new ArrayList<>();
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                violations.add(new Violation("/" + name.replace("~", "~0").replace("/", "~1"), "unknown field"));
            }
        }
        SignatureFormat format = format(body.get("format"), violations);
        byte[] content = base64(body.get("content"), "/content", violations);
        byte[] signature = null;
        JsonNode signatureNode = body.get("signature");
        if (format == SignatureFormat.CMS_DETACHED) {
            signature = base64(signatureNode, "/signature", violations);
        } else if (signatureNode != null && !signatureNode.isNull() && format != null) {
            violations.add(new Violation("/signature", "only a CMS_DETACHED request carries a separate signature"));
        }
        if (!violations.isEmpty()) {
            throw invalid(violations);
        }
        return new SignatureVerifyRequest(format, content, signature);
    }

    private static SignatureFormat format(JsonNode node, List<Violation> violations) {
        if (node == null || node.isNull()) {
            violations.add(new Violation("/format", "required"));
            return null;
        }
        if (node.isTextual()) {
            for (SignatureFormat f : SignatureFormat.values()) {
                if (f.name().equals(node.textValue())) {
                    return f;
                }
            }
        }
        violations.add(new Violation("/format", "must be one of CMS_DETACHED, CMS_ENVELOPING, XMLDSIG, PDF"));
        return null;
    }

    private static byte[] base64(JsonNode node, String pointer, List<Violation> violations) {
        if (node == null || node.isNull()) {
            violations.add(new Violation(pointer, "required"));
            return null;
        }
        if (!node.isTextual() || node.textValue().isBlank()) {
            violations.add(new Violation(pointer, "must be a non-empty base64 string"));
            return null;
        }
        try {
            return Base64.getDecoder().decode(WHITE_SPACE.matcher(node.textValue()).replaceAll(""));
        } catch (IllegalArgumentException e) {
            violations.add(new Violation(pointer, "is not base64"));
            return null;
        }
    }

    private static GatewayException invalid(List<Violation> violations) {
        return new GatewayException(ErrorCode.SIGNATURE_REQUEST_INVALID,
                "The verification request is invalid: " + violations.size() + " problem(s).", violations);
    }
}
