package vn.lienthong.gateway.document;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.gateway.GatewayException.Violation;
import vn.lienthong.gateway.signature.SignatureFormat;
import vn.lienthong.gateway.vdxp.DocumentCode;
import vn.lienthong.gateway.vdxp.DocumentType;
import vn.lienthong.gateway.vdxp.EdocAttachment;
import vn.lienthong.gateway.vdxp.EdocDocument;
import vn.lienthong.gateway.vdxp.Organ;
import vn.lienthong.gateway.vdxp.OtherInfo;
import vn.lienthong.gateway.vdxp.Promulgation;
import vn.lienthong.gateway.vdxp.SignerInfo;

/**
 * Reads a document in the API's JSON ({@code schemas/json/document.schema.json}, already checked against it) into the
 * edXML model: attachments decoded from base64 once each (strict alphabet; the decoded size judged from the text's
 * length before anything is decoded), and the signature each came with. What cannot be read is listed with its JSON
 * pointer and rule code; the ingress and the delivery worker read a document with this same code.
 */
public final class DocumentJson {

    private final int maxAttachments;
    private final long maxAttachmentSize;

    public DocumentJson(int maxAttachments, long maxAttachmentSize) {
        this.maxAttachments = maxAttachments;
        this.maxAttachmentSize = maxAttachmentSize;
    }

    /** The document and what stood in the way of reading it. */
    public record Read(OutgoingDocument document, List<Violation> violations) {
    }

    /** Reads the document; its violations (bad base64, oversize, signature without format…) are returned, not thrown. */
    public Read read(JsonNode body) {
        List<Violation> violations = new ArrayList<>();
        List<EdocAttachment> attachments = new ArrayList<>();
        List<AttachmentSignature> signatures = new ArrayList<>();
        JsonNode items = body.path("attachments");
        if (items.size() > maxAttachments) {
            violations.add(new Violation("/attachments", "a document may have at most " + maxAttachments
                    + " attachments", "ATTACHMENTS_TOO_MANY"));
        } else {
            for (int i = 0; i < items.size(); i++) {
                attachment(items.get(i), i, attachments, signatures, violations);
            }
        }
        JsonNode promulgation = body.path("promulgation");
        EdocDocument document = new EdocDocument(organ(body.path("from")), organs(body.path("to")),
                new DocumentCode(text(body.path("code"), "number"), text(body.path("code"), "notation")),
                new Promulgation(text(promulgation, "place"), date(promulgation, "date", "/promulgation/date",
                        violations)),
                new DocumentType(text(body.path("type"), "type"), text(body.path("type"), "typeDetail"),
                        text(body.path("type"), "name")),
                text(body, "subject"), text(body, "content"), signer(body.path("signer")),
                body.hasNonNull("dueDate") ? date(body, "dueDate", "/dueDate", violations) : null,
                body.hasNonNull("priority") ? OtherInfo.ofPriority(body.get("priority").asInt()) : null,
                List.of(), body.hasNonNull("steeringType") ? body.get("steeringType").asInt() : null,
                texts(body.path("toPlaces")), null, attachments);
        return new Read(new OutgoingDocument(document, signatures), violations);
    }

    private void attachment(JsonNode item, int i, List<EdocAttachment> attachments,
                            List<AttachmentSignature> signatures, List<Violation> violations) {
        String at = "/attachments/" + i;
        byte[] content = decode(item.path("content").asText(""), at + "/content", maxAttachmentSize,
                "ATTACHMENT_TOO_LARGE", violations);
        attachments.add(new EdocAttachment(text(item, "name"), text(item, "contentType"), text(item, "description"),
                content == null ? new byte[0] : content));
        SignatureFormat format = item.hasNonNull("signatureFormat")
                ? SignatureFormat.valueOf(item.get("signatureFormat").asText()) : null;
        boolean hasSignature = item.hasNonNull("signature");
        if (format == SignatureFormat.PDF) {
            if (hasSignature) {
                violations.add(new Violation(at + "/signature", "a signed PDF carries its signatures inside it; send "
                        + "no separate signature with signatureFormat PDF", "SIGNATURE_NOT_EXPECTED"));
            } else {
                signatures.add(new AttachmentSignature(i, SignatureFormat.PDF, null));
            }
        } else if (hasSignature) {
            byte[] signature = decode(item.get("signature").asText(), at + "/signature", maxAttachmentSize,
                    "SIGNATURE_TOO_LARGE", violations);
            if (signature != null) {
                signatures.add(new AttachmentSignature(i, SignatureFormat.CMS_DETACHED, signature));
            }
        } else if (format == SignatureFormat.CMS_DETACHED) {
            violations.add(new Violation(at + "/signature", "signatureFormat CMS_DETACHED needs the detached signature",
                    "SIGNATURE_MISSING"));
        }
    }

    /** Strict base64 (RFC 4648 §4, padded); too long a text is refused before decoding. */
    private static byte[] decode(String base64, String pointer, long maxBytes, String tooLargeCode,
                                 List<Violation> violations) {
        if ((long) base64.length() / 4 * 3 > maxBytes + 2) {
            violations.add(new Violation(pointer, "larger than " + maxBytes + " bytes once decoded", tooLargeCode));
            return null;
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(base64);
            if (bytes.length > maxBytes) {
                violations.add(new Violation(pointer, "larger than " + maxBytes + " bytes once decoded",
                        tooLargeCode));
                return null;
            }
            return bytes;
        } catch (IllegalArgumentException e) {
            violations.add(new Violation(pointer, "not base64 (standard alphabet, padded, no line breaks)",
                    "BASE64_INVALID"));
            return null;
        }
    }

    private static Organ organ(JsonNode organ) {
        if (organ.isMissingNode() || organ.isNull()) {
            return null;
        }
        return new Organ(text(organ, "organId"), text(organ, "organizationInCharge"), text(organ, "organName"),
                text(organ, "organAdd"), text(organ, "email"), text(organ, "telephone"), text(organ, "fax"),
                text(organ, "website"));
    }

    private static List<Organ> organs(JsonNode array) {
        List<Organ> organs = new ArrayList<>();
        array.forEach(node -> organs.add(organ(node)));
        return organs;
    }

    private static SignerInfo signer(JsonNode signer) {
        if (!signer.isObject()) {
            return null;
        }
        return new SignerInfo(text(signer, "competence"), text(signer, "position"), text(signer, "fullName"));
    }

    private static LocalDate date(JsonNode parent, String field, String pointer, List<Violation> violations) {
        try {
            return LocalDate.parse(parent.path(field).asText());
        } catch (DateTimeParseException e) {
            violations.add(new Violation(pointer, "not a real day (yyyy-MM-dd)"));
            return LocalDate.EPOCH;
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    /** The field as text (a number as its digits), or null when absent, null or empty. */
    static String text(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText();
        return text.isEmpty() ? null : text;
    }
}
